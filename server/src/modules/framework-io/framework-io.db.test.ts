import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { auditCount, buildSmallFramework, buildWorld, frameworkState, loadXlsx, removeRows, sheetRows, toBase64, type World } from './framework-io.test-world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const why = { reason: 'adaptive_management', note: 'Mid-term review' };
const exportOf = async (projectId: string, agent = w.pm) => {
  const res = await agent.get(`/api/projects/${projectId}/framework.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const importFile = (projectId: string, contentBase64: string, dryRun = false, agent = w.pm) =>
  agent.post(`/api/projects/${projectId}/framework/import`, { contentBase64, dryRun, why });

type Detail = { sheet?: string; row?: number; column?: string; reason: string; message: string };
const problems = (res: { json(): unknown }) =>
  ((res.json() as { error: { details: Detail[] } }).error.details ?? []).map((d) => `${d.sheet}:${d.row ?? '-'}:${d.column ?? '-'}:${d.reason}`);

describe('exporting a framework', () => {
  it('downloads the template layout with a safe file name, every sheet and the framework rows', async () => {
    const f = await buildSmallFramework(t, w);
    const res = await exportOf(f.projectId);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fieldbook-framework-[A-Za-z0-9._-]+\.xlsx"$/);
    const wb = await loadXlsx(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Instructions', 'Results', 'Indicators', 'Targets', 'Lists']);
    expect(sheetRows(wb, 'Results').map((r) => [r.code, r.level, r.parent_code, r.title_fr])).toEqual([
      ['G', 0, null, 'Les enfants sont protégés'],
      ['O1', 1, 'G', null],
      ['OP1.1', 2, 'O1', null],
    ]);
    const oc1 = sheetRows(wb, 'Indicators').find((r) => r.code === 'OC1')!;
    expect(oc1).toMatchObject({ result_code: 'O1', name: 'Children enrolled', name_fr: 'Enfants inscrits', type: 'number', cumulative: 'no', baseline_value: 0, baseline_date: '2025-01-15', lop_target: 1200 });
    expect(oc1.disaggregations).toBe(`${w.categories.sex.code}, ${w.categories.age.code}`);
    const targets = sheetRows(wb, 'Targets').filter((r) => r.indicator_code === 'OC1');
    expect(targets.map((r) => [r.period, r.location_pcode, r.disaggregation, r.value])).toEqual([
      ['2025-Q1', null, null, 100],
      ['2025-Q2', null, null, 200],
      ['2025-Q2', null, `${w.categories.sex.code}=female`, 110],
      ['2025-Q2', null, `${w.categories.sex.code}=male`, 90],
      ['2025-Q2', f.pcodes[1], null, 50],
      ['LOP', null, `${w.categories.sex.code}=female`, 650],
    ]);
    const ws = wb.getWorksheet('Indicators')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('writes text that looks like a formula as a plain string, and reads it back as the same text', async () => {
    const f = await buildSmallFramework(t, w, '=HYPERLINK("http://evil.example","click")');
    const res = await exportOf(f.projectId);
    const cell = (await loadXlsx(res.rawPayload)).getWorksheet('Results')!.getCell('D2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","click")');
    const ok = await importFile(f.projectId, res.rawPayload.toString('base64'));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().nodes.unchanged).toBe(3);
  });

  it('offers the blank template with its Instructions sheet and dropdowns to any signed-in user', async () => {
    const res = await w.outsider.get('/api/framework-template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = await loadXlsx(res.rawPayload);
    const instructions = wb.getWorksheet('Instructions')!;
    const text = (instructions.getSheetValues() as unknown[][]).flat().filter((v) => typeof v === 'string').join('\n');
    for (const column of ['parent_code', 'time_aggregation', 'disaggregations', 'location_pcode', 'indicator_code']) expect(text).toContain(column);
    expect(sheetRows(wb, 'Results')).toEqual([]);
    const type = wb.getWorksheet('Indicators')!.getCell('I2').dataValidation;
    expect(type).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^Lists!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/)] });
    expect((await t.anonymous().get('/api/framework-template.xlsx')).statusCode).toBe(401);
  });
});

describe('importing a framework', () => {
  it('changes nothing when an exported file is imported again: all unchanged, no audit entries', async () => {
    const f = await buildSmallFramework(t, w);
    const before = await frameworkState(t, w.pm, f.projectId);
    const audits = await auditCount(t.db);
    const res = await importFile(f.projectId, (await exportOf(f.projectId)).rawPayload.toString('base64'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      nodes: { created: 0, updated: 0, deleted: 0, unchanged: 3 },
      indicators: { created: 0, updated: 0, deleted: 0, unchanged: 2 },
      targets: { total: 8, changed: 0 },
    });
    expect(await auditCount(t.db)).toBe(audits);
    expect(await frameworkState(t, w.pm, f.projectId)).toEqual(before);
  });

  it('updates in place by code, adds, deletes and reorders, replaces targets, and records why', async () => {
    const f = await buildSmallFramework(t, w);
    const wb = await loadXlsx((await exportOf(f.projectId)).rawPayload);
    const results = wb.getWorksheet('Results')!;
    results.getCell('D3').value = 'Children are in school and stay there';
    results.spliceRows(3, 0, ['O2', 'Outcome', 'G', 'Households earn more']); // a new outcome before O1
    const indicators = wb.getWorksheet('Indicators')!;
    removeRows(indicators, 3); // OP1.1a goes
    indicators.getCell('P2').value = 1500; // OC1 lop_target
    const targets = wb.getWorksheet('Targets')!;
    targets.getCell('E2').value = 120; // OC1 2025-Q1 (row numbers of the other sheets are unchanged)
    targets.addRow(['OC1', '2025-Q3', null, null, 300]);
    removeRows(targets, 8, 9); // OP1.1a's targets go with it
    const res = await importFile(f.projectId, await toBase64(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      nodes: { created: 1, updated: 1, deleted: 0, unchanged: 2 },
      indicators: { created: 0, updated: 1, deleted: 1, unchanged: 0 },
      targets: { total: 7, changed: 2 },
    });
    const after = await frameworkState(t, w.pm, f.projectId);
    expect(after.nodes.map((n) => [n.code, n.id === f.nodes[n.code]?.id])).toEqual([['G', true], ['O2', false], ['O1', true], ['OP1.1', true]]);
    expect(after.indicators.map((i) => [i.code, i.id, i.lopTarget])).toEqual([['OC1', f.indicators.OC1!.id, 1500]]);
    const history = (await w.pm.get(`/api/indicators/${f.indicators.OC1!.id}/history`)).json().items as { action: string; reason: string; note: string }[];
    expect(history.slice(0, 2).map((h) => [h.action, h.reason, h.note]).sort()).toEqual([
      ['indicator.targets', 'adaptive_management', 'Mid-term review'],
      ['indicator.update', 'adaptive_management', 'Mid-term review'],
    ]);
  });

  it('changes an indicator\'s frequency together with its targets', async () => {
    const f = await buildSmallFramework(t, w);
    const wb = await loadXlsx((await exportOf(f.projectId)).rawPayload);
    wb.getWorksheet('Indicators')!.getCell('T3').value = 'semester';
    const targets = wb.getWorksheet('Targets')!;
    expect([targets.getCell('A8').value, targets.getCell('A9').value]).toEqual(['OP1.1a', 'OP1.1a']);
    targets.getCell('B8').value = '2025-H1';
    targets.getCell('B9').value = '2025-h2';
    const res = await importFile(f.projectId, await toBase64(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ indicators: { updated: 1, unchanged: 1 }, targets: { total: 8, changed: 4 } });
    const after = (await w.pm.get(`/api/indicators/${f.indicators['OP1.1a']!.id}/targets`)).json();
    expect(after.frequency).toBe('semester');
    expect(after.targets.map((x: { period: string; value: number }) => [x.period, x.value])).toEqual([['2025-H1', 20], ['2025-H2', 40.5]]);
  });

  it('lists every problem of a malformed workbook by sheet, row and column, and writes nothing', async () => {
    const f = await buildSmallFramework(t, w);
    const before = await frameworkState(t, w.pm, f.projectId);
    const wb = new ExcelJS.Workbook();
    const sheet = (name: string, header: string[], rows: unknown[][]) => wb.addWorksheet(name).addRows([header, ...rows]);
    sheet('Results', ['code', 'level', 'parent_code', 'title'], [
      ['G', 0, null, 'Goal'],
      ['G', 1, 'G', 'Same code again'],
      ['X', 2, 'G', 'Output straight under the goal'],
      ['Y', 'Pillar', null, 'Unknown level'],
      ['Z', 1, 'NOPE', 'Unknown parent'],
    ]);
    sheet('Indicators', ['result_code', 'code', 'name', 'type', 'baseline_value', 'baseline_date', 'disaggregations', 'cumulative'], [
      ['G', 'I1', 'Fine indicator', 'number', 10, '2025-02-30', w.categories.sex.code, 'maybe'],
      ['MISSING', 'I2', 'Wrong result', 'counter', 'ten', null, 'colour', null],
    ]);
    sheet('Targets', ['indicator_code', 'period', 'location_pcode', 'disaggregation', 'value'], [
      ['I1', '2031-Q1', null, null, 5],
      ['NOPE', '2025-Q1', null, null, 5],
      ['I1', '2025-Q1', 'XX999', `${w.categories.sex.code}=unknown`, 'a lot'],
    ]);
    const res = await importFile(f.projectId, await toBase64(wb));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import_failed');
    expect(problems(res).sort()).toEqual(
      [
        'Results:3:code:duplicate_code',
        'Results:4:parent_code:wrong_parent_level',
        'Results:5:level:unknown_result_level',
        'Results:6:parent_code:unknown_result',
        'Indicators:2:baseline_date:invalid_date',
        'Indicators:2:cumulative:not_yes_no',
        'Indicators:3:result_code:unknown_result',
        'Indicators:3:type:not_in_list',
        'Indicators:3:baseline_value:not_a_number',
        'Indicators:3:disaggregations:unknown_category',
        'Targets:2:period:unknown_period',
        'Targets:3:indicator_code:unknown_indicator',
        'Targets:4:location_pcode:not_project_location',
        'Targets:4:disaggregation:unknown_option_code',
        'Targets:4:value:not_a_number',
      ].sort(),
    );
    expect(res.json().error.message).toContain('15');
    expect(await frameworkState(t, w.pm, f.projectId)).toEqual(before);
  });

  it('names missing sheets and columns', async () => {
    const f = await buildSmallFramework(t, w);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Results').addRow(['code', 'level', 'parent_code']);
    wb.addWorksheet('Indicators').addRow(['result_code', 'code', 'name', 'type']);
    const res = await importFile(f.projectId, await toBase64(wb));
    expect(problems(res).sort()).toEqual(['Results:1:title:missing_column', 'Targets:-:-:missing_sheet']);
  });

  it('is all or nothing: one bad row among good changes leaves the framework untouched', async () => {
    const f = await buildSmallFramework(t, w);
    const before = await frameworkState(t, w.pm, f.projectId);
    const audits = await auditCount(t.db);
    const wb = await loadXlsx((await exportOf(f.projectId)).rawPayload);
    wb.getWorksheet('Results')!.getCell('D2').value = 'A better goal';
    wb.getWorksheet('Targets')!.getCell('E3').value = -5; // a count cannot be negative
    const res = await importFile(f.projectId, await toBase64(wb));
    expect(problems(res)).toEqual(['Targets:3:value:too_small']);
    expect(await frameworkState(t, w.pm, f.projectId)).toEqual(before);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it('rolls back what it already wrote when a service refuses a change, naming the row', async () => {
    const f = await buildSmallFramework(t, w);
    const before = await frameworkState(t, w.pm, f.projectId);
    const wb = await loadXlsx((await exportOf(f.projectId)).rawPayload);
    const results = wb.getWorksheet('Results')!;
    results.getCell('D2').value = 'A better goal'; // applied first…
    results.getCell('C4').value = null; // …then OP1.1 (an output) cannot move to the top
    const res = await importFile(f.projectId, await toBase64(wb));
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual(['Results:4:parent_code:wrong_parent_level']);
    expect(await frameworkState(t, w.pm, f.projectId)).toEqual(before);
  });

  it('on a dry run answers what would change and writes nothing', async () => {
    const f = await buildSmallFramework(t, w);
    const before = await frameworkState(t, w.pm, f.projectId);
    const audits = await auditCount(t.db);
    const wb = await loadXlsx((await exportOf(f.projectId)).rawPayload);
    removeRows(wb.getWorksheet('Results')!, 4); // OP1.1 and its indicator go
    removeRows(wb.getWorksheet('Indicators')!, 3);
    removeRows(wb.getWorksheet('Targets')!, 8, 9);
    const res = await importFile(f.projectId, await toBase64(wb), true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      nodes: { created: 0, updated: 0, deleted: 1, unchanged: 2 },
      indicators: { created: 0, updated: 0, deleted: 1, unchanged: 1 },
      targets: { total: 6, changed: 0 },
    });
    expect(await frameworkState(t, w.pm, f.projectId)).toEqual(before);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it('refuses what is not a workbook and sheets over the row limit', async () => {
    const f = await buildSmallFramework(t, w);
    expect(problems(await importFile(f.projectId, Buffer.from('code,level\nG,0\n').toString('base64')))).toEqual(['undefined:-:-:unreadable_file']);
    expect(problems(await importFile(f.projectId, Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64')))).toEqual(['undefined:-:-:file_too_large']);
    const wb = await loadXlsx((await exportOf(f.projectId)).rawPayload);
    const targets = wb.getWorksheet('Targets')!;
    for (let i = 0; i < 5_001; i++) targets.addRow(['OC1', '2025-Q1', null, null, i]);
    expect(problems(await importFile(f.projectId, await toBase64(wb)))).toEqual(['Targets:-:-:too_many_rows']);
  });

  it('answers 403 to a reader who cannot edit and 404 to someone who cannot see the project', async () => {
    const f = await buildSmallFramework(t, w);
    const file = (await exportOf(f.projectId)).rawPayload.toString('base64');
    expect((await importFile(f.projectId, file, false, w.viewer)).statusCode).toBe(403);
    expect((await importFile(f.projectId, file, false, w.outsider)).statusCode).toBe(404);
    expect((await w.viewer.get(`/api/projects/${f.projectId}/framework.xlsx`)).statusCode).toBe(200);
    expect((await w.outsider.get(`/api/projects/${f.projectId}/framework.xlsx`)).statusCode).toBe(404);
    expect((await w.outsider.get(`/api/projects/${f.projectId}/indicator-plan.xlsx`)).statusCode).toBe(404);
  });
});
