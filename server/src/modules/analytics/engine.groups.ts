import { bucketOfMonth } from './engine.buckets.js';
import type { FactQuery } from './engine.plan.js';
import type { FactGrouping, Part } from './engine.sql.js';

/** Rows of the engine's statements as the rest of the engine reads them. */

/** One group of a statement's answer, unpacked. Groupings not asked for are 0; `c` is 1 unless counted. */
export interface GroupRow {
  /** Index of the engine indicator. */
  g: number;
  /** Bucket number. */
  b: number;
  /** Area number (0: none). */
  a: number;
  /** Organisation and project key numbers. */
  og: number;
  pj: number;
  /** Option number per asked category (0: not broken down by it). */
  o: number[];
  /** Value, or a percentage's numerator and denominator sums. */
  x: number;
  n: number;
  d: number;
  /** 1 when every contributing fact is approved. */
  ap: number;
  /** Running totals under the location rule "none": how many places the figure stands for. */
  c: number;
}

/**
 * The statement's rows as GroupRows: `k` unpacked, bucket numbers restored, every column a number
 * (PostgreSQL hands bigints back as strings). Builds new objects of one shape, which keeps the
 * tens of thousands of rows of a pivot cheap to create and read.
 */
export function groupRows(rows: Record<string, unknown>[], parts: Part[], g: FactGrouping): GroupRow[] {
  const first = g.bucketSpan?.first ?? 0;
  const names = ['g', 'b', 'a', 'og', 'pj', ...g.options.map((_, j) => `o${j}`)];
  // Where each grouping comes from: a slot of the packed key (≥ 0), its own column (−1) or nowhere (−2).
  const from = names.map((name) => {
    const at = parts.findIndex((p) => p.name === name);
    return at >= 0 ? at : rows.length && name in rows[0]! ? -1 : -2;
  });
  const sizes = parts.map((p) => p.size);
  const slots = new Array<number>(parts.length).fill(0);
  const value = (r: Record<string, unknown>, i: number): number => {
    const at = from[i]!;
    return at >= 0 ? slots[at]! : at === -1 ? Number(r[names[i]!]) : 0;
  };
  const number = (v: unknown) => (v === undefined || v === null ? 0 : Number(v));
  const options = g.options.length;
  const out = new Array<GroupRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (sizes.length) {
      let k = Number(r.k);
      for (let j = sizes.length - 1; j > 0; j--) {
        slots[j] = k % sizes[j]!;
        k = (k - slots[j]!) / sizes[j]!;
      }
      slots[0] = k;
    }
    const o = new Array<number>(options);
    for (let j = 0; j < options; j++) o[j] = value(r, 5 + j);
    out[i] = {
      g: value(r, 0), b: g.buckets ? value(r, 1) + first : 0, a: value(r, 2), og: value(r, 3), pj: value(r, 4), o,
      x: number(r.x), n: number(r.n), d: number(r.d), ap: Number(r.ap), c: r.c === undefined ? 1 : Number(r.c),
    };
  }
  return out;
}

/**
 * Plain sums read in the fact table's primary-key order (indicator, month, combination): the database
 * adds up each place's cells without sorting anything, and these few partial sums (indicators ×
 * months × combinations, whatever the number of places) are then added up here per group: months
 * into buckets, combinations into the asked options, source indicators into their engine indicator.
 * Sums are associative, so this is the same figure as one GROUP BY over the facts.
 */
export function streamedRows(rows: Record<string, unknown>[], q: FactQuery, g: FactGrouping): GroupRow[] {
  const merged = new Map<string, GroupRow>();
  for (const r of rows) {
    const gi = q.indicatorOf.get(Number(r.i))!;
    const b = g.buckets ? bucketOfMonth(g.buckets, Number(r.m)) : 0;
    const o = g.options.map((map) => map.get(Number(r.c)) ?? 0);
    const x = Number(r.x ?? 0);
    const n = Number(r.n ?? 0);
    const d = Number(r.d ?? 0);
    const ap = Number(r.ap);
    const key = `${gi}/${b}/${o.join(',')}`;
    const known = merged.get(key);
    if (known) {
      known.x += x;
      known.n += n;
      known.d += d;
      known.ap = Math.min(known.ap, ap);
    } else merged.set(key, { g: gi, b, a: 0, og: 0, pj: 0, o, x, n, d, ap, c: 1 });
  }
  return [...merged.values()];
}
