import type { Figures } from './hand-sql.js';

export interface Agreement {
  /** Figures present on both sides and checked. */
  compared: number;
  mismatches: { key: string; product: number | null; hand: number | null }[];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * Compares the product's figures with the hand-written query's, key by key. A figure missing on one
 * side counts as null (no data). With `productKeysOnly`, only the product's keys are checked (the
 * dashboard's area ranking returns the top and bottom five, not every area).
 */
export function compareFigures(product: Figures, hand: Figures, productKeysOnly = false): Agreement {
  const keys = productKeysOnly ? [...product.keys()] : [...new Set([...product.keys(), ...hand.keys()])];
  const mismatches: Agreement['mismatches'] = [];
  let compared = 0;
  for (const key of keys) {
    const p = product.get(key) ?? null;
    const h = hand.get(key) ?? null;
    if (p === null && h === null) continue;
    compared++;
    if (p === null || h === null || !close(p, h)) mismatches.push({ key, product: p, hand: h });
  }
  return { compared, mismatches };
}
