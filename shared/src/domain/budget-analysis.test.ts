import { describe, expect, it } from 'vitest';
import { analyseBudget, type AnalysisInput, costPerUnit, daysBetween, percent, prorate } from './budget-analysis.js';
import { convertToBudget } from './money.js';

/*
 * A USD budget for 2026 (365 days) phased by calendar quarter, revised once, read on 2026-05-15.
 *   Q1 2026-01-01..03-31 = 90 days, Q2 04-01..06-30 = 91, Q3 07-01..09-30 = 92, Q4 10-01..12-31 = 92.
 *   Days elapsed to 2026-05-15 inclusive = 31+28+31+30+15 = 135; Q2 elapsed = 30+15 = 45 of 91.
 *
 * Lines (current version 2; original version 1 in brackets), amounts in cents:
 *   1.1 personnel  1 200 000 [1 000 000]  Q1 300 000, Q2 300 000, Q3 300 000, Q4 300 000  → result R1
 *   2.1 travel       400 000 [  400 000]  Q1 100 000, Q2 100 000, Q3 200 000, Q4 0        → result R1
 *   3.1 equipment          0 [   50 000]  (cut to zero in the revision)                    → no result
 *   4.1 supplies     600 000 [   —     ]  Q3 300 000, Q4 300 000 (added in the revision)    → result R2
 *
 * Expenditures (already converted to USD cents):
 *   1.1 2026-02-10 USD 2 000.00                                   = 200 000
 *   1.1 2026-04-20 XOF 1 211 000 at 605.5 XOF/USD: 1 211 000 ÷ 605.5 = 2 000.00 USD = 200 000
 *   1.1 2026-05-15 CDF 2 845 000.00 at 2 845 CDF/USD: = 1 000.00 USD              = 100 000 (on asOf: counts)
 *   2.1 2026-03-01 USD 4 500.00                                   = 450 000
 *   2.1 2026-06-01 USD   300.00                                   =  30 000 (after asOf: not counted)
 *   3.1 2026-04-02 USD   100.00                                   =  10 000
 *   pending: 1.1 2026-05-10 USD 500.00                            =  50 000
 */
const XOF_IN_USD = convertToBudget(1_211_000, 'XOF', '605.5', 'USD');
const CDF_IN_USD = convertToBudget(284_500_000, 'CDF', '2845', 'USD');

const quarters = [
  { key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' },
  { key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' },
  { key: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
  { key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
];

const line = (lineId: string, category: string, resultNodeId: string | null, totalMinor: number, amounts: Record<string, number>) => ({
  lineId, code: lineId, category, description: `Line ${lineId}`, resultNodeId, activityId: null, totalMinor, amounts,
});

const input: AnalysisInput = {
  lines: [
    line('1.1', 'personnel', 'R1', 1_200_000, { '2026-Q1': 300_000, '2026-Q2': 300_000, '2026-Q3': 300_000, '2026-Q4': 300_000 }),
    line('2.1', 'travel', 'R1', 400_000, { '2026-Q1': 100_000, '2026-Q2': 100_000, '2026-Q3': 200_000, '2026-Q4': 0 }),
    line('3.1', 'equipment', null, 0, {}),
    line('4.1', 'supplies', 'R2', 600_000, { '2026-Q3': 300_000, '2026-Q4': 300_000 }),
  ],
  periods: quarters,
  approved: [
    { lineId: '1.1', date: '2026-02-10', amountBudgetMinor: 200_000 },
    { lineId: '1.1', date: '2026-04-20', amountBudgetMinor: XOF_IN_USD },
    { lineId: '1.1', date: '2026-05-15', amountBudgetMinor: CDF_IN_USD },
    { lineId: '2.1', date: '2026-03-01', amountBudgetMinor: 450_000 },
    { lineId: '2.1', date: '2026-06-01', amountBudgetMinor: 30_000 },
    { lineId: '3.1', date: '2026-04-02', amountBudgetMinor: 10_000 },
  ],
  pending: [{ lineId: '1.1', date: '2026-05-10', amountBudgetMinor: 50_000 }],
  originalTotals: { '1.1': 1_000_000, '2.1': 400_000, '3.1': 50_000 },
  asOf: '2026-05-15',
  budgetStart: '2026-01-01',
  budgetEnd: '2026-12-31',
  varianceThresholdPct: 10,
};

describe('budget analysis helpers', () => {
  it('counts days inclusively and rounds percentages and pro rata half away from zero', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysBetween('2026-01-01', '2026-05-15')).toBe(135);
    expect(daysBetween('2026-04-01', '2026-06-30')).toBe(91);
    expect(daysBetween('2026-05-02', '2026-05-01')).toBe(0);
    expect(percent(1, 8)).toBe(12.5); // 12.5 exactly
    expect(percent(1, 3)).toBe(33.3); // 33.33…
    expect(percent(2, 3)).toBe(66.7); // 66.66… → 66.7
    expect(percent(-1, 16)).toBe(-6.3); // -6.25 → -6.3 (away from zero)
    expect(percent(5, 0)).toBeNull();
    expect(prorate(300_000, 45, 91)).toBe(148_352); // 13 500 000 ÷ 91 = 148 351.65
    expect(prorate(1, 1, 2)).toBe(1); // 0.5 → 1
    expect(prorate(-1, 1, 2)).toBe(-1);
  });

  it('converts the XOF and CDF payments before they reach the analysis', () => {
    // 1 211 000 XOF × 100 ÷ 605.5 = 200 000 cents; 284 500 000 CDF centimes ÷ 100 ÷ 2 845 × 100 = 100 000 cents.
    expect(XOF_IN_USD).toBe(200_000);
    expect(CDF_IN_USD).toBe(100_000);
  });

  it('computes cost per unit exactly', () => {
    expect(costPerUnit(950_000, 400)).toBe(2_375); // 9 500.00 USD ÷ 400 children = 23.75 USD
    expect(costPerUnit(100_000, 3)).toBe(33_333); // 33 333.33… → 33 333
    expect(costPerUnit(100_000, 2.5)).toBe(40_000); // 1 000 000 ÷ 25
    expect(costPerUnit(100_000, 0)).toBeNull();
    expect(costPerUnit(100_000, -4)).toBeNull();
  });
});

describe('analyseBudget', () => {
  const a = analyseBudget(input);
  const byCode = new Map(a.lines.map((l) => [l.code, l]));

  it('knows how much of the budget time has passed', () => {
    expect(a.daysElapsed).toBe(135);
    expect(a.totalDays).toBe(365);
    expect(a.timeElapsedPct).toBe(37); // 135 ÷ 365 = 36.99 %
  });

  it('line 1.1 (revised up, spent in USD, XOF and CDF) is over the variance threshold', () => {
    // planned = Q1 300 000 + Q2 300 000 × 45 ÷ 91 (148 351.65 → 148 352) = 448 352
    // actual = 200 000 + 200 000 + 100 000 = 500 000; variance = 51 648; 51 648 ÷ 448 352 = 11.52 % → 11.5 > 10
    // burn 500 000 ÷ 1 200 000 = 41.67 → 41.7; forecast at Q1's pace: spent by 31 Mar 200 000 ÷ planned for Q1 300 000 × 1 200 000 = 800 000
    expect(byCode.get('1.1')).toMatchObject({
      budgetMinor: 1_200_000, originalMinor: 1_000_000, plannedToDateMinor: 448_352, actualMinor: 500_000, pendingMinor: 50_000,
      varianceMinor: 51_648, variancePct: 11.5, remainingMinor: 700_000, burnPct: 41.7, timeElapsedPct: 37,
      forecastMinor: 800_000, forecastVarianceMinor: -400_000, overBudget: false, overThreshold: true,
    });
  });

  it('line 2.1 is over budget; spending after asOf is not counted', () => {
    // planned = 100 000 + 100 000 × 45 ÷ 91 (49 450.55 → 49 451) = 149 451; actual 450 000 (not the 30 000 of June)
    // variance 300 549 ÷ 149 451 = 201.10 %; burn 450 000 ÷ 400 000 = 112.5 %; forecast at Q1's pace 450 000 ÷ 100 000 × 400 000 = 1 800 000
    expect(byCode.get('2.1')).toMatchObject({
      budgetMinor: 400_000, originalMinor: 400_000, plannedToDateMinor: 149_451, actualMinor: 450_000, pendingMinor: 0,
      varianceMinor: 300_549, variancePct: 201.1, remainingMinor: -50_000, burnPct: 112.5,
      forecastMinor: 1_800_000, forecastVarianceMinor: 1_400_000, overBudget: true, overThreshold: true,
    });
  });

  it('a zero-budget line with spending gives null percentages, never a division by zero', () => {
    // planned 0 → variance % null (so never over the threshold); budget 0 → burn null;
    // nothing planned in the ended quarter (nor ever): forecast = the budget 0, or the 10 000 spent when more
    expect(byCode.get('3.1')).toMatchObject({
      budgetMinor: 0, originalMinor: 50_000, plannedToDateMinor: 0, actualMinor: 10_000, varianceMinor: 10_000, variancePct: null,
      remainingMinor: -10_000, burnPct: null, forecastMinor: 10_000, forecastVarianceMinor: 10_000, overBudget: true, overThreshold: false,
    });
  });

  it('a line added in the revision with no spending and only future periods', () => {
    // Its money is all planned for later: the forecast is its budget, 600 000, not an under-spend.
    expect(byCode.get('4.1')).toMatchObject({
      budgetMinor: 600_000, originalMinor: 0, plannedToDateMinor: 0, actualMinor: 0, pendingMinor: 0, varianceMinor: 0, variancePct: null,
      remainingMinor: 600_000, burnPct: 0, forecastMinor: 600_000, forecastVarianceMinor: 0, overBudget: false, overThreshold: false,
    });
  });

  it('totals: original against current budget, sums of the rounded line figures', () => {
    // budget 1 200 000 + 400 000 + 0 + 600 000 = 2 200 000; original 1 000 000 + 400 000 + 50 000 = 1 450 000
    // planned 448 352 + 149 451 = 597 803; actual 500 000 + 450 000 + 10 000 = 960 000
    // variance 362 197 ÷ 597 803 = 60.59 %; burn 960 000 ÷ 2 200 000 = 43.64 → 43.6
    // forecast = the lines' forecasts 800 000 + 1 800 000 + 10 000 + 600 000 = 3 210 000
    expect(a.total).toMatchObject({
      budgetMinor: 2_200_000, originalMinor: 1_450_000, plannedToDateMinor: 597_803, actualMinor: 960_000, pendingMinor: 50_000,
      varianceMinor: 362_197, variancePct: 60.6, remainingMinor: 1_240_000, burnPct: 43.6, timeElapsedPct: 37,
      forecastMinor: 3_210_000, forecastVarianceMinor: 1_010_000, overBudget: false, overThreshold: true,
    });
  });

  it('groups by category and by result node', () => {
    expect(a.categories.map((c) => [c.category, c.lineCount, c.budgetMinor, c.actualMinor])).toEqual([
      ['personnel', 1, 1_200_000, 500_000],
      ['travel', 1, 400_000, 450_000],
      ['equipment', 1, 0, 10_000],
      ['supplies', 1, 600_000, 0],
    ]);
    // R1 = 1.1 + 2.1: budget 1 600 000, original 1 400 000, planned 597 803, actual 950 000, variance 352 197 (58.9 %),
    // burn 950 000 ÷ 1 600 000 = 59.375 → 59.4, forecast 800 000 + 1 800 000 = 2 600 000
    const r1 = a.results.find((r) => r.resultNodeId === 'R1')!;
    expect(r1).toMatchObject({
      lineIds: ['1.1', '2.1'], budgetMinor: 1_600_000, originalMinor: 1_400_000, plannedToDateMinor: 597_803, actualMinor: 950_000,
      varianceMinor: 352_197, variancePct: 58.9, burnPct: 59.4, forecastMinor: 2_600_000,
    });
    expect(a.results.find((r) => r.resultNodeId === null)).toMatchObject({ lineIds: ['3.1'], actualMinor: 10_000 });
    expect(a.results.find((r) => r.resultNodeId === 'R2')).toMatchObject({ lineIds: ['4.1'], budgetMinor: 600_000, actualMinor: 0 });
  });

  it('per period: ended, current (pro rata) and future periods', () => {
    // Q1 budget 300 000 + 100 000 = 400 000, all planned; spent 200 000 (1.1) + 450 000 (2.1) = 650 000
    // Q2 budget 400 000, planned 148 352 + 49 451 = 197 803; spent 200 000 + 100 000 + 10 000 = 310 000; pending 50 000
    // Q3 budget 300 000 + 200 000 + 300 000 = 800 000; Q4 300 000 + 0 + 300 000 = 600 000; nothing planned yet
    expect(a.periods.map((p) => [p.key, p.state, p.budgetMinor, p.plannedToDateMinor, p.actualMinor, p.pendingMinor, p.varianceMinor])).toEqual([
      ['2026-Q1', 'ended', 400_000, 400_000, 650_000, 0, 250_000],
      ['2026-Q2', 'current', 400_000, 197_803, 310_000, 50_000, 112_197],
      ['2026-Q3', 'future', 800_000, 0, 0, 0, 0],
      ['2026-Q4', 'future', 600_000, 0, 0, 0, 0],
    ]);
  });

  it('before the budget starts nothing is planned and there is no forecast', () => {
    const early = analyseBudget({ ...input, asOf: '2025-12-31' });
    expect(early.daysElapsed).toBe(0);
    expect(early.timeElapsedPct).toBe(0);
    expect(early.total).toMatchObject({ plannedToDateMinor: 0, actualMinor: 0, forecastMinor: null, forecastVarianceMinor: null, variancePct: null });
    expect(early.periods.every((p) => p.state === 'future')).toBe(true);
  });

  it('after the budget ends everything is planned and the forecast is the actual', () => {
    const late = analyseBudget({ ...input, asOf: '2027-03-01' });
    // planned = the whole 2 200 000; actual now includes the 30 000 of June: 990 000; 365 of 365 days
    expect(late.daysElapsed).toBe(365);
    expect(late.total).toMatchObject({ plannedToDateMinor: 2_200_000, actualMinor: 990_000, forecastMinor: 990_000, timeElapsedPct: 100 });
    expect(late.periods.every((p) => p.state === 'ended')).toBe(true);
  });

  it('clips periods to the budget dates', () => {
    // Budget 2026-02-15..2026-08-14; Q1 clipped to 02-15..03-31 = 14 + 31 = 45 days; on 03-01, 15 of them passed.
    // 90 000 × 15 ÷ 45 = 30 000 planned. Total days 14 + 31 + 30 + 31 + 30 + 31 + 31 + 14 = 181 (Feb 15 → Aug 14 inclusive).
    const clipped = analyseBudget({
      ...input,
      lines: [line('9.9', 'other_direct', null, 180_000, { '2026-Q1': 90_000, '2026-Q3': 90_000 })],
      approved: [],
      pending: [],
      originalTotals: {},
      asOf: '2026-03-01',
      budgetStart: '2026-02-15',
      budgetEnd: '2026-08-14',
    });
    expect(clipped.totalDays).toBe(181);
    expect(clipped.daysElapsed).toBe(15);
    expect(clipped.periods.map((p) => [p.key, p.start, p.end])).toEqual([
      ['2026-Q1', '2026-02-15', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-08-14'],
    ]);
    expect(clipped.total.plannedToDateMinor).toBe(30_000);
  });

  it('forecasts each line at the pace of its ended periods: a one-off purchase is not extrapolated, late money is not an under-spend', () => {
    // Read on 2026-05-15: Q1 has ended. Tablets bought in Q1 as planned: 800 000 spent of 800 000 planned
    // → pace 1, forecast 800 000 (a straight line over the days would say 800 000 × 365 ÷ 135 = 2 162 963).
    // Fuel, 100 000 a quarter, spent 150 000 in Q1 (1.5 × plan) and 74 177 so far in Q2:
    // pace 150 000 ÷ 100 000 × 400 000 = 600 000 (the overspend goes on).
    // Vaccines planned for Q4 only: nothing planned in the ended quarter → the budget, 300 000.
    const a = analyseBudget({
      ...input,
      lines: [
        line('5.1', 'equipment', null, 800_000, { '2026-Q1': 800_000 }),
        line('5.2', 'travel', null, 400_000, { '2026-Q1': 100_000, '2026-Q2': 100_000, '2026-Q3': 100_000, '2026-Q4': 100_000 }),
        line('5.3', 'supplies', null, 300_000, { '2026-Q4': 300_000 }),
      ],
      approved: [
        { lineId: '5.1', date: '2026-02-20', amountBudgetMinor: 800_000 },
        { lineId: '5.2', date: '2026-02-15', amountBudgetMinor: 150_000 },
        { lineId: '5.2', date: '2026-04-30', amountBudgetMinor: 74_177 },
      ],
      pending: [],
      originalTotals: {},
    });
    expect(a.lines.map((l) => [l.code, l.plannedToDateMinor, l.actualMinor, l.forecastMinor, l.forecastVarianceMinor])).toEqual([
      ['5.1', 800_000, 800_000, 800_000, 0],
      ['5.2', 149_451, 224_177, 600_000, 200_000],
      ['5.3', 0, 0, 300_000, 0],
    ]);
    // The total is the sum of the lines' forecasts: 800 000 + 600 000 + 300 000 = 1 700 000 against 1 500 000.
    expect(a.total).toMatchObject({ budgetMinor: 1_500_000, forecastMinor: 1_700_000, forecastVarianceMinor: 200_000 });
    expect(a.categories.find((c) => c.category === 'supplies')).toMatchObject({ forecastMinor: 300_000 });
  });

  it('does not divide by the few days gone: payments early in a period, or ahead of the plan, forecast what was planned', () => {
    const forecast = (amounts: Record<string, number>, total: number, approved: { date: string; amountBudgetMinor: number }[], asOf: string) =>
      analyseBudget({ ...input, lines: [line('6.1', 'equipment', null, total, amounts)], approved: approved.map((e) => ({ lineId: '6.1', ...e })), pending: [], originalTotals: {}, asOf })
        .lines[0]!.forecastMinor;
    // 300 000 planned for Q4, paid early on 10 Sep: on 30 Sep, 1 Oct and 2 Oct no ended quarter planned anything → the budget
    // (the day-by-day pace gave 600 000, then 27 598 896 on 1 Oct).
    const early = [{ date: '2026-09-10', amountBudgetMinor: 300_000 }];
    expect([forecast({ '2026-Q4': 300_000 }, 300_000, early, '2026-09-30'), forecast({ '2026-Q4': 300_000 }, 300_000, early, '2026-10-01'), forecast({ '2026-Q4': 300_000 }, 300_000, early, '2026-10-02')]).toEqual([300_000, 300_000, 300_000]);
    // 800 000 of tablets bought on 20 Jan as planned, read on 1 Feb (no quarter ended yet) → 800 000, not 2 250 004.
    expect(forecast({ '2026-Q1': 800_000 }, 800_000, [{ date: '2026-01-20', amountBudgetMinor: 800_000 }], '2026-02-01')).toBe(800_000);
    // A 100 000 tranche paid on the first day of each quarter, exactly on plan, read on 15 Apr:
    // Q1's pace 100 000 ÷ 100 000 × 400 000 = 400 000 (not 686 790).
    const tranches = { '2026-Q1': 100_000, '2026-Q2': 100_000, '2026-Q3': 100_000, '2026-Q4': 100_000 };
    expect(forecast(tranches, 400_000, [{ date: '2026-01-01', amountBudgetMinor: 100_000 }, { date: '2026-04-01', amountBudgetMinor: 100_000 }], '2026-04-15')).toBe(400_000);
    // More already spent than the pace projects: never forecast less than is spent (Q1 spent 100 000 of 100 000, then 350 000 in April).
    expect(forecast(tranches, 400_000, [{ date: '2026-01-01', amountBudgetMinor: 100_000 }, { date: '2026-04-02', amountBudgetMinor: 350_000 }], '2026-04-15')).toBe(450_000);
  });
});
