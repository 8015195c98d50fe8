import type { EngineIndicator } from './engine.types.js';
import type { SourceCells } from './engine.inputs.js';

/**
 * Splits an engine query into SQL statements. Indicators whose rules combine the same way share a
 * statement; each statement reads only its own indicators' rows of the fact table, so splitting
 * costs no extra reading. Within one statement every fact indicator counts for one engine indicator
 * (an indicator asked for both on its own and inside a programme roll-up goes to a second "layer").
 */
export type MeasureKind = 'value' | 'percentage';
/** The time rule as the SQL applies it: percentages pool under sum and average alike. */
export type TimeStage = 'sum' | 'average' | 'latest' | 'max';
export type PlaceStage = 'sum' | 'average' | 'max' | 'none';

/** Rows of some fact indicators: their total cells (`combos` null) or some of their full-combination cells. */
export interface FactRead {
  indicatorNos: number[];
  combos: number[] | null;
}

export interface FactQuery {
  kind: MeasureKind;
  time: TimeStage;
  location: PlaceStage;
  /** Fact indicator number → index of the engine indicator it counts for (in EngineQuery.indicators). */
  indicatorOf: Map<number, number>;
  reads: FactRead[];
}

/** Time sum and place sum: one GROUP BY over the facts gives the answer. */
export const isPlainSum = (q: FactQuery) => q.time === 'sum' && q.location === 'sum';

/**
 * Which cells of one fact indicator answer the question: its totals when it has none of the asked
 * or filtered categories; otherwise its full-combination cells, kept by the option filter. `undefined`:
 * the indicator cannot answer (it is not broken down by a filtered category that is not a grouping,
 * so its total would pass for the filtered options' figure; or no cell survives the filter).
 */
export function cellsToRead(cells: SourceCells | undefined, asked: string[], optionFilter: Record<string, string[]>): number[] | null | undefined {
  const categories = cells?.categoryIds ?? [];
  const filtered = Object.keys(optionFilter);
  if (filtered.some((c) => !categories.includes(c) && !asked.includes(c))) return undefined;
  if (!categories.some((c) => asked.includes(c) || filtered.includes(c))) return null;
  const keep = filtered.flatMap((c) => {
    const at = categories.indexOf(c);
    return at < 0 ? [] : [{ at, options: new Set(optionFilter[c]) }];
  });
  const combos = [...cells!.combos].filter(([, options]) => keep.every((k) => k.options.has(options[k.at]!))).map(([no]) => no);
  return combos.length ? combos : undefined;
}

export interface PlannedIndicator {
  /** Index in EngineQuery.indicators. */
  index: number;
  indicator: EngineIndicator;
  /** The fact indicators it reads and their cells. */
  sources: { no: number; combos: number[] | null }[];
}

export function planQueries(indicators: PlannedIndicator[], o: { timeIsTrivial: boolean }): FactQuery[] {
  const layers: Set<number>[] = [];
  const groups = new Map<string, PlannedIndicator[]>();
  for (const p of indicators) {
    if (p.indicator.rules.type === 'qualitative' || p.sources.length === 0) continue;
    let layer = layers.findIndex((used) => p.sources.every((s) => !used.has(s.no)));
    if (layer < 0) layer = layers.push(new Set()) - 1;
    for (const s of p.sources) layers[layer]!.add(s.no);
    const { kind, time, location } = stagesOf(p.indicator, o.timeIsTrivial);
    const key = `${layer}/${kind}/${time}/${location}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((members) => {
    const { kind, time, location } = stagesOf(members[0]!.indicator, o.timeIsTrivial);
    const reads = new Map<string, FactRead>();
    for (const s of members.flatMap((m) => m.sources)) {
      const id = s.combos === null ? 'total' : s.combos.join(',');
      const r = reads.get(id) ?? { indicatorNos: [], combos: s.combos };
      r.indicatorNos.push(s.no);
      reads.set(id, r);
    }
    return {
      kind, time, location,
      indicatorOf: new Map(members.flatMap((m) => m.sources.map((s) => [s.no, m.index] as const))),
      reads: [...reads.values()],
    };
  });
}

function stagesOf(i: EngineIndicator, timeIsTrivial: boolean): { kind: MeasureKind; time: TimeStage; location: PlaceStage } {
  const kind: MeasureKind = i.rules.type === 'percentage' ? 'percentage' : 'value';
  const pooled = (rule: string) => kind === 'percentage' && (rule === 'sum' || rule === 'average');
  // One period per place and bucket (monthly buckets, not running): every time rule returns that period.
  const time: TimeStage = timeIsTrivial || pooled(i.rules.time) ? 'sum' : i.rules.time;
  const location: PlaceStage = pooled(i.rules.location) ? 'sum' : i.rules.location;
  return { kind, time, location };
}
