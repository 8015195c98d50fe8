import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetAnalysis, BudgetAnalysisSummary } from '@shared/schemas/budget-analysis.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { AS_OF, buildBudgetWorld, type BudgetWorld } from './budget-analysis.test-world.js';

// The hand-computed tables are in budget-analysis.test-world.ts and shared/src/domain/budget-analysis.test.ts.
let t: TestApp;
let w: BudgetWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildBudgetWorld(t.db);
});
afterAll(() => t.close());

const analysisUrl = () => `/api/budgets/${w.budget.id}/analysis?asOf=${AS_OF}`;

describe('budget analysis endpoint', () => {
  let a: BudgetAnalysis;
  beforeAll(async () => {
    const res = await (await t.as(w.users.finance.id)).get(analysisUrl());
    expect(res.statusCode, res.body).toBe(200);
    a = res.json();
  });

  it('reads the version in force against the original', () => {
    expect(a.budget).toMatchObject({ title: 'Education budget 2026', currency: 'USD', versionNumber: 2, varianceThresholdPct: 10 });
    expect(a).toMatchObject({ asOf: AS_OF, daysElapsed: 135, totalDays: 365, timeElapsedPct: 37 });
    expect(a.lines.map((l) => [l.code, l.budgetMinor, l.originalMinor, l.plannedToDateMinor, l.actualMinor, l.pendingMinor, l.varianceMinor, l.variancePct, l.burnPct, l.forecastMinor, l.overBudget, l.overThreshold])).toEqual([
      // 1.1: 300 000 + 300 000 × 45 ÷ 91 = 448 352 planned; 200 000 USD + 200 000 (XOF) + 100 000 (CDF) = 500 000 spent
      ['1.1', 1_200_000, 1_000_000, 448_352, 500_000, 50_000, 51_648, 11.5, 41.7, 800_000, false, true],
      // 2.1: 100 000 + 49 451 planned; 450 000 spent (the 30 000 of June comes after asOf)
      ['2.1', 400_000, 400_000, 149_451, 450_000, 0, 300_549, 201.1, 112.5, 1_800_000, true, true],
      // 3.1: cut to zero; 10 000 spent: no percentage
      ['3.1', 0, 50_000, 0, 10_000, 0, 10_000, null, null, 10_000, true, false],
      // 4.1: new in v2, nothing spent (the rejected 999.00 never counts)
      ['4.1', 600_000, 0, 0, 0, 0, 0, null, 0, 600_000, false, false],
    ]);
  });

  it('totals, categories and periods', () => {
    expect(a.total).toMatchObject({
      budgetMinor: 2_200_000, originalMinor: 1_450_000, plannedToDateMinor: 597_803, actualMinor: 960_000, pendingMinor: 50_000,
      varianceMinor: 362_197, variancePct: 60.6, remainingMinor: 1_240_000, burnPct: 43.6, forecastMinor: 3_210_000, forecastVarianceMinor: 1_010_000,
    });
    expect(a.categories.map((c) => [c.category, c.budgetMinor, c.actualMinor])).toEqual([
      ['personnel', 1_200_000, 500_000], ['travel', 400_000, 450_000], ['equipment', 0, 10_000], ['supplies', 600_000, 0],
    ]);
    expect(a.periods.map((p) => [p.key, p.state, p.budgetMinor, p.plannedToDateMinor, p.actualMinor, p.pendingMinor])).toEqual([
      ['2026-Q1', 'ended', 400_000, 400_000, 650_000, 0],
      ['2026-Q2', 'current', 400_000, 197_803, 310_000, 50_000],
      ['2026-Q3', 'future', 800_000, 0, 0, 0],
      ['2026-Q4', 'future', 600_000, 0, 0, 0],
    ]);
  });

  it('results: lines linked directly or through their activity, with cost per output from the IPTT', () => {
    expect(a.results.map((r) => [r.code, r.lineCodes, r.budgetMinor, r.actualMinor])).toEqual([
      ['1.1', ['1.1', '2.1'], 1_600_000, 950_000],
      ['1.2', ['4.1'], 600_000, 0],
      [null, ['3.1'], 0, 10_000],
    ]);
    // 950 000 cents ÷ 400 children = 2 375 cents = 23.75 USD per child enrolled
    expect(a.results[0]!.costPerOutput).toEqual([
      { indicatorId: w.indicator.id, indicatorCode: 'IND-1', indicatorName: 'Children enrolled', unit: 'children', indicatorActual: 400, costMinor: 950_000, costPerUnitMinor: 2_375 },
    ]);
    expect(a.results[1]!.costPerOutput).toEqual([]);
  });

  it('lists the exchange rates used by approved spending', () => {
    expect(a.rates).toEqual([
      { currency: 'CDF', rate: '2845', source: 'BCC', rateDate: '2026-05-15', count: 1, amountPaidMinor: 284_500_000, amountBudgetMinor: 100_000 },
      // 200 000 + 450 000 + 10 000 (the June one is after asOf, the rejected one never counts)
      { currency: 'USD', rate: '1', source: '', rateDate: null, count: 3, amountPaidMinor: 660_000, amountBudgetMinor: 660_000 },
      { currency: 'XOF', rate: '605.5', source: 'BCEAO', rateDate: '2026-04-20', count: 1, amountPaidMinor: 1_211_000, amountBudgetMinor: 200_000 },
    ]);
  });

  it('counts the June spending once asOf has passed it', async () => {
    const res = await (await t.as(w.users.manager.id)).get(`/api/budgets/${w.budget.id}/analysis?asOf=2026-06-30`);
    expect(res.statusCode).toBe(200);
    // Q1 + Q2 fully planned: 400 000 + 400 000; spent 960 000 + 30 000
    expect(res.json().total).toMatchObject({ plannedToDateMinor: 800_000, actualMinor: 990_000 });
  });

  it('refuses a date that is not one', async () => {
    const res = await (await t.as(w.users.finance.id)).get(`/api/budgets/${w.budget.id}/analysis?asOf=2026-13-01`);
    expect(res.statusCode).toBe(400);
  });
});

describe('who may read budget vs actual', () => {
  it('403 for those who see the project but not its money; 404 for those who do not see it', async () => {
    for (const id of [w.users.viewer.id, w.users.partnerReporter.id, w.users.leadReporter.id]) {
      expect((await (await t.as(id)).get(analysisUrl())).statusCode).toBe(403);
      expect((await (await t.as(id)).get(`/api/budgets/${w.budget.id}/analysis.xlsx`)).statusCode).toBe(403);
      expect((await (await t.as(id)).get(`/api/projects/${w.project.id}/budget-summary`)).statusCode).toBe(403);
    }
    const stranger = await t.as(w.users.stranger.id);
    expect((await stranger.get(analysisUrl())).statusCode).toBe(404);
    expect((await stranger.get(`/api/projects/${w.project.id}/budget-summary`)).statusCode).toBe(404);
    expect((await (await t.as(w.users.finance.id)).get('/api/budgets/00000000-0000-4000-8000-000000000000/analysis')).statusCode).toBe(404);
    expect((await t.anonymous().get(analysisUrl())).statusCode).toBe(401);
  });
});

describe('budget analysis workbook', () => {
  it('has the five sheets with values, currency formats, a frozen header and neutralised text', async () => {
    const res = await (await t.as(w.users.finance.id)).get(`/api/budgets/${w.budget.id}/analysis.xlsx?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`fieldbook-budget-vs-actual-Education_budget_2026-${AS_OF}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['By line', 'By category', 'By period', 'By result', 'Rates used']);
    const lines = wb.getWorksheet('By line')!;
    expect(lines.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(lines.getRow(4).getCell(4).value).toBe('Budget');
    const row = (code: string) => {
      for (let r = 5; r <= lines.rowCount; r++) if (lines.getRow(r).getCell(1).value === code) return lines.getRow(r);
      throw new Error(code);
    };
    expect(row('1.1').getCell(4).value).toBe(12_000);
    expect(row('1.1').getCell(4).numFmt).toBe('#,##0.00');
    expect(row('1.1').getCell(7).value).toBe(5_000);
    expect(row('1.1').getCell(10).value).toBe(11.5);
    expect(row('2.1').getCell(14).value).toContain('Over budget');
    // A description starting with = stays text.
    expect(row('4.1').getCell(3).value).toBe('\'=HYPERLINK("http://x")');
    expect(row('Total').getCell(7).value).toBe(9_600);
    const rates = wb.getWorksheet('Rates used')!;
    const xof = rates.getRow(7);
    expect([xof.getCell(1).value, xof.getCell(2).value, xof.getCell(6).value, xof.getCell(6).numFmt, xof.getCell(7).value]).toEqual(['XOF', '605.5', 1_211_000, '#,##0', 2_000]);
    // Every cell is a value: no formula anywhere.
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined())));
  });

  it('is written in the reader\'s language', async () => {
    const res = await (await t.as(w.users.finance.id, { 'accept-language': 'fr' })).get(`/api/budgets/${w.budget.id}/analysis.xlsx?asOf=${AS_OF}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('Par ligne');
  });
});

describe('project budget summary', () => {
  it('gives the dashboard card every budget in force', async () => {
    const res = await (await t.as(w.users.manager.id)).get(`/api/projects/${w.project.id}/budget-summary`);
    expect(res.statusCode).toBe(200);
    const s: BudgetAnalysisSummary = res.json();
    // Today is after the budget's end in some runs and inside it in others: only the asOf-free figures are fixed.
    expect(s.budgets).toHaveLength(1);
    expect(s.budgets[0]).toMatchObject({ id: w.budget.id, currency: 'USD', budgetMinor: 2_200_000 });
    expect(s.budgets[0]!.actualMinor).toBeGreaterThanOrEqual(960_000);
  });
});
