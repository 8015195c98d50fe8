import { roundDiv, sumMinor } from './money.js';

/**
 * Budget versus actual, computed exactly. Every amount is an integer of the budget currency's
 * minor unit (expenditures arrive already converted: `amountBudgetMinor`); the only divisions are
 * done on BigInt and rounded half away from zero (money.ts `roundDiv`). Percentages are numbers
 * with one decimal (rounded half away from zero on the exact ratio), null when the divisor is 0.
 *
 * Rules (what the tables below mean):
 * - Days are calendar days, both ends inclusive. Periods are clipped to the budget's dates.
 * - Planned to date of a line = Σ amounts of the periods that ended on or before `asOf`
 *   + the amount of the period containing `asOf` × days elapsed in it ÷ its days, rounded half
 *   away from zero ONCE per line and period (so a category's planned to date is the sum of its
 *   lines' rounded figures, never re-rounded). Before the budget starts it is 0; after it ends it
 *   is the line's total.
 * - Actual = Σ approved expenditures dated on or before `asOf`; pending likewise for submitted and
 *   awaiting-second-approval ones.
 * - Variance = actual − planned to date; variance % = variance ÷ planned to date × 100.
 * - Remaining = budget − actual; burn % = actual ÷ budget × 100; time elapsed % = days elapsed ÷
 *   total days × 100 (days elapsed counted from the budget's start up to and including asOf,
 *   between 0 and the total).
 * - Forecast at completion of a line: spending goes on at the pace it kept against the line's own
 *   phasing in the periods that have ended. Pace = spent by the end of the last ended period ÷
 *   planned for the ended periods; forecast = pace × budget, rounded half away from zero, and never
 *   less than what is already spent. While no ended period planned anything for the line, the
 *   forecast is its budget, or what it has spent when that is more. Whole periods only: a payment
 *   early in a period is not divided by the few days gone (that made forecasts explode), a one-off
 *   purchase made as planned forecasts its cost, and money planned for later is not read as an
 *   under-spend. Null before the budget starts, and when the figure would be beyond any real
 *   amount. A group's forecast is the sum of its lines' forecasts; forecast variance = forecast −
 *   budget.
 * - Over budget: actual > budget. Over threshold: |variance %| > threshold (never when planned
 *   to date is 0, as its percentage is null).
 */

export interface AnalysisPeriod {
  key: string;
  /** First day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

export interface AnalysisLine {
  lineId: string;
  code: string;
  category: string;
  description: string;
  resultNodeId: string | null;
  activityId: string | null;
  totalMinor: number;
  /** Amount per period key (missing keys count 0). */
  amounts: Record<string, number>;
}

export interface AnalysisExpenditure {
  lineId: string;
  /** YYYY-MM-DD */
  date: string;
  amountBudgetMinor: number;
}

export interface AnalysisInput {
  lines: AnalysisLine[];
  periods: AnalysisPeriod[];
  approved: AnalysisExpenditure[];
  pending: AnalysisExpenditure[];
  /** Line totals of the original version (number 1), by line id; a line added later has none (0). */
  originalTotals: Record<string, number>;
  asOf: string;
  budgetStart: string;
  budgetEnd: string;
  varianceThresholdPct: number;
}

export interface Figures {
  budgetMinor: number;
  originalMinor: number;
  plannedToDateMinor: number;
  actualMinor: number;
  pendingMinor: number;
  varianceMinor: number;
  variancePct: number | null;
  remainingMinor: number;
  burnPct: number | null;
  timeElapsedPct: number | null;
  forecastMinor: number | null;
  forecastVarianceMinor: number | null;
  overBudget: boolean;
  overThreshold: boolean;
}

export interface LineFigures extends Figures {
  lineId: string;
  code: string;
  category: string;
  description: string;
  resultNodeId: string | null;
  activityId: string | null;
}

export interface PeriodFigures {
  key: string;
  start: string;
  end: string;
  budgetMinor: number;
  originalMinor: number | null;
  plannedToDateMinor: number;
  actualMinor: number;
  pendingMinor: number;
  varianceMinor: number;
  /** ended | current | future, relative to asOf */
  state: 'ended' | 'current' | 'future';
}

export interface BudgetAnalysis {
  asOf: string;
  daysElapsed: number;
  totalDays: number;
  timeElapsedPct: number | null;
  lines: LineFigures[];
  categories: (Figures & { category: string; lineCount: number })[];
  /** Lines grouped by their result node (null: lines linked to none). */
  results: (Figures & { resultNodeId: string | null; lineIds: string[] })[];
  periods: PeriodFigures[];
  total: Figures;
}

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
/** Days from start to end, both inclusive (0 when end is before start). */
export const daysBetween = (start: string, end: string) => Math.max(0, dayNumber(end) - dayNumber(start) + 1);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** part ÷ whole × 100 with one decimal, rounded half away from zero; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Number(roundDiv(BigInt(part) * 1000n, BigInt(whole))) / 10;
}

/** amount × numerator ÷ denominator, rounded half away from zero (denominator > 0). */
export function prorate(amountMinor: number, numerator: number, denominator: number): number {
  return Number(roundDiv(BigInt(amountMinor) * BigInt(numerator), BigInt(denominator)));
}

interface Clock {
  asOf: string;
  daysElapsed: number;
  totalDays: number;
}

function clockOf(input: AnalysisInput): Clock {
  const totalDays = daysBetween(input.budgetStart, input.budgetEnd);
  const daysElapsed = Math.min(totalDays, daysBetween(input.budgetStart, input.asOf));
  return { asOf: input.asOf, daysElapsed, totalDays };
}

/** Periods clipped to the budget's dates (periods wholly outside them are dropped). */
function clipped(periods: AnalysisPeriod[], start: string, end: string): AnalysisPeriod[] {
  return periods
    .map((p) => ({ key: p.key, start: maxDate(p.start, start), end: minDate(p.end, end) }))
    .filter((p) => p.start <= p.end);
}

function stateOf(p: AnalysisPeriod, asOf: string): PeriodFigures['state'] {
  if (p.end <= asOf) return 'ended';
  return p.start <= asOf ? 'current' : 'future';
}

/** The planned-to-date part of one period's amount (see the rules above). */
function plannedPart(amountMinor: number, p: AnalysisPeriod, asOf: string): number {
  const state = stateOf(p, asOf);
  if (state === 'ended') return amountMinor;
  if (state === 'future') return 0;
  return prorate(amountMinor, daysBetween(p.start, asOf), daysBetween(p.start, p.end));
}

interface Sums {
  budgetMinor: number;
  originalMinor: number;
  plannedToDateMinor: number;
  actualMinor: number;
  pendingMinor: number;
  forecastMinor: number | null;
}

/** One line's forecast at completion (see the rules above): `closed` is what was planned for, and spent by the end of, the periods that have ended. */
function lineForecast(budgetMinor: number, actualMinor: number, closed: { plannedMinor: number; spentMinor: number }, clock: Clock): number | null {
  if (clock.daysElapsed === 0) return null;
  if (closed.plannedMinor === 0) return Math.max(actualMinor, budgetMinor);
  const atPace = roundDiv(BigInt(closed.spentMinor) * BigInt(budgetMinor), BigInt(closed.plannedMinor));
  if (atPace > BigInt(Number.MAX_SAFE_INTEGER) || atPace < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Math.max(actualMinor, Number(atPace));
}

function figures(s: Sums, clock: Clock, thresholdPct: number): Figures {
  const varianceMinor = s.actualMinor - s.plannedToDateMinor;
  const variancePct = percent(varianceMinor, s.plannedToDateMinor);
  const forecastMinor = clock.daysElapsed === 0 ? null : s.forecastMinor;
  return {
    ...s,
    varianceMinor,
    variancePct,
    remainingMinor: s.budgetMinor - s.actualMinor,
    burnPct: percent(s.actualMinor, s.budgetMinor),
    timeElapsedPct: percent(clock.daysElapsed, clock.totalDays),
    forecastMinor,
    forecastVarianceMinor: forecastMinor === null ? null : forecastMinor - s.budgetMinor,
    overBudget: s.actualMinor > s.budgetMinor,
    overThreshold: variancePct !== null && Math.abs(variancePct) > thresholdPct,
  };
}

const addSums = (list: Sums[]): Sums => ({
  budgetMinor: sumMinor(list.map((s) => s.budgetMinor)),
  originalMinor: sumMinor(list.map((s) => s.originalMinor)),
  plannedToDateMinor: sumMinor(list.map((s) => s.plannedToDateMinor)),
  actualMinor: sumMinor(list.map((s) => s.actualMinor)),
  pendingMinor: sumMinor(list.map((s) => s.pendingMinor)),
  forecastMinor: list.some((s) => s.forecastMinor === null) ? null : sumMinor(list.map((s) => s.forecastMinor ?? 0)),
});

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function analyseBudget(input: AnalysisInput): BudgetAnalysis {
  const clock = clockOf(input);
  const periods = clipped(input.periods, input.budgetStart, input.budgetEnd);
  const counted = (list: AnalysisExpenditure[]) => list.filter((e) => e.date <= input.asOf);
  const approved = groupBy(counted(input.approved), (e) => e.lineId);
  const pending = groupBy(counted(input.pending), (e) => e.lineId);
  const sumOf = (list: AnalysisExpenditure[] | undefined) => sumMinor((list ?? []).map((e) => e.amountBudgetMinor));

  // The periods that have ended, and the day the last of them ended: the forecast's pace is read on them.
  const ended = periods.filter((p) => stateOf(p, input.asOf) === 'ended');
  const lastEnded = ended.length ? ended[ended.length - 1]!.end : null;
  const lineSums = input.lines.map((l) => {
    const plannedToDateMinor = sumMinor(periods.map((p) => plannedPart(l.amounts[p.key] ?? 0, p, input.asOf)));
    const actualMinor = sumOf(approved.get(l.lineId));
    const closed = {
      plannedMinor: sumMinor(ended.map((p) => l.amounts[p.key] ?? 0)),
      spentMinor: lastEnded === null ? 0 : sumOf(approved.get(l.lineId)?.filter((e) => e.date <= lastEnded)),
    };
    const sums: Sums = {
      budgetMinor: l.totalMinor,
      originalMinor: input.originalTotals[l.lineId] ?? 0,
      plannedToDateMinor,
      actualMinor,
      pendingMinor: sumOf(pending.get(l.lineId)),
      forecastMinor: lineForecast(l.totalMinor, actualMinor, closed, clock),
    };
    return { line: l, sums };
  });
  const lines: LineFigures[] = lineSums.map(({ line: l, sums }) => ({
    lineId: l.lineId,
    code: l.code,
    category: l.category,
    description: l.description,
    resultNodeId: l.resultNodeId,
    activityId: l.activityId,
    ...figures(sums, clock, input.varianceThresholdPct),
  }));

  const categories = [...groupBy(lineSums, (x) => x.line.category)].map(([category, list]) => ({
    category,
    lineCount: list.length,
    ...figures(addSums(list.map((x) => x.sums)), clock, input.varianceThresholdPct),
  }));
  const results = [...groupBy(lineSums, (x) => x.line.resultNodeId)].map(([resultNodeId, list]) => ({
    resultNodeId,
    lineIds: list.map((x) => x.line.lineId),
    ...figures(addSums(list.map((x) => x.sums)), clock, input.varianceThresholdPct),
  }));

  // Spending by period: an expenditure counts in the clipped period containing its date (one
  // dated outside every period — before the start or after the end — counts in no period row).
  const periodOf = (date: string) => periods.find((p) => p.start <= date && date <= p.end)?.key;
  const byPeriod = (list: AnalysisExpenditure[]) => groupBy(list, (e) => periodOf(e.date));
  const approvedByPeriod = byPeriod(counted(input.approved));
  const pendingByPeriod = byPeriod(counted(input.pending));
  const periodRows: PeriodFigures[] = periods.map((p) => {
    const budgetMinor = sumMinor(input.lines.map((l) => l.amounts[p.key] ?? 0));
    const plannedToDateMinor = sumMinor(input.lines.map((l) => plannedPart(l.amounts[p.key] ?? 0, p, input.asOf)));
    const actualMinor = sumOf(approvedByPeriod.get(p.key));
    return {
      key: p.key,
      start: p.start,
      end: p.end,
      budgetMinor,
      originalMinor: null,
      plannedToDateMinor,
      actualMinor,
      pendingMinor: sumOf(pendingByPeriod.get(p.key)),
      varianceMinor: actualMinor - plannedToDateMinor,
      state: stateOf(p, input.asOf),
    };
  });

  return {
    asOf: input.asOf,
    daysElapsed: clock.daysElapsed,
    totalDays: clock.totalDays,
    timeElapsedPct: percent(clock.daysElapsed, clock.totalDays),
    lines,
    categories,
    results,
    periods: periodRows,
    total: figures(addSums(lineSums.map((x) => x.sums)), clock, input.varianceThresholdPct),
  };
}

/**
 * Cost per unit of an indicator's actual: cost ÷ actual, in minor units per unit, rounded half away
 * from zero to a whole minor unit. Null when the actual is not a positive number. The indicator
 * value may have decimals, so it goes through its decimal string.
 */
export function costPerUnit(costMinor: number, indicatorActual: number): number | null {
  if (!Number.isFinite(indicatorActual) || indicatorActual <= 0) return null;
  const text = String(indicatorActual);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const digits = BigInt(match[1] + fraction);
  if (digits === 0n) return null;
  return Number(roundDiv(BigInt(costMinor) * 10n ** BigInt(fraction.length), digits));
}
