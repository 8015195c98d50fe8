import type { Figure, PivotDimension, PivotMember, PivotResult } from '@shared/schemas/monitoring.js';
import type { EngineRow } from './engine.types.js';
import { dimensionId, type MemberKeyOf } from './pivot.plan.js';

/**
 * Lays the engine's answers out as a pivot table. Everything here is linear in the number of
 * answer rows plus one Map lookup per cell: the figures themselves all come from the engine.
 */

/** Joins member keys of a tuple; ids, period keys and `none` never contain it. */
const SEP = '\u0001';
const CELL = '\u0002';

export const tupleKey = (row: EngineRow, keys: readonly MemberKeyOf[]): string => {
  if (keys.length === 1) return keys[0]!(row);
  let out = '';
  for (let i = 0; i < keys.length; i++) out += (i ? SEP : '') + keys[i]!(row);
  return out;
};

/** What the cells' answer holds: the row and column tuples that have data, and each dimension's member keys. */
export interface Collected {
  rowTuples: Map<string, string[]>;
  columnTuples: Map<string, string[]>;
  /** Row tuple key → column tuple key → figure. */
  cells: Map<string, Map<string, Figure>>;
  /** By dimension id: the member keys seen. */
  keys: Map<string, Set<string>>;
  /** Period key → first day, to order periods by time. */
  periodStarts: Map<string, string>;
}

export function collect(rows: readonly EngineRow[], rowKeys: readonly MemberKeyOf[], columnKeys: readonly MemberKeyOf[], dims: readonly PivotDimension[]): Collected {
  const c: Collected = { rowTuples: new Map(), columnTuples: new Map(), cells: new Map(), keys: new Map(), periodStarts: new Map() };
  const ids = dims.map(dimensionId);
  const all = [...rowKeys, ...columnKeys];
  const sets = ids.map((id) => {
    const set = c.keys.get(id) ?? new Set<string>();
    c.keys.set(id, set);
    return set;
  });
  for (const r of rows) {
    const rk = tupleKey(r, rowKeys);
    const ck = tupleKey(r, columnKeys);
    let row = c.cells.get(rk);
    if (!row) {
      row = new Map();
      c.cells.set(rk, row);
      c.rowTuples.set(rk, rowKeys.map((k) => k(r)));
    }
    if (!c.columnTuples.has(ck)) c.columnTuples.set(ck, columnKeys.map((k) => k(r)));
    row.set(ck, r.figure);
    for (let i = 0; i < all.length; i++) sets[i]!.add(all[i]!(r));
    if (r.period && !c.periodStarts.has(r.period.key)) c.periodStarts.set(r.period.key, r.period.start);
  }
  return c;
}

/** An answer keyed by the tuple of its grouping (a total's answer). */
export function figuresBy(rows: readonly EngineRow[] | null, keys: readonly MemberKeyOf[]): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const r of rows ?? []) out.set(tupleKey(r, keys), r.figure);
  return out;
}

/** A member and its place in the dimension's order. */
export interface RankedMember {
  member: PivotMember;
  rank: number;
}
/** By dimension id, by member key. */
export type MemberBook = Map<string, Map<string, RankedMember>>;

function ordered(tuples: Map<string, string[]>, dims: readonly PivotDimension[], book: MemberBook): [string, string[]][] {
  const maps = dims.map((d) => book.get(dimensionId(d))!);
  const ranked = [...tuples].map(([key, members]) => ({ key, members, ranks: members.map((m, i) => maps[i]!.get(m)?.rank ?? Number.MAX_SAFE_INTEGER) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.ranks.length; i++) if (a.ranks[i] !== b.ranks[i]) return a.ranks[i]! - b.ranks[i]!;
    return 0;
  });
  return ranked.map((r) => [r.key, r.members]);
}

const memberOf = (book: MemberBook, d: PivotDimension, key: string): PivotMember =>
  book.get(dimensionId(d))?.get(key)?.member ?? { key, label: key, code: null };

export interface Answers {
  rowTotals: readonly EngineRow[] | null;
  columnTotals: readonly EngineRow[] | null;
  grand: readonly EngineRow[] | null;
  subtotalCells: readonly EngineRow[] | null;
  subtotalTotals: readonly EngineRow[] | null;
}

export interface AssembleInput {
  rows: PivotDimension[];
  columns: PivotDimension[];
  rowKeys: MemberKeyOf[];
  columnKeys: MemberKeyOf[];
  collected: Collected;
  answers: Answers;
  book: MemberBook;
}

export type PivotLayout = Pick<PivotResult, 'rowMembers' | 'columnMembers' | 'cells' | 'rowTotals' | 'columnTotals' | 'grandTotal' | 'subtotals'>;

export function assemble(x: AssembleInput): PivotLayout {
  const { collected: c, book } = x;
  const rows = ordered(c.rowTuples, x.rows, book);
  const columns = ordered(c.columnTuples, x.columns, book);
  const columnKeys = columns.map(([k]) => k);

  const cells = rows.map(([rk]) => {
    const row = c.cells.get(rk)!;
    return columnKeys.map((ck) => row.get(ck) ?? null);
  });
  const rowTotalsBy = figuresBy(x.answers.rowTotals, x.rowKeys);
  const columnTotalsBy = figuresBy(x.answers.columnTotals, x.columnKeys);
  const grand = x.answers.grand?.length === 1 ? x.answers.grand[0]!.figure : null;

  const subtotals: PivotLayout['subtotals'] = [];
  if (x.answers.subtotalCells && x.rows.length >= 2) {
    const first = x.rowKeys[0]!;
    const cellsBy = new Map<string, Figure>();
    for (const r of x.answers.subtotalCells) cellsBy.set(first(r) + CELL + tupleKey(r, x.columnKeys), r.figure);
    const totalsBy = figuresBy(x.answers.subtotalTotals, [first]);
    const seen = new Set<string>();
    for (const [, members] of rows) {
      const key = members[0]!;
      if (seen.has(key)) continue;
      seen.add(key);
      subtotals.push({
        member: memberOf(book, x.rows[0]!, key),
        cells: columnKeys.map((ck) => cellsBy.get(key + CELL + ck) ?? null),
        total: totalsBy.get(key) ?? null,
      });
    }
  }

  return {
    rowMembers: rows.map(([, members]) => members.map((m, i) => memberOf(book, x.rows[i]!, m))),
    columnMembers: columns.map(([, members]) => members.map((m, i) => memberOf(book, x.columns[i]!, m))),
    cells,
    rowTotals: rows.map(([rk]) => rowTotalsBy.get(rk) ?? null),
    columnTotals: columnKeys.map((ck) => columnTotalsBy.get(ck) ?? null),
    grandTotal: grand,
    subtotals,
  };
}
