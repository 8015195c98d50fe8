import type { IndicatorType } from '@shared/domain/aggregation.js';
import { bucketTargets, optionTargets, periodOfKey, periodRollUp, placesTarget, type TargetPeriod, type TargetRule, wholePeriodBuckets } from '@shared/domain/iptt.js';
import type { Period, PeriodType } from '@shared/domain/periods.js';
import { LOP_PERIOD_KEY } from '@shared/schemas/targets.js';
import type { OutlineCategory, OutlineIndicator } from './iptt.outline.js';
import type { TargetRow } from './iptt.repository.js';

/** Targets of one IPTT row: the life-of-project column and each period shown. */
export interface RowTargets {
  lop: number | null;
  periods: (number | null)[];
}

type Entry = { key: string; value: number };

/** What gives a row its targets: the indicator's total and each option's. */
export interface RowTargetSource {
  total(): RowTargets;
  option(optionId: string): RowTargets;
}

/**
 * A place's own life-of-project target: the total (no breakdown) set for exactly that place —
 * never the one for all places together, nor one of a place above or below it. The map shows it
 * for each area; the IPTT filtered to the place shows it as its life-of-project target.
 */
const isPlaceLopTotal = (r: TargetRow) => r.location_id !== null && r.period_key === LOP_PERIOD_KEY && r.disaggregation_key === '';

/** Each place's own life-of-project target, from an indicator's targets set per place. */
export const placeLopTargets = (rows: readonly TargetRow[]): Map<string, number> =>
  new Map(rows.filter(isPlaceLopTotal).map((r) => [r.location_id!, Number(r.value)]));

/**
 * Which periods shown can hold targets of a frequency, worked out once per frequency and fiscal
 * year rather than for every row.
 */
export class Alignment {
  private readonly cache = new Map<string, boolean[]>();
  constructor(private readonly periods: readonly Period[]) {}

  of(frequency: PeriodType, fyStartMonth: number): boolean[] {
    const id = `${frequency}/${fyStartMonth}`;
    let aligned = this.cache.get(id);
    if (!aligned) this.cache.set(id, (aligned = wholePeriodBuckets(this.periods, frequency, fyStartMonth)));
    return aligned;
  }
}

/**
 * Targets of an indicator and of its options, from the targets set for all its places together or
 * for one place. The life-of-project target of the total is, for all places, the indicator's own
 * `lop_target` and, for a place, its own life-of-project total (one number in one place, never the
 * sum of the periods); an option's comes from the life-of-project breakdown.
 */
export class IndicatorTargets implements RowTargetSource {
  /** Period targets whose key names a period of the indicator's frequency, with their breakdowns. */
  private readonly dated: { period: Period; entries: Entry[] }[] = [];
  private readonly lopEntries: Entry[] = [];
  private readonly categoryOfOption = new Map<string, number>();
  private readonly rule: TargetRule;
  private readonly aligned: readonly boolean[];
  /** Each option's target, per dated period and for the life of the project (worked out on first use). */
  private byOption: { periods: Map<string, number>[]; lop: Map<string, number> } | null = null;

  private readonly lop: number | null;

  /** `rows`: the indicator's targets for all places together, or those of the one place `placeId`. */
  constructor(
    private readonly indicator: OutlineIndicator,
    rows: readonly TargetRow[],
    categories: ReadonlyMap<string, OutlineCategory>,
    private readonly periods: readonly Period[],
    alignment: Alignment,
    placeId: string | null = null,
  ) {
    const frequency = indicator.row.frequency as PeriodType;
    const byKey = new Map<string, Entry[]>();
    for (const r of rows) {
      const list = byKey.get(r.period_key);
      const entry = { key: r.disaggregation_key, value: Number(r.value) };
      if (list) list.push(entry);
      else byKey.set(r.period_key, [entry]);
    }
    for (const [key, entries] of byKey) {
      if (key === LOP_PERIOD_KEY) this.lopEntries.push(...entries);
      else if (frequency !== 'lop') {
        const period = periodOfKey(key, frequency, indicator.fyStartMonth);
        if (period) this.dated.push({ period, entries });
      }
    }
    indicator.categoryIds.forEach((id, position) => categories.get(id)?.options.forEach((o) => this.categoryOfOption.set(o.id, position)));
    this.rule = {
      rule: periodRollUp({ type: indicator.row.type, timeAggregation: indicator.rules.time }),
      cumulative: indicator.row.cumulative === 1,
      since: periods[0]?.start,
    };
    this.aligned = alignment.of(frequency, indicator.fyStartMonth);
    const lop = placeId === null ? indicator.row.lop_target : rows.find((r) => r.location_id === placeId && isPlaceLopTotal(r))?.value;
    this.lop = lop === null || lop === undefined ? null : Number(lop);
  }

  total(): RowTargets {
    return { lop: this.lop, periods: this.inPeriods((d) => d.entries.find((e) => e.key === '')?.value) };
  }

  option(optionId: string): RowTargets {
    const type = this.indicator.row.type as IndicatorType;
    this.byOption ??= {
      periods: this.dated.map((d) => optionTargets(d.entries, this.categoryOfOption, type)),
      lop: optionTargets(this.lopEntries, this.categoryOfOption, type),
    };
    const { periods, lop } = this.byOption;
    return { lop: lop.get(optionId) ?? null, periods: this.inPeriods((_, n) => periods[n]!.get(optionId)) };
  }

  /** The period targets (one value picked from each period's breakdown) rolled into the periods shown. */
  private inPeriods(pick: (d: (typeof this.dated)[number], n: number) => number | undefined): (number | null)[] {
    if (this.indicator.row.type === 'qualitative' || this.periods.length === 0) return this.periods.map(() => null);
    const dated: TargetPeriod[] = [];
    this.dated.forEach((d, n) => {
      const value = pick(d, n);
      if (value !== undefined) dated.push({ start: d.period.start, end: d.period.end, value });
    });
    return bucketTargets(dated, this.periods, this.aligned, this.rule);
  }
}

/**
 * Targets under a place filter: each place's own (as IndicatorTargets for that place), combined
 * cell by cell like the engine combines the places' actuals (`placesTarget`: the place rule, every
 * place needing a target, none for a percentage over several places). Each place's period targets
 * are first rolled over time, then across places — the engine's order for actuals too.
 */
export class PlacesTargets implements RowTargetSource {
  constructor(
    private readonly indicator: OutlineIndicator,
    private readonly places: readonly IndicatorTargets[],
    private readonly periodCount: number,
  ) {}

  total(): RowTargets {
    return this.combine(this.places.map((p) => p.total()));
  }

  option(optionId: string): RowTargets {
    return this.combine(this.places.map((p) => p.option(optionId)));
  }

  private combine(each: RowTargets[]): RowTargets {
    const rules = this.indicator.rules;
    return {
      lop: placesTarget(each.map((t) => t.lop), rules),
      periods: Array.from({ length: this.periodCount }, (_, n) => placesTarget(each.map((t) => t.periods[n] ?? null), rules)),
    };
  }
}

/**
 * The targets of an indicator's rows: for all its places together (`places` null: no place
 * filter), or for the places of a place filter, from their own targets only — a place without a
 * target of its own has none, whatever the target for all places.
 */
export function rowTargets(
  indicator: OutlineIndicator,
  rows: readonly TargetRow[],
  places: readonly string[] | null,
  categories: ReadonlyMap<string, OutlineCategory>,
  periods: readonly Period[],
  alignment: Alignment,
): RowTargetSource {
  if (places === null) return new IndicatorTargets(indicator, rows, categories, periods, alignment);
  const byPlace = places.map((id) => new IndicatorTargets(indicator, rows.filter((r) => r.location_id === id), categories, periods, alignment, id));
  return new PlacesTargets(indicator, byPlace, periods.length);
}
