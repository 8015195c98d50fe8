import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/clock.js';
import { buildLocationTree } from '../../test/factories.js';
import { buildCategory } from '../../test/results-factories.js';
import { buildReportingWorld, buildRound, buildValue } from '../../test/reporting-factories.js';
import { refreshSubmissionFacts } from './facts.js';

/**
 * A small project for pivot tests, with numbers simple enough to add up by hand. 2025, calendar
 * fiscal year; two regions: Alpha (districts Delta and Echo) and Beta (district Foxtrot).
 *
 * | code  | what              | rules                       | breakdown |
 * |-------|-------------------|-----------------------------|-----------|
 * | IND-1 | people reached    | sum over time and places     | sex F, M  |
 * | IND-2 | share re-enrolled | percentage (Σnum ÷ Σden)     | sex F, M  |
 * | IND-3 | open centres      | latest over time, sum places | none      |
 *
 * Packages (lead = the lead organisation, partner = the implementing partner):
 *
 * |                        | Delta          | Echo          | Foxtrot        |
 * |------------------------|----------------|---------------|----------------|
 * | Q1 lead, approved      | IND-1 F6 M4    | IND-1 F3 M2   | IND-1 F4 M3    |
 * |                        | IND-2 F20/30 M10/30 |          | IND-2 F6/20 M4/20 |
 * |                        | IND-3 3        | IND-3 4       | IND-3 9        |
 * | Q2 lead, approved      | IND-1 F2 M2    |               | IND-1 F3 M3    |
 * |                        | IND-3 5        |               |                |
 * | Q2 partner, approved   |                | IND-1 F1 M2, IND-3 6 |          |
 * | Q3 partner, submitted  | IND-1 F60 M40 (pending) |      |                |
 */
export async function buildPivotWorld(db: Database) {
  const w = await buildReportingWorld(db);
  await db.updateTable('projects').set({ start_date: '2025-01-01', end_date: '2025-12-31' }).where('id', '=', w.project.id).execute();

  const alphaTree = await buildLocationTree(db);
  const betaTree = await buildLocationTree(db);
  const now = nowIso();
  const echo = { ...alphaTree.admin2, id: newId(), pcode: `${alphaTree.admin2.pcode}E`, created_at: now, updated_at: now };
  await db.insertInto('locations').values(echo).execute();
  const rename = (id: string, name: string) => db.updateTable('locations').set({ name }).where('id', '=', id).execute();
  await rename(alphaTree.admin1.id, 'Alpha');
  await rename(betaTree.admin1.id, 'Beta');
  await rename(alphaTree.admin2.id, 'Delta');
  await rename(echo.id, 'Echo');
  await rename(betaTree.admin2.id, 'Foxtrot');
  const places = { delta: alphaTree.admin2.id, echo: echo.id, foxtrot: betaTree.admin2.id };
  await db.deleteFrom('project_locations').where('project_id', '=', w.project.id).execute();
  await db.insertInto('project_locations').values(Object.values(places).map((id) => ({ project_id: w.project.id, location_id: id }))).execute();

  const [reach, pct] = w.indicators as [(typeof w.indicators)[number], (typeof w.indicators)[number]];
  const stock = { ...reach, id: newId(), code: 'IND-3', created_at: now, updated_at: now };
  await db.insertInto('indicators').values(stock).execute();
  const set = (id: string, v: Record<string, unknown>) => db.updateTable('indicators').set(v).where('id', '=', id).execute();
  await set(reach.id, { code: 'IND-1', name: 'People reached', names_json: JSON.stringify({ fr: 'Personnes atteintes' }) });
  await set(pct.id, { code: 'IND-2', name: 'Share re-enrolled', type: 'percentage', unit: '%' });
  await set(stock.id, { name: 'Open centres', time_aggregation: 'latest' });
  const sex = await buildCategory(db, { organisationId: w.lead.id, code: 'sex', options: ['F', 'M'] });
  await db.updateTable('disaggregation_options').set({ labels_json: JSON.stringify({ fr: 'Femmes' }) }).where('id', '=', sex.options[0]!.id).execute();
  await db
    .insertInto('indicator_disaggregations')
    .values([reach.id, pct.id].map((id) => ({ indicator_id: id, category_id: sex.id, position: 0 })))
    .execute();
  const [F, M] = sex.options.map((o) => o.id) as [string, string];
  const ids = { reach: reach.id, pct: pct.id, stock: stock.id };

  type V = { i: string; l: string; v?: number; n?: number; d?: number; key?: string };
  type Package = { organisationId: string; status: 'approved' | 'submitted'; values: V[] };
  /** A round with one package per organisation, its values, and its facts written as the review writes them. */
  const round = async (periodKey: string, packages: Package[]) => {
    const { submissions } = await buildRound(db, {
      projectId: w.project.id,
      periodKey,
      reporters: packages.map((p) => ({ organisationId: p.organisationId, locationIds: [...new Set(p.values.map((x) => x.l))], status: p.status })),
      indicatorIds: Object.values(ids),
    });
    for (const [n, p] of packages.entries()) {
      const s = submissions[n]!;
      for (const x of p.values) {
        const row = await buildValue(db, { submissionId: s.id, indicatorId: x.i, locationId: x.l, value: x.v ?? null, disaggregationKey: x.key ?? '' });
        if (x.n !== undefined) await db.updateTable('indicator_values').set({ numerator: x.n, denominator: x.d!, value: (100 * x.n) / x.d! }).where('id', '=', row.id).execute();
      }
      await refreshSubmissionFacts(db, s.id);
    }
  };
  /** A count with its sex breakdown (total and both options, as the grid stores them). */
  const bySex = (i: string, l: string, f: number, m: number): V[] => [{ i, l, v: f + m }, { i, l, v: f, key: F }, { i, l, v: m, key: M }];
  const ratioBySex = (i: string, l: string, f: [number, number], m: [number, number]): V[] => [
    { i, l, n: f[0] + m[0], d: f[1] + m[1] }, { i, l, n: f[0], d: f[1], key: F }, { i, l, n: m[0], d: m[1], key: M },
  ];
  const { delta, echo: e, foxtrot } = places;
  const lead = (status: Package['status'], values: V[]): Package => ({ organisationId: w.lead.id, status, values });
  const partner = (status: Package['status'], values: V[]): Package => ({ organisationId: w.partner.id, status, values });
  await round('2025-Q1', [
    lead('approved', [
      ...bySex(ids.reach, delta, 6, 4), ...bySex(ids.reach, e, 3, 2), ...bySex(ids.reach, foxtrot, 4, 3),
      ...ratioBySex(ids.pct, delta, [20, 30], [10, 30]), ...ratioBySex(ids.pct, foxtrot, [6, 20], [4, 20]),
      { i: ids.stock, l: delta, v: 3 }, { i: ids.stock, l: e, v: 4 }, { i: ids.stock, l: foxtrot, v: 9 },
    ]),
  ]);
  await round('2025-Q2', [
    lead('approved', [...bySex(ids.reach, delta, 2, 2), ...bySex(ids.reach, foxtrot, 3, 3), { i: ids.stock, l: delta, v: 5 }]),
    partner('approved', [...bySex(ids.reach, e, 1, 2), { i: ids.stock, l: e, v: 6 }]),
  ]);
  await round('2025-Q3', [partner('submitted', bySex(ids.reach, delta, 60, 40))]);

  return { ...w, ids, places, regions: { alpha: alphaTree.admin1.id, beta: betaTree.admin1.id }, sex: { id: sex.id, F, M } };
}
export type PivotWorld = Awaited<ReturnType<typeof buildPivotWorld>>;
