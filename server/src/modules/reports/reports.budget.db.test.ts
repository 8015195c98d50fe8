import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedReport } from '@shared/schemas/reports.js';
import { buildBudget, buildBudgetLine, buildBudgetVersion, buildExpenditure } from '../../test/budget-analysis-factories.js';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.js';
import { runPendingJobs } from '../jobs/jobs.runner.js';
import { buildReportWorld, type ReportWorld } from './reports.test-world.js';

/*
 * The report world's project gets a USD budget for 2026 (original approved, in force):
 *   1.1 personnel 12 000.00   2.1 travel 4 000.00   2.2 travel 1 000.00
 * Approved spending (the Q3 report covers 2026-07-01 – 2026-09-30):
 *   1.1 02-10 USD 2 000.00 (before the period); 08-15 XOF 1 211 000 at 605.5 = USD 2 000.00; 10-05 USD 500.00 (after: not counted)
 *   2.1 07-01 USD 1 500.00 (first day of the period)
 *   2.2 06-30 USD 250.00 (before); pending 08-01 USD 100.00 (never counted)
 * By category:            budget     in period   to date    remaining   % spent
 *   Personnel           12 000.00    2 000.00   4 000.00    8 000.00    33.3   (4 000 ÷ 12 000)
 *   Travel               5 000.00    1 500.00   1 750.00    3 250.00    35.0   (1 750 ÷ 5 000)
 *   Total               17 000.00    3 500.00   5 750.00   11 250.00    33.8   (5 750 ÷ 17 000 = 33.82)
 * By line: 1.1 12 000 / 2 000 / 4 000 / 8 000 / 33.3; 2.1 4 000 / 1 500 / 1 500 / 2 500 / 37.5; 2.2 1 000 / 0 / 250 / 750 / 25.0
 */
let t: TestApp;
let w: ReportWorld;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportWorld(t.db);
  manager = await t.as(w.users.manager.id);
  const budget = await buildBudget(t.db, { projectId: w.project.id, title: 'Child protection budget 2026', currentVersion: 1 });
  const v1 = await buildBudgetVersion(t.db, { budgetId: budget.id, number: 1 });
  const q = (n: number) => ({ '2026-Q1': n, '2026-Q2': n, '2026-Q3': n, '2026-Q4': n });
  const line = (code: string, category: string, totalMinor: number, position: number, description: string) =>
    buildBudgetLine(t.db, { budgetId: budget.id, versionId: v1.id, code, category, totalMinor, amounts: q(totalMinor / 4), position, description });
  const l11 = await line('1.1', 'personnel', 1_200_000, 0, 'Case workers');
  const l21 = await line('2.1', 'travel', 400_000, 1, 'Field visits');
  const l22 = await line('2.2', 'travel', 100_000, 2, 'Training travel');
  const e = (lineId: string, date: string, amountMinor: number, extra: { currency?: string; rate?: string; status?: string } = {}) =>
    buildExpenditure(t.db, { projectId: w.project.id, budgetId: budget.id, lineId, date, amountMinor, ...extra });
  await e(l11, '2026-02-10', 200_000);
  await e(l11, '2026-08-15', 1_211_000, { currency: 'XOF', rate: '605.5' });
  await e(l11, '2026-10-05', 50_000);
  await e(l21, '2026-07-01', 150_000);
  await e(l22, '2026-06-30', 25_000);
  await e(l22, '2026-08-01', 10_000, { status: 'submitted' });
});
afterAll(() => t.close());

async function generated(language: string): Promise<GeneratedReport> {
  const res = await manager.post('/api/reports', {
    scope: { type: 'project', id: w.project.id }, templateId: w.template.id, periodStart: '2026-07-01', periodEnd: '2026-09-30', language, agreementId: w.agreementId,
  });
  expect(res.statusCode, res.body).toBe(202);
  await runPendingJobs(t.db);
  const done = (await manager.get(`/api/reports/${(res.json() as GeneratedReport).id}`)).json() as GeneratedReport;
  expect(done.status, JSON.stringify(done.job)).toBe('done');
  return done;
}

const file = async (report: GeneratedReport, format: 'docx' | 'xlsx' | 'pdf') => {
  const res = await manager.get(`/api/reports/${report.id}/files/${format}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};

async function sheetRows(report: GeneratedReport, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await file(report, 'xlsx')) as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets.find((s) => s.name === name);
  expect(sheet, wb.worksheets.map((s) => s.name).join(', ')).toBeDefined();
  const rows: { values: unknown[]; formats: (string | undefined)[] }[] = [];
  sheet!.eachRow((row) => rows.push({ values: (row.values as unknown[]).slice(1), formats: Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).numFmt) }));
  return rows;
}

describe('the budget versus actual section', () => {
  let english: GeneratedReport;
  beforeAll(async () => {
    english = await generated('en');
  });

  it('prints the budget in force by category in the XLSX, money with the currency digits', async () => {
    const rows = await sheetRows(english, 'Budget');
    const row = (label: string) => rows.find((r) => r.values[0] === label)!;
    expect(row('Personnel').values.slice(0, 6)).toEqual(['Personnel', 12_000, 2_000, 4_000, 8_000, 33.3]);
    expect(row('Travel').values.slice(0, 6)).toEqual(['Travel', 5_000, 1_500, 1_750, 3_250, 35]);
    expect(row('Total').values.slice(0, 6)).toEqual(['Total', 17_000, 3_500, 5_750, 11_250, 33.8]);
    expect(row('Personnel').formats[1]).toBe('#,##0.00');
  });

  it('and by line', async () => {
    const rows = await sheetRows(english, 'Budget lines');
    const row = (code: string) => rows.find((r) => r.values[0] === code)!.values.slice(0, 7);
    expect(row('1.1')).toEqual(['1.1', 'Case workers', 12_000, 2_000, 4_000, 8_000, 33.3]);
    expect(row('2.1')).toEqual(['2.1', 'Field visits', 4_000, 1_500, 1_500, 2_500, 37.5]);
    expect(row('2.2')).toEqual(['2.2', 'Training travel', 1_000, 0, 250, 750, 25]);
  });

  it('has its heading in the DOCX, with the figures written out, and a PDF', async () => {
    const xml = await (await JSZip.loadAsync(await file(english, 'docx'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Budget versus actual');
    expect(xml).toContain('Child protection budget 2026 (USD), version 1');
    expect(xml).toContain('17,000.00');
    expect(xml).toContain('11,250.00');
    expect((await file(english, 'pdf')).length).toBeGreaterThan(1000);
  });

  it('is written in the report language', async () => {
    const french = await generated('fr');
    const rows = await sheetRows(french, 'Budget');
    expect(rows.find((r) => r.values[0] === 'Déplacements')!.values.slice(0, 6)).toEqual(['Déplacements', 5_000, 1_500, 1_750, 3_250, 35]);
    const xml = await (await JSZip.loadAsync(await file(french, 'docx'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Dépensé sur la période');
    expect(xml).toContain('17\u202f000,00');
  });
});
