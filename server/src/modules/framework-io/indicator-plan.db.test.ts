import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildIndicator } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildSmallFramework, buildWorld, loadXlsx, type World } from './framework-io.test-world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

/** Links OC1 to a library entry and to an indicator of the programme's framework, straight in the database. */
async function linkUp(indicatorId: string) {
  const now = nowIso();
  const library = {
    id: newId(), organisation_id: w.orgId, code: `LIB-${Date.now() % 100000}`, name: 'Children in school', names_json: '{}', definition: '', definitions_json: '{}', unit: 'children',
    type: 'number', direction: 'increase', time_aggregation: 'sum', location_aggregation: 'sum', cumulative: 0, means_of_verification: '', data_source: '',
    collection_method: '', frequency: 'quarter', source: 'Education cluster', category_ids_json: '[]', archived: 0, created_at: now, updated_at: now,
  };
  await t.db.insertInto('library_indicators').values(library).execute();
  const framework = await t.db.selectFrom('results_frameworks').select('id').where('programme_id', '=', w.programmeId).executeTakeFirst();
  const frameworkId = framework?.id ?? newId();
  if (!framework) {
    await t.db.insertInto('results_frameworks').values({ id: frameworkId, project_id: null, programme_id: w.programmeId, template: 'custom', level_labels_json: '[]', created_at: now, updated_at: now }).execute();
  }
  const node = { id: newId(), framework_id: frameworkId, parent_id: null, level: 0, code: `PG${Date.now() % 100000}`, title: 'Programme goal', titles_json: '{}', description: '', position: 0, created_at: now, updated_at: now };
  await t.db.insertInto('result_nodes').values(node).execute();
  const programmeIndicator = await buildIndicator(t.db, { nodeId: node.id, code: 'P-EDU-1', name: 'Children in school across the programme' });
  await t.db.updateTable('indicators').set({ library_indicator_id: library.id, contributes_to_id: programmeIndicator.id }).where('id', '=', indicatorId).execute();
  return library.code;
}

const planOf = async (projectId: string, headers: Record<string, string> = {}) => {
  const res = await w.pm.get(`/api/projects/${projectId}/indicator-plan.xlsx`, headers);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fieldbook-indicator-plan-[A-Za-z0-9._-]+-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  return (await loadXlsx(res.rawPayload)).worksheets[0]!;
};

describe('the indicator plan', () => {
  it('has title rows, one row per indicator with its reference sheet, and one column per period target', async () => {
    const f = await buildSmallFramework(t, w);
    const libraryCode = await linkUp(f.indicators.OC1!.id);
    const ws = await planOf(f.projectId);
    expect(ws.name).toBe('Indicator plan');
    expect(ws.getCell('A1').value).toBe('Indicator plan (performance monitoring plan)');
    expect(ws.getCell('A2').value).toMatch(new RegExp(`^${f.code} — Project`));
    expect(ws.getCell('A3').value).toMatch(/^Organisation: Organisation /);
    expect(ws.getCell('A4').value).toMatch(/^Generated on \d{4}-\d{2}-\d{2}$/);

    const header = (ws.getRow(6).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Result level', 'Result code', 'Result', 'Indicator code', 'Indicator', 'Definition', 'Unit of measure', 'Type', 'Direction', 'Over time',
      'Across places', 'Cumulative', 'Disaggregated by', 'Baseline value', 'Baseline date', 'Life-of-project target',
      '2025-Q1', '2025-Q2', '2025-Q3',
      'Means of verification', 'Data source', 'Collection method', 'Frequency', 'Responsible', 'Library entry', 'Contributes to (programme indicator)',
    ]);
    const row = (n: number) => Object.fromEntries(header.map((h, i) => [String(h), ws.getRow(n).getCell(i + 1).value ?? null]));
    expect(row(7)).toEqual({
      'Result level': 'Outcome', 'Result code': 'O1', Result: 'Children are in school', 'Indicator code': 'OC1', Indicator: 'Children enrolled', Definition: null,
      'Unit of measure': 'children', Type: 'Number', Direction: 'Increase is better', 'Over time': 'Sum', 'Across places': 'Sum', Cumulative: 'No',
      'Disaggregated by': 'Sex, Age', 'Baseline value': 0, 'Baseline date': '2025-01-15', 'Life-of-project target': 1200,
      // Totals only: the Q2 breakdowns by sex and place are not added in, and the LOP target is its own number.
      '2025-Q1': 100, '2025-Q2': 200, '2025-Q3': null,
      'Means of verification': 'School registers', 'Data source': null, 'Collection method': null, Frequency: 'Quarterly', Responsible: 'M&E officer',
      'Library entry': libraryCode, 'Contributes to (programme indicator)': 'P-EDU-1 — Children in school across the programme',
    });
    expect(row(8)).toMatchObject({ 'Result level': 'Output', 'Indicator code': 'OP1.1a', Type: 'Percentage', 'Baseline value': 12.5, '2025-Q1': 20, '2025-Q2': null, '2025-Q3': 40.5 });
    expect(ws.getRow(9).values).toEqual([]);

    // Percentages show a % sign while the cell keeps the number as entered (20 means 20%).
    const percentColumn = header.indexOf('2025-Q1') + 1;
    expect(ws.getRow(8).getCell(percentColumn).numFmt).toContain('%');
    expect(ws.getRow(7).getCell(percentColumn).numFmt).not.toContain('%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('speaks the reader\'s language, right to left in Arabic', async () => {
    const f = await buildSmallFramework(t, w);
    const fr = await planOf(f.projectId, { 'accept-language': 'fr' });
    expect(fr.getCell('A1').value).toBe('Plan des indicateurs (plan de suivi de la performance)');
    expect(fr.getRow(6).getCell(1).value).toBe('Niveau du résultat');
    expect(fr.getRow(7).getCell(5).value).toBe('Enfants inscrits');
    expect(fr.getRow(7).getCell(13).value).toBe('Sex (fr), Age (fr)');
    const ar = await planOf(f.projectId, { 'accept-language': 'ar' });
    expect(ar.views[0]).toMatchObject({ rightToLeft: true });
  });

  it('is readable by anyone who reads the project', async () => {
    const f = await buildSmallFramework(t, w);
    expect((await w.viewer.get(`/api/projects/${f.projectId}/indicator-plan.xlsx`)).statusCode).toBe(200);
  });
});
