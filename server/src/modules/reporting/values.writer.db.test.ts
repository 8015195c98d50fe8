import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { buildReportingWorld, buildRound, type ReportingWorld } from '../../test/reporting-factories.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { type CellWrite, writeValues } from './values.writer.js';

let database: TestDatabase;
let db: Database;
let world: ReportingWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
  world = await buildReportingWorld(db);
});
afterAll(() => database.drop());

const cell = (indicatorId: string, locationId: string | null, over: Partial<CellWrite> = {}): CellWrite => ({
  indicatorId, locationId, disaggregationKey: '', value: null, numerator: null, denominator: null, text: null, comment: '', ...over,
});

let month = 0;
async function newPackage() {
  month++;
  const periodKey = `2025-${String(month).padStart(2, '0')}`;
  const { submissions } = await buildRound(db, { projectId: world.project.id, periodType: 'month', periodKey, reporters: [{ organisationId: world.partner.id, locationIds: world.locations.map((l) => l.id) }] });
  return submissions[0]!.id;
}

const stored = (submissionId: string) =>
  db.selectFrom('indicator_values').selectAll().where('submission_id', '=', submissionId).orderBy('indicator_id').orderBy('location_id').orderBy('disaggregation_key').execute();
const history = (submissionId: string) => db.selectFrom('value_history').selectAll().where('submission_id', '=', submissionId).orderBy('changed_at').execute();

describe('writeValues', () => {
  it('creates, leaves unchanged, updates and clears, with history for updates and clears only', async () => {
    const submissionId = await newPackage();
    const [i1, i2] = world.indicators.map((i) => i.id) as [string, string];
    const [a, b] = world.locations.map((l) => l.id) as [string, string];
    const user = world.users.partnerReporter.id;
    const first = await db.transaction().execute((trx) =>
      writeValues(trx, { submissionId, userId: user, source: 'grid', at: '2026-11-24T10:00:00.000Z' }, [
        cell(i1, a, { value: 10 }),
        cell(i1, b, { value: 20, comment: 'estimate' }),
        cell(i2, null, { value: 55.5, numerator: 111, denominator: 200 }),
        cell(i2, a, { text: 'Good progress' }),
        cell(i1, a, { disaggregationKey: 'x|y', value: 4 }),
        cell(i2, b), // clearing a cell that has no value: nothing happens
      ]),
    );
    expect(first).toEqual({ created: 5, updated: 0, cleared: 0, unchanged: 1 });
    expect(await history(submissionId)).toEqual([]);
    const rows = await stored(submissionId);
    expect(rows).toHaveLength(5);
    const n = rows.find((r) => r.indicator_id === i2 && r.location_id === null)!;
    expect([n.value, n.numerator, n.denominator, n.text_value, n.comment, n.updated_by]).toEqual([55.5, 111, 200, null, '', user]);
    const idOfA = rows.find((r) => r.indicator_id === i1 && r.location_id === a && r.disaggregation_key === '')!.id;

    const second = await db.transaction().execute((trx) =>
      writeValues(trx, { submissionId, userId: world.users.manager.id, source: 'import', at: '2026-11-24T11:00:00.000Z' }, [
        cell(i1, a, { value: 10 }), // unchanged
        cell(i1, b, { value: 20, comment: 'counted' }), // comment changed
        cell(i2, null), // cleared
        cell(i1, a, { disaggregationKey: 'x|y', value: 4 }), // unchanged
      ]),
    );
    expect(second).toEqual({ created: 0, updated: 1, cleared: 1, unchanged: 2 });
    const after = await stored(submissionId);
    expect(after).toHaveLength(4);
    const untouched = after.find((r) => r.id === idOfA)!;
    expect([untouched.updated_at, untouched.updated_by]).toEqual(['2026-11-24T10:00:00.000Z', user]);
    const changed = after.find((r) => r.indicator_id === i1 && r.location_id === b)!;
    expect([changed.comment, changed.updated_by, changed.updated_at]).toEqual(['counted', world.users.manager.id, '2026-11-24T11:00:00.000Z']);

    const h = await history(submissionId);
    expect(h).toHaveLength(2);
    const upd = h.find((r) => r.indicator_id === i1)!;
    expect(JSON.parse(upd.before_json!)).toEqual({ value: 20, numerator: null, denominator: null, text: null, comment: 'estimate' });
    expect(JSON.parse(upd.after_json!)).toEqual({ value: 20, numerator: null, denominator: null, text: null, comment: 'counted' });
    expect([upd.source, upd.changed_by, upd.location_id]).toEqual(['import', world.users.manager.id, b]);
    const clr = h.find((r) => r.indicator_id === i2)!;
    expect(JSON.parse(clr.before_json!)).toEqual({ value: 55.5, numerator: 111, denominator: 200, text: null, comment: '' });
    expect([clr.after_json, clr.location_id]).toEqual([null, null]);
  });

  it('writes a batch larger than one statement on either database and counts it right', async () => {
    const submissionId = await newPackage();
    const i1 = world.indicators[0]!.id;
    const a = world.locations[0]!.id;
    const user = world.users.partnerReporter.id;
    const at = '2026-11-24T12:00:00.000Z';
    const cells = Array.from({ length: 7_000 }, (_, k) => cell(i1, a, { disaggregationKey: `k${k}`, value: k }));
    const created = await db.transaction().execute((trx) => writeValues(trx, { submissionId, userId: user, source: 'import', at }, cells, { knownAbsent: true }));
    expect(created).toEqual({ created: 7_000, updated: 0, cleared: 0, unchanged: 0 });
    // Every other cell changes, every tenth is cleared.
    const next = cells.map((c, k) => (k % 10 === 0 ? cell(i1, a, { disaggregationKey: c.disaggregationKey }) : k % 2 === 1 ? { ...c, value: k + 0.5 } : c));
    const again = await db.transaction().execute((trx) => writeValues(trx, { submissionId, userId: user, source: 'import', at }, next));
    expect(again).toEqual({ created: 0, updated: 3_500, cleared: 700, unchanged: 2_800 });
    const rows = await stored(submissionId);
    expect(rows).toHaveLength(6_300);
    expect(rows.reduce((s, r) => s + r.value!, 0)).toBe(next.reduce((s, c) => s + (c.value ?? 0), 0));
    expect(await history(submissionId)).toHaveLength(4_200);
  });

  it('rolls back with the caller transaction', async () => {
    const submissionId = await newPackage();
    const i1 = world.indicators[0]!.id;
    await expect(
      db.transaction().execute(async (trx) => {
        await writeValues(trx, { submissionId, userId: newId(), source: 'grid', at: '2026-11-24T12:00:00.000Z' }, [cell(i1, null, { value: 3 })]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await stored(submissionId)).toEqual([]);
  });
});
