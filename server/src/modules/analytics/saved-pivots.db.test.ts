import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivotDefinitionInput, SavedPivot } from '@shared/schemas/monitoring.js';
import { newId } from '../../lib/ids.js';
import { buildUser } from '../../test/factories.js';
import { buildReportingWorld, type ReportingWorld } from '../../test/reporting-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

/** Saved pivots: the owner keeps, renames, shares and deletes; colleagues of the organisation read shared ones. */
let t: TestApp;
let w: ReportingWorld;
let owner: Agent;
let colleague: Agent;
let partner: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportingWorld(t.db);
  owner = await t.as(w.users.manager.id);
  colleague = await t.as(w.users.viewer.id);
  partner = await t.as(w.users.partnerReporter.id);
});
afterAll(() => t.close());

const definition = (): PivotDefinitionInput => ({ indicatorIds: [w.indicators[0]!.id], rows: [{ type: 'location', level: 'admin1' }], columns: [{ type: 'period', granularity: 'year' }] });
const auditOf = (entityId: string) => t.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'saved_pivot').where('entity_id', '=', entityId).orderBy('at').execute();
const listed = async (agent: Agent) => ((await agent.get('/api/saved-pivots')).json() as { items: SavedPivot[] }).items.map((p) => p.id);

describe('saved pivots', () => {
  it('are kept, shared, renamed and deleted by their owner only, every change audited', async () => {
    const created = await owner.post('/api/saved-pivots', { name: 'Reach by region', definition: definition() });
    expect(created.statusCode, created.body).toBe(201);
    const saved = created.json() as SavedPivot;
    expect(saved).toMatchObject({ name: 'Reach by region', shared: false, mine: true, owner: { id: w.users.manager.id, name: w.users.manager.name } });
    expect(saved.definition).toMatchObject({ indicatorIds: definition().indicatorIds, includePending: false, filters: { locationIds: [] } });
    const url = `/api/saved-pivots/${saved.id}`;
    expect(await listed(owner)).toContain(saved.id);

    // Not shared: a colleague cannot even tell it exists.
    expect(await listed(colleague)).not.toContain(saved.id);
    expect((await colleague.get(url)).statusCode).toBe(404);
    expect((await colleague.patch(url, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await colleague.delete(url)).statusCode).toBe(404);

    const shared = await owner.patch(url, { shared: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toMatchObject({ shared: true, name: 'Reach by region' });

    // Shared: colleagues of the organisation read it, and may not change it.
    expect(await listed(colleague)).toContain(saved.id);
    const read = await colleague.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: saved.id, mine: false, shared: true });
    expect((await colleague.patch(url, { name: 'Mine now' })).statusCode).toBe(403);
    expect((await colleague.delete(url)).statusCode).toBe(403);
    // Another organisation's people do not see it, shared or not.
    expect(await listed(partner)).not.toContain(saved.id);
    expect((await partner.get(url)).statusCode).toBe(404);

    const renamed = await owner.patch(url, { name: 'Reach by region and year' });
    expect(renamed.json()).toMatchObject({ name: 'Reach by region and year', shared: true });

    expect((await owner.delete(url)).statusCode).toBe(204);
    expect((await owner.get(url)).statusCode).toBe(404);
    expect(await listed(colleague)).not.toContain(saved.id);

    const audit = await auditOf(saved.id);
    expect(audit.map((a) => a.action)).toEqual(['saved_pivot.create', 'saved_pivot.update', 'saved_pivot.update', 'saved_pivot.delete']);
    expect(audit.every((a) => a.actor_user_id === w.users.manager.id && a.organisation_id === w.lead.id)).toBe(true);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ shared: false });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ shared: true });
    expect(JSON.parse(audit[2]!.after_json!)).toMatchObject({ name: 'Reach by region and year' });
  });

  it('lists mine and my organisation’s shared ones, by name', async () => {
    const make = async (agent: Agent, name: string, isShared: boolean) =>
      ((await agent.post('/api/saved-pivots', { name, definition: definition(), shared: isShared })).json() as SavedPivot).id;
    const b = await make(owner, 'B mine', false);
    const a = await make(colleague, 'A colleague shared', true);
    const hidden = await make(colleague, 'C colleague private', false);
    const ids = await listed(owner);
    expect(ids.filter((id) => [a, b, hidden].includes(id))).toEqual([a, b]);
  });

  it('refuses a definition the pivot would refuse, and indicators the reader cannot see', async () => {
    const twoWithoutIndicator = { ...definition(), indicatorIds: w.indicators.map((i) => i.id) };
    const res = await owner.post('/api/saved-pivots', { name: 'Broken', definition: twoWithoutIndicator });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { details: [{ field: 'rows', reason: 'indicator_dimension_required' }] } });
    expect((await owner.post('/api/saved-pivots', { name: 'Unknown', definition: { ...definition(), indicatorIds: [newId()] } })).statusCode).toBe(404);
    const outsider = await t.as((await buildUser(t.db, { organisationId: w.other.id, grants: [] })).id);
    expect((await outsider.post('/api/saved-pivots', { name: 'Not mine', definition: definition() })).statusCode).toBe(404);
    expect(await t.db.selectFrom('saved_pivots').select('id').where('name', 'in', ['Broken', 'Unknown', 'Not mine']).execute()).toEqual([]);
  });
});
