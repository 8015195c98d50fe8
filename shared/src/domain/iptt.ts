import type { Granularity } from '../schemas/monitoring.js';
import { type AggregationRules, aggregate, type IndicatorType, type TimeAggregation } from './aggregation.js';
import { type Period, type PeriodType, periodOf, periodsBetween } from './periods.js';

/**
 * IPTT maths that is not the aggregation engine's: which periods a table shows, and how targets,
 * set per period of the indicator's frequency, become the targets of the table's periods.
 */

/** How the period targets of an indicator combine over time, following its time rule. */
export type PeriodRollUp = TimeAggregation;

/**
 * Period targets, like period values, are what each period adds (a cumulative indicator is shown
 * as a running total of them, see `series` in aggregation.ts), so they roll up by the indicator's
 * time rule. Rates do not add up over time; yes/no and qualitative do not roll up.
 */
export function periodRollUp(indicator: { type: string; timeAggregation: PeriodRollUp }): PeriodRollUp | null {
  if (indicator.type === 'qualitative' || indicator.type === 'yes_no') return null;
  return indicator.type === 'percentage' && indicator.timeAggregation === 'sum' ? null : indicator.timeAggregation;
}

/** Values in time order combined by the rule; null when there are none. */
export function rollUp(values: readonly number[], rule: PeriodRollUp): number | null {
  if (values.length === 0) return null;
  if (rule === 'latest') return values[values.length - 1]!;
  if (rule === 'max') return Math.max(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return rule === 'sum' ? sum : sum / values.length;
}

export interface DateRange {
  start: string;
  end: string;
}

/**
 * The periods a table shows. Dates the reader picked are honoured strictly (periods starting on or
 * after `from` and ending on or before `to`); a side left to the scope's own dates takes every
 * period that overlaps them, so a project starting on 15 January still shows its first quarter.
 */
export function displayPeriods(
  range: { from?: string; to?: string },
  scope: { start: string | null; end: string | null },
  granularity: Granularity,
  fyStartMonth: number,
): Period[] {
  const start = range.from ?? scope.start;
  const end = range.to ?? scope.end;
  if (!start || !end) return [];
  return periodsBetween(start, end, granularity, fyStartMonth).filter(
    (p) => (!range.from || p.start >= range.from) && (!range.to || p.end <= range.to),
  );
}

/** A target set for one period of the indicator's frequency. */
export interface TargetPeriod extends DateRange {
  value: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The period a target key names (`2026-03`, `2026-Q1`, `FY2026-Q1`, `2026-H2`, `FY2026`, `2026`)
 * in a fiscal year starting in `fyStartMonth`; null for a key of another type or fiscal year.
 */
export function periodOfKey(key: string, type: Exclude<PeriodType, 'lop'>, fyStartMonth: number): Period | null {
  if (type === 'month') return /^\d{4}-\d{2}$/.test(key) && Number(key.slice(5)) >= 1 && Number(key.slice(5)) <= 12 ? periodOf(`${key}-01`, 'month') : null;
  const match = /^(?:FY)?(\d{4})(?:-([QH])([1-4]))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const step = match[2] === 'Q' ? 3 : match[2] === 'H' ? 6 : 0;
  // Fiscal years are named after the calendar year they end in.
  const first = (fyStartMonth === 1 ? year : year - 1) * 12 + fyStartMonth - 1 + step * (Number(match[3] ?? 1) - 1);
  const p = periodOf(`${Math.floor(first / 12)}-${pad2((first % 12) + 1)}-01`, type, fyStartMonth);
  return p.key === key ? p : null;
}

export interface TargetRule {
  rule: PeriodRollUp | null;
  cumulative: boolean;
  /** Running totals count targets from here on (the first period shown). */
  since?: string;
}

/**
 * Which buckets are made of whole periods of a type (they start where one starts and end where one
 * ends), and so can hold targets set per period of that type. Periods of `lop` hold none.
 */
export function wholePeriodBuckets(buckets: readonly DateRange[], type: PeriodType, fyStartMonth: number): boolean[] {
  if (type === 'lop') return buckets.map(() => false);
  return buckets.map((b) => periodOf(b.start, type, fyStartMonth).start === b.start && periodOf(b.end, type, fyStartMonth).end === b.end);
}

/**
 * The target of each display bucket. A bucket gets a target only when it is made of whole target
 * periods (`aligned`, from wholePeriodBuckets): a month inside a quarterly target gets none (the
 * quarter's target cannot be split), and neither does a calendar quarter cut across by a fiscal
 * quarter. The target periods inside it that have a target combine by the rule (one alone shows as
 * it is; null rule: several do not combine, e.g. rates summed over time). A cumulative indicator
 * shows the running total instead: every target from `since` up to the bucket's end, so a quarter
 * without a target of its own keeps the total so far, like its actual does.
 */
export function bucketTargets(targets: readonly TargetPeriod[], buckets: readonly DateRange[], aligned: readonly boolean[], t: TargetRule): (number | null)[] {
  const ordered = [...targets].filter((x) => !t.since || x.start >= t.since).sort((a, b) => a.start.localeCompare(b.start));
  return buckets.map((b, n) => {
    if (!aligned[n]) return null;
    const counted = ordered.filter((x) => x.end <= b.end && (t.cumulative || x.start >= b.start));
    if (counted.length <= 1) return counted[0]?.value ?? null;
    return t.rule ? rollUp(counted.map((x) => x.value), t.rule) : null;
  });
}

/**
 * The target of some places together, from each place's own target (null where it has none), as
 * the engine combines their actuals: by the indicator's place rule (`aggregate`, one value per
 * place). One place keeps its target as set, as the map shows it. Several need a target each — a
 * target for part of the area would be measured against the actual of all of it — and a percentage
 * gets none: its targets are stored as rates, without the numerator and denominator that pooling
 * needs, and an average of rates is never used.
 */
export function placesTarget(targets: readonly (number | null)[], rules: AggregationRules): number | null {
  if (targets.length === 1) return targets[0]!;
  if (targets.length === 0 || rules.type === 'percentage' || targets.some((x) => x === null)) return null;
  const observations = targets.map((value, n) => ({ locationId: String(n).padStart(6, '0'), date: '', value }));
  return aggregate(observations, rules)?.value ?? null;
}

/** Types whose values split a population, so targets of its parts add up to the whole. */
const ADDITIVE: ReadonlySet<IndicatorType> = new Set(['number', 'currency']);

/**
 * The target of each option, from the targets of one period and place keyed by disaggregation
 * (option ids joined by '|' in category order, categories possibly left out; '' = total). A target
 * set for the option alone is used as it is; otherwise the targets of the option together with
 * other categories are summed over those categories, taking the coarsest breakdown that has any (so
 * a "women × age" breakdown is not added to a "women × disability" one). Rates and yes/no do not
 * add up, so they only ever use a target set for the option alone. Options without one are absent.
 */
export function optionTargets(
  entries: readonly { key: string; value: number }[],
  categoryOfOption: ReadonlyMap<string, number>,
  type: IndicatorType,
): Map<string, number> {
  // option → breakdown (the categories in the key, e.g. "0,1") → sum
  const sums = new Map<string, Map<string, number>>();
  for (const e of entries) {
    if (e.key === '') continue;
    const options = e.key.split('|');
    const shape = options.map((o) => categoryOfOption.get(o) ?? -1).sort((a, b) => a - b).join(',');
    for (const o of options) {
      const byShape = sums.get(o) ?? new Map<string, number>();
      byShape.set(shape, (byShape.get(shape) ?? 0) + e.value);
      sums.set(o, byShape);
    }
  }
  const out = new Map<string, number>();
  for (const [option, byShape] of sums) {
    const own = byShape.get(String(categoryOfOption.get(option) ?? -1));
    if (own !== undefined) out.set(option, own);
    else if (ADDITIVE.has(type)) {
      const [, value] = [...byShape].sort(([a], [b]) => a.split(',').length - b.split(',').length || a.localeCompare(b))[0]!;
      out.set(option, value);
    }
  }
  return out;
}

/**
 * Running totals in bucket order. A bucket with nothing new in it is left out of an answer, yet
 * its total to date is the one before it (the same values count), so it keeps that total; before
 * the first value it stays empty, never zero.
 */
export function carryForward<T>(keys: readonly string[], byKey: (key: string) => T | null): (T | null)[] {
  let last: T | null = null;
  return keys.map((k) => (last = byKey(k) ?? last));
}
