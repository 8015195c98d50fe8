import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisaggregationCategory } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildCategory, buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { setIndicatorCategories } from './disaggregations.repository.js';

let t: TestApp;
let root: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const home = await buildOrganisation(t.db);
  root = await t.as((await buildUser(t.db, { organisationId: home.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] })).id);
});
afterAll(() => t.close());

/** An organisation made by the factory, so without categories, and an M&E officer on it. */
async function freshOrganisation() {
  const org = await buildOrganisation(t.db);
  const me = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'me_officer', scopeType: 'organisation', scopeId: org.id }] })).id);
  return { org, me };
}

const list = async (agent: Agent, orgId: string) => {
  const res = await agent.get(`/api/organisations/${orgId}/disaggregations`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: DisaggregationCategory[]; canEdit: boolean };
};

const details = (res: { json(): { error: { details: unknown[] } } }) => res.json().error.details;

const sexOptions = [
  { code: 'f', label: 'Women' },
  { code: 'm', label: 'Men' },
];

describe('standard categories', () => {
  it('are given to every new organisation, in four languages, audited', async () => {
    const res = await root.post('/api/organisations', { name: `Standard ${newId()}`, type: '22' });
    expect(res.statusCode, res.body).toBe(201);
    const orgId = res.json().id as string;
    const { items, canEdit } = await list(root, orgId);
    expect(canEdit).toBe(true);
    expect(items.map((c) => [c.code, c.kind, c.position])).toEqual([['sex', 'sex', 0], ['age', 'age', 1], ['disability', 'disability', 2], ['displacement', 'displacement', 3]]);
    const age = items[1]!;
    expect(age.names).toMatchObject({ en: 'Age', fr: 'Âge' });
    expect(age.options.map((o) => [o.code, o.minAge, o.maxAge])).toEqual([['0-4', 0, 4], ['5-11', 5, 11], ['12-17', 12, 17], ['18-59', 18, 59], ['60+', 60, null]]);
    expect(age.options[4]!.labels.ar).toBe('60 سنة فأكثر');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_type']).where('organisation_id', '=', orgId).where('entity_type', '=', 'disaggregation_category').execute();
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.action === 'disaggregation_category.create')).toBe(true);
  });

  it('are added again on request only where the organisation lacks them, by code', async () => {
    const { org, me } = await freshOrganisation();
    expect((await list(me, org.id)).items).toEqual([]);
    const first = await me.post(`/api/organisations/${org.id}/disaggregations/standard`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((c: DisaggregationCategory) => c.code)).toEqual(['sex', 'age', 'disability', 'displacement']);
    const disability = first.json().items[2] as DisaggregationCategory;
    expect((await me.delete(`/api/disaggregations/${disability.id}`)).statusCode).toBe(200);
    const again = await me.post(`/api/organisations/${org.id}/disaggregations/standard`);
    expect(again.json().items.map((c: DisaggregationCategory) => c.code)).toEqual(['sex', 'age', 'displacement', 'disability']);
    const third = await me.post(`/api/organisations/${org.id}/disaggregations/standard`);
    expect(third.json().items.map((c: DisaggregationCategory) => c.id)).toEqual(again.json().items.map((c: DisaggregationCategory) => c.id));
  });
});

describe('creating a category', () => {
  it('adds a custom category with its options in order', async () => {
    const { org, me } = await freshOrganisation();
    const res = await me.post(`/api/organisations/${org.id}/disaggregations`, {
      code: 'hh', name: 'Household head', names: { fr: 'Chef de ménage' }, options: [{ code: 'fhh', label: 'Female-headed' }, { code: 'mhh', label: 'Male-headed' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'hh', kind: 'custom', usedBy: 0, names: { fr: 'Chef de ménage' }, options: [{ code: 'fhh', position: 0 }, { code: 'mhh', position: 1 }] });
  });

  it('answers 409 on the code when the organisation already has it', async () => {
    const { org, me } = await freshOrganisation();
    await buildCategory(t.db, { organisationId: org.id, code: 'sex' });
    const res = await me.post(`/api/organisations/${org.id}/disaggregations`, { code: 'sex', name: 'Sex', options: sexOptions });
    expect(res.statusCode).toBe(409);
    expect(details(res)).toMatchObject([{ field: 'code', reason: 'duplicate' }]);
  });

  it('refuses an option code used twice, naming the second option', async () => {
    const { org, me } = await freshOrganisation();
    const res = await me.post(`/api/organisations/${org.id}/disaggregations`, { code: 'x', name: 'X', options: [...sexOptions, { code: 'f', label: 'Again' }] });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toMatchObject([{ field: 'body.options.2.code', reason: 'duplicate' }]);
  });

  it('checks age bands: every first age given, last age not below it, no overlap', async () => {
    const { org, me } = await freshOrganisation();
    const post = (options: unknown[]) => me.post(`/api/organisations/${org.id}/disaggregations`, { code: 'ages', name: 'Ages', kind: 'age', options });
    const missing = await post([{ code: 'a', label: 'A', maxAge: 4 }, { code: 'b', label: 'B', minAge: 5, maxAge: 3 }]);
    expect(details(missing)).toMatchObject([
      { field: 'body.options.0.minAge', reason: 'required' },
      { field: 'body.options.1.maxAge', reason: 'max_age_below_min' },
    ]);
    const overlap = await post([{ code: 'young', label: 'Young', minAge: 0, maxAge: 10 }, { code: 'old', label: 'Old', minAge: 60 }, { code: 'teen', label: 'Teen', minAge: 10, maxAge: 17 }]);
    expect(overlap.statusCode).toBe(400);
    expect(details(overlap)).toMatchObject([{ field: 'body.options.2.minAge', reason: 'overlapping_age_bands', params: { first: 'young', second: 'teen' } }]);
    expect(details(overlap)[0]).toMatchObject({ message: 'Age bands "young" and "teen" overlap.' });
    // "And over" followed by another band overlaps too.
    const open = await post([{ code: 'adult', label: 'Adult', minAge: 18 }, { code: 'old', label: 'Old', minAge: 60 }]);
    expect(details(open)).toMatchObject([{ reason: 'overlapping_age_bands', params: { first: 'adult', second: 'old' } }]);
    const ok = await post([{ code: 'child', label: 'Child', minAge: 0, maxAge: 17 }, { code: 'adult', label: 'Adult', minAge: 18 }]);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses ages on the options of a category that is not about age', async () => {
    const { org, me } = await freshOrganisation();
    const res = await me.post(`/api/organisations/${org.id}/disaggregations`, { code: 'x', name: 'X', options: [{ code: 'a', label: 'A', minAge: 3 }, { code: 'b', label: 'B' }] });
    expect(details(res)).toMatchObject([{ field: 'body.options.0.minAge', reason: 'ages_only_for_age_bands' }]);
  });
});

/** A target on an indicator using the category, keyed by one of its options. */
async function targetOn(orgId: string, categoryId: string, optionId: string) {
  const programme = await buildProgramme(t.db, { organisationId: orgId });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: orgId });
  const indicator = await buildIndicator(t.db, { nodeId: (await buildResultNode(t.db, { projectId: project.id })).id });
  await setIndicatorCategories(t.db, indicator.id, [categoryId]);
  const now = nowIso();
  await t.db
    .insertInto('indicator_targets')
    .values({ id: newId(), indicator_id: indicator.id, period_key: 'LOP', location_id: null, disaggregation_key: optionId, value: 10, created_at: now, updated_at: now })
    .execute();
  return indicator;
}

describe('changing a category', () => {
  it('keeps the ids of options sent back, adds new ones, lets two options swap codes, and audits before and after', async () => {
    const { org, me } = await freshOrganisation();
    const c = await buildCategory(t.db, { organisationId: org.id, options: ['a', 'b', 'c'] });
    const [a, b, gone] = c.options;
    const res = await me.patch(`/api/disaggregations/${c.id}`, {
      name: 'Renamed',
      options: [{ id: b!.id, code: 'a', label: 'Was b' }, { id: a!.id, code: 'b', label: 'Was a' }, { code: 'd', label: 'New' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as DisaggregationCategory;
    expect(updated.name).toBe('Renamed');
    expect(updated.options.map((o) => [o.id === b!.id ? 'b' : o.id === a!.id ? 'a' : 'new', o.code, o.position])).toEqual([['b', 'a', 0], ['a', 'b', 1], ['new', 'd', 2]]);
    expect(updated.options.some((o) => o.id === gone!.id)).toBe(false);
    const entry = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', c.id).where('action', '=', 'disaggregation_category.update').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_type: 'disaggregation_category', organisation_id: org.id });
    expect(JSON.parse(entry.before_json!).options.map((o: { code: string }) => o.code)).toEqual(['a', 'b', 'c']);
    expect(JSON.parse(entry.after_json!).options.map((o: { code: string }) => o.code)).toEqual(['a', 'b', 'd']);
  });

  it('cannot change the kind, take a code the organisation uses, or claim an option of another category', async () => {
    const { org, me } = await freshOrganisation();
    const c = await buildCategory(t.db, { organisationId: org.id });
    const other = await buildCategory(t.db, { organisationId: org.id, code: 'taken' });
    const kind = await me.patch(`/api/disaggregations/${c.id}`, { kind: 'age' });
    expect(kind.statusCode).toBe(400);
    expect(details(kind)).toMatchObject([{ field: 'body.kind', reason: 'unknown_field' }]);
    const code = await me.patch(`/api/disaggregations/${c.id}`, { code: 'taken' });
    expect(code.statusCode).toBe(409);
    expect(details(code)).toMatchObject([{ field: 'code', reason: 'duplicate' }]);
    const foreign = await me.patch(`/api/disaggregations/${c.id}`, { options: [{ id: other.options[0]!.id, code: 'a', label: 'A' }, { code: 'z', label: 'Z' }] });
    expect(details(foreign)).toMatchObject([{ field: 'body.options.0.id', reason: 'unknown_reference' }]);
  });

  it('refuses to remove an option that a target uses, naming the option', async () => {
    const { org, me } = await freshOrganisation();
    const c = await buildCategory(t.db, { organisationId: org.id, options: ['with', 'without', 'unsure'] });
    await targetOn(org.id, c.id, c.options[0]!.id);
    const res = await me.patch(`/api/disaggregations/${c.id}`, { options: [{ id: c.options[1]!.id, code: 'without', label: 'Without' }, { code: 'x', label: 'X' }] });
    expect(res.statusCode).toBe(409);
    expect(details(res)).toMatchObject([{ field: 'body.options', reason: 'in_use', params: { name: 'with', count: 1 } }]);
    // Dropping only the unused option is fine.
    const ok = await me.patch(`/api/disaggregations/${c.id}`, { options: [{ id: c.options[0]!.id, code: 'with', label: 'With' }, { id: c.options[1]!.id, code: 'without', label: 'Without' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().options.map((o: { code: string }) => o.code)).toEqual(['with', 'without']);
  });
});

describe('deleting a category', () => {
  it('refuses while an indicator or a library entry uses it, and deletes it (audited) once unused', async () => {
    const { org, me } = await freshOrganisation();
    const used = await buildCategory(t.db, { organisationId: org.id, code: 'used' });
    await targetOn(org.id, used.id, used.options[0]!.id);
    const byIndicator = await me.delete(`/api/disaggregations/${used.id}`);
    expect(byIndicator.statusCode).toBe(409);
    expect(details(byIndicator)).toMatchObject([{ reason: 'in_use', params: { name: 'used', count: 1 } }]);

    const inLibrary = await buildCategory(t.db, { organisationId: org.id, code: 'lib' });
    const now = nowIso();
    await t.db
      .insertInto('library_indicators')
      .values({
        id: newId(), organisation_id: org.id, code: `L${newId().slice(0, 6)}`, name: 'Standard', names_json: '{}', definition: '', definitions_json: '{}', unit: '',
        type: 'number', direction: 'increase', time_aggregation: 'sum', location_aggregation: 'sum', cumulative: 0, means_of_verification: '', data_source: '',
        collection_method: '', frequency: 'quarter', source: '', category_ids_json: JSON.stringify([inLibrary.id]), archived: 0, created_at: now, updated_at: now,
      })
      .execute();
    expect((await list(me, org.id)).items.find((c) => c.id === inLibrary.id)!.usedBy).toBe(1);
    const byLibrary = await me.delete(`/api/disaggregations/${inLibrary.id}`);
    expect(byLibrary.statusCode).toBe(409);
    expect(details(byLibrary)).toMatchObject([{ reason: 'in_use', params: { name: 'lib', count: 1 } }]);

    const free = await buildCategory(t.db, { organisationId: org.id, code: 'free' });
    expect((await me.delete(`/api/disaggregations/${free.id}`)).statusCode).toBe(200);
    expect(await t.db.selectFrom('disaggregation_options').select('id').where('category_id', '=', free.id).execute()).toEqual([]);
    const entry = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', free.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'disaggregation_category.delete', entity_type: 'disaggregation_category', organisation_id: org.id, after_json: null });
  });
});

describe('who may read and change categories', () => {
  it('lets any role on the organisation and anyone who sees one of its programmes read; only editors on the organisation change', async () => {
    const { org } = await freshOrganisation();
    const c = await buildCategory(t.db, { organisationId: org.id });
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id });
    const agent = async (role: 'viewer' | 'programme_manager' | 'partner_reporter' | 'admin', scopeType: 'organisation' | 'programme' | 'project', scopeId: string) =>
      t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role, scopeType, scopeId }] })).id);
    const readers = [await agent('viewer', 'organisation', org.id), await agent('programme_manager', 'programme', programme.id), await agent('partner_reporter', 'project', project.id)];
    for (const reader of readers) {
      expect((await list(reader, org.id)).canEdit).toBe(false);
      expect((await reader.post(`/api/organisations/${org.id}/disaggregations`, { code: 'n', name: 'N', options: sexOptions })).statusCode).toBe(403);
      expect((await reader.patch(`/api/disaggregations/${c.id}`, { name: 'No' })).statusCode).toBe(403);
      expect((await reader.delete(`/api/disaggregations/${c.id}`)).statusCode).toBe(403);
    }
    const admin = await agent('admin', 'organisation', org.id);
    expect((await list(admin, org.id)).canEdit).toBe(true);

    const { me: stranger } = await freshOrganisation();
    expect((await stranger.get(`/api/organisations/${org.id}/disaggregations`)).statusCode).toBe(404);
    expect((await stranger.patch(`/api/disaggregations/${c.id}`, { name: 'No' })).statusCode).toBe(404);
    expect((await stranger.delete(`/api/disaggregations/${c.id}`)).statusCode).toBe(404);
    expect((await root.get(`/api/organisations/${newId()}/disaggregations`)).statusCode).toBe(404);
    expect((await root.patch(`/api/disaggregations/${newId()}`, { name: 'No' })).statusCode).toBe(404);
  });
});
