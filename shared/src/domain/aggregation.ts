/**
 * How reported values become totals. One engine for every table, chart, map and export, so
 * the same question always gets the same number.
 *
 * Order of operations: each location's values are first combined over time (time rule), then
 * locations are combined (location rule). That order matters for stock indicators: with
 * `latest`, a quarter's total is the sum of each location's latest report, even when the
 * locations reported in different months.
 *
 * Missing data is `null`, never zero: a period without reports has no actual.
 *
 * Percentages travel as numerator and denominator and are combined as Σnumerator ÷ Σdenominator,
 * over locations and over time — never as an average of percentages, which would weigh a school of
 * 20 pupils like one of 2,000.
 */
export type IndicatorType = 'number' | 'percentage' | 'currency' | 'yes_no' | 'qualitative';
export type TimeAggregation = 'sum' | 'latest' | 'max' | 'average';
export type LocationAggregation = 'sum' | 'max' | 'average' | 'none';
export type Direction = 'increase' | 'decrease';

export interface AggregationRules {
  type: IndicatorType;
  time: TimeAggregation;
  location: LocationAggregation;
}

/** One reported figure: a location's value for a reporting period starting on `date`. */
export interface Observation {
  locationId: string;
  /** Start of the period the value was reported for (YYYY-MM-DD); orders values in time. */
  date: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface Measure {
  /** For a percentage: 100 × numerator ÷ denominator, or null when the denominator is 0. */
  value: number | null;
  numerator?: number;
  denominator?: number;
}

const ratio = (numerator: number, denominator: number): Measure => ({
  value: denominator === 0 ? null : (100 * numerator) / denominator,
  numerator,
  denominator,
});

function usable(o: Observation, type: IndicatorType): boolean {
  if (type === 'percentage') return isNum(o.numerator) && isNum(o.denominator);
  return isNum(o.value);
}
const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Combines measures (one per period, or one per location) by a rule. */
function combine(measures: Measure[], rule: TimeAggregation | LocationAggregation, type: IndicatorType): Measure | null {
  if (measures.length === 0) return null;
  if (rule === 'latest') return measures[measures.length - 1]!;
  if (rule === 'none') return measures.length === 1 ? measures[0]! : null;
  if (type === 'percentage') {
    if (rule === 'max') return measures.reduce((best, m) => ((m.value ?? -Infinity) > (best.value ?? -Infinity) ? m : best));
    // sum and average both pool numerators and denominators.
    return ratio(sum(measures.map((m) => m.numerator!)), sum(measures.map((m) => m.denominator!)));
  }
  const values = measures.map((m) => m.value!);
  if (rule === 'sum') return { value: sum(values) };
  if (rule === 'max') return { value: Math.max(...values) };
  return { value: sum(values) / values.length };
}

/** A single location's reports in time order, combined by the time rule. */
function overTime(observations: Observation[], rules: AggregationRules): Measure | null {
  const ordered = [...observations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const measures = ordered.map((o) => (rules.type === 'percentage' ? ratio(o.numerator!, o.denominator!) : { value: o.value! }));
  return combine(measures, rules.time, rules.type);
}

/**
 * The total of a set of observations: time first per location, then across locations.
 * Qualitative indicators have no total.
 */
export function aggregate(observations: Observation[], rules: AggregationRules): Measure | null {
  if (rules.type === 'qualitative') return null;
  const byLocation = new Map<string, Observation[]>();
  for (const o of observations) {
    if (!usable(o, rules.type)) continue;
    const list = byLocation.get(o.locationId) ?? [];
    list.push(o);
    byLocation.set(o.locationId, list);
  }
  const perLocation = [...byLocation.keys()]
    .sort()
    .map((id) => overTime(byLocation.get(id)!, rules))
    .filter((m): m is Measure => m !== null);
  // `latest` across locations is not meaningful; locations are combined by their own rule.
  return combine(perLocation, rules.location, rules.type);
}

export interface PeriodRange {
  key: string;
  start: string;
  end: string;
}

export interface SeriesPoint {
  key: string;
  /** What was reported for this period alone. */
  actual: Measure | null;
  /** For cumulative indicators: everything from the first report up to the period's end. */
  toDate: Measure | null;
}

/**
 * Per-period actuals. For a cumulative indicator `toDate` carries the running total, so a month
 * with no report keeps the previous total rather than dropping to zero.
 */
export function series(observations: Observation[], periods: PeriodRange[], rules: AggregationRules): SeriesPoint[] {
  return periods.map((p) => ({
    key: p.key,
    actual: aggregate(observations.filter((o) => o.date >= p.start && o.date <= p.end), rules),
    toDate: aggregate(observations.filter((o) => o.date <= p.end), rules),
  }));
}

/**
 * Percentage of the target met, aware of the direction of change.
 * - Increase: actual ÷ target.
 * - Decrease with a baseline above the target: the share of the planned reduction achieved,
 *   (baseline − actual) ÷ (baseline − target). Baseline 40 %, target 20 %, actual 30 % → 50 %.
 * - Decrease without a usable baseline: target ÷ actual (an actual at or below target is ≥ 100 %).
 * Null when there is no actual or no target, or the ratio is undefined (target 0 on an increase).
 */
export function percentMet(actual: number | null | undefined, target: number | null | undefined, direction: Direction, baseline?: number | null): number | null {
  if (!isNum(actual) || !isNum(target)) return null;
  if (direction === 'increase') return target === 0 ? null : (100 * actual) / target;
  if (isNum(baseline) && baseline > target) return (100 * (baseline - actual)) / (baseline - target);
  if (actual === 0) return target >= 0 ? 100 : null;
  return (100 * target) / actual;
}
