import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildReportingWorld, buildRound, buildValue } from '../../test/reporting-factories.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { monthIndexOf, rebuildAnalytics, rebuildTotals, refreshSubmissionFacts } from './facts.js';
import { keyNumbers } from './keys.repository.js';

let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
});
afterAll(() => t.drop());

const setStatus = (id: string, status: string) => db.updateTable('submissions').set({ status }).where('id', '=', id).execute();
const factsOf = async (submissionId: string) => {
  const no = (await keyNumbers(db, 'submission', [submissionId])).get(submissionId);
  if (no === undefined) return [];
  return db.selectFrom('analytics_facts').selectAll().where('submission_no', '=', no).orderBy('indicator_no').orderBy('value').execute();
};

describe('analytics facts', () => {
  it('counts a package while it is submitted (pending) or approved, and never otherwise', async () => {
    const w = await buildReportingWorld(db);
    const { submissions, round } = await buildRound(db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id, locationIds: w.locations.map((l) => l.id) }] });
    const s = submissions[0]!;
    const [a, b] = w.locations;
    await buildValue(db, { submissionId: s.id, indicatorId: w.indicators[0]!.id, locationId: a!.id, value: 12 });
    await buildValue(db, { submissionId: s.id, indicatorId: w.indicators[0]!.id, locationId: b!.id, value: 30 });
    await buildValue(db, { submissionId: s.id, indicatorId: w.indicators[1]!.id, locationId: a!.id, value: null }); // an emptied cell: no figure

    expect(await refreshSubmissionFacts(db, s.id)).toBe(0); // draft
    await setStatus(s.id, 'submitted');
    expect(await refreshSubmissionFacts(db, s.id)).toBe(2);
    let facts = await factsOf(s.id);
    expect(facts.map((f) => [f.approved, f.value, f.combo_no, f.month_start, f.month_end])).toEqual([
      [0, 12, 0, monthIndexOf(round.period_start), monthIndexOf(round.period_end)],
      [0, 30, 0, monthIndexOf(round.period_start), monthIndexOf(round.period_end)],
    ]);
    await setStatus(s.id, 'approved');
    await refreshSubmissionFacts(db, s.id);
    facts = await factsOf(s.id);
    expect(facts.map((f) => [f.approved, f.value])).toEqual([[1, 12], [1, 30]]);
    const orgNo = (await keyNumbers(db, 'organisation', [w.partner.id])).get(w.partner.id);
    const projectNo = (await keyNumbers(db, 'project', [w.project.id])).get(w.project.id);
    expect(new Set(facts.map((f) => `${f.organisation_no}/${f.project_no}`))).toEqual(new Set([`${orgNo}/${projectNo}`]));

    for (const status of ['reopened', 'returned', 'draft']) {
      await setStatus(s.id, status);
      await refreshSubmissionFacts(db, s.id);
      expect(await factsOf(s.id), status).toEqual([]);
    }
  });

  it('keeps disaggregation keys and percentages as numerator and denominator', async () => {
    const w = await buildReportingWorld(db);
    const { submissions } = await buildRound(db, { projectId: w.project.id, reporters: [{ organisationId: w.lead.id, locationIds: [w.locations[0]!.id], status: 'approved' }] });
    const s = submissions[0]!;
    await buildValue(db, { submissionId: s.id, indicatorId: w.indicators[0]!.id, locationId: w.locations[0]!.id, disaggregationKey: 'f-id|u5-id', value: 7 });
    await db
      .updateTable('indicator_values')
      .set({ numerator: 3, denominator: 4, value: 75 })
      .where('submission_id', '=', s.id)
      .execute();
    await refreshSubmissionFacts(db, s.id);
    const [f] = await factsOf(s.id);
    const combo = (await keyNumbers(db, 'combo', ['f-id|u5-id'])).get('f-id|u5-id');
    expect(f).toMatchObject({ combo_no: combo, value: 75, numerator: 3, denominator: 4, approved: 1 });
  });

  it('a rebuild gives what the review actions wrote', async () => {
    const w = await buildReportingWorld(db);
    const { submissions } = await buildRound(db, {
      projectId: w.project.id,
      reporters: [
        { organisationId: w.partner.id, locationIds: [w.locations[0]!.id], status: 'approved' },
        { organisationId: w.other.id, locationIds: [w.locations[1]!.id], status: 'submitted' },
        { organisationId: w.lead.id, locationIds: [w.locations[1]!.id] },
      ],
    });
    for (const [i, s] of submissions.entries()) {
      await buildValue(db, { submissionId: s.id, indicatorId: w.indicators[0]!.id, locationId: s.locationIds[0]!, value: 10 + i });
      await refreshSubmissionFacts(db, s.id);
    }
    const before = await db.selectFrom('analytics_facts').selectAll().execute();
    const sort = (rows: typeof before) => rows.map((r) => JSON.stringify(r)).sort();
    await db.transaction().execute(async (trx) => {
      const r = await rebuildAnalytics(trx);
      expect(r.facts).toBe(before.length);
    });
    expect(sort(await db.selectFrom('analytics_facts').selectAll().execute())).toEqual(sort(before));
    expect((await factsOf(submissions[2]!.id)).length).toBe(0);
  });

  it('keeps the totals equal to the facts added up over places, organisations and packages', async () => {
    const w = await buildReportingWorld(db);
    const { submissions } = await buildRound(db, {
      projectId: w.project.id,
      reporters: [
        { organisationId: w.partner.id, locationIds: w.locations.map((l) => l.id), status: 'approved' },
        { organisationId: w.other.id, locationIds: [w.locations[1]!.id], status: 'approved' },
      ],
    });
    const [a, b] = w.locations;
    const first = submissions[0]!;
    const second = submissions[1]!;
    await buildValue(db, { submissionId: first.id, indicatorId: w.indicators[0]!.id, locationId: a!.id, value: 12 });
    await buildValue(db, { submissionId: first.id, indicatorId: w.indicators[0]!.id, locationId: b!.id, value: 30 });
    await buildValue(db, { submissionId: second.id, indicatorId: w.indicators[0]!.id, locationId: b!.id, value: 8 });
    await refreshSubmissionFacts(db, first.id);
    await refreshSubmissionFacts(db, second.id);
    const indicatorNo = (await keyNumbers(db, 'indicator', [w.indicators[0]!.id])).get(w.indicators[0]!.id)!;
    const totals = () => db.selectFrom('analytics_totals').select(['approved', 'value', 'location_no', 'organisation_no', 'submission_no']).where('indicator_no', '=', indicatorNo).execute();
    expect(await totals()).toEqual([{ approved: 1, value: 50, location_no: 0, organisation_no: 0, submission_no: 0 }]);

    // The second package is reopened: its 8 leaves the total at once.
    await setStatus(second.id, 'reopened');
    await refreshSubmissionFacts(db, second.id);
    expect((await totals()).map((r) => r.value)).toEqual([42]);
    // Pending and approved stay apart.
    await setStatus(second.id, 'submitted');
    await refreshSubmissionFacts(db, second.id);
    expect((await totals()).map((r) => [r.approved, r.value]).sort()).toEqual([[0, 8], [1, 42]]);

    const before = await db.selectFrom('analytics_totals').selectAll().execute();
    await rebuildTotals(db);
    const sort = (rows: typeof before) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sort(await db.selectFrom('analytics_totals').selectAll().execute())).toEqual(sort(before));
  });
});
