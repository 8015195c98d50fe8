import { fromMinor, isValidQuantity, lineTotal, minorDigits, splitEvenly, sumMinor, toMinor } from '@shared/domain/money.js';
import { BUDGET_CATEGORIES, type BudgetCategory, type BudgetLine, type BudgetLineInput } from '@shared/schemas/budgets.js';
import { formatNumber } from '../../lib/format.js';
import { separators } from '../results/targets/locale-number.js';

/**
 * The draft editor's arithmetic, kept out of the components so it can be tested: typed text in
 * the user's way ("1 250,50") read into exact minor units, the line total (quantity × unit cost)
 * with the same rounding as the server, what remains to allocate, and "spread evenly".
 * Nothing here sums money in floating point.
 */

/** Minor units with the currency's own digits in the current language ("1,250.50"). */
export function formatAmount(amountMinor: number, currency: string): string {
  let digits = 2;
  try {
    digits = minorDigits(currency);
  } catch {
    /* an unknown code still shows its figure */
  }
  // fromMinor is exact; Number() of a decimal with the currency's digits is exact enough to print at those digits.
  return formatNumber(Number(fromMinor(amountMinor, currency)), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const formatMoney = (amountMinor: number, currency: string) => `${formatAmount(amountMinor, currency)} ${currency}`;

/** Typed text as a plain decimal string ("1250.5"); null when empty, '' when not a non-negative number. */
export function normaliseDecimal(text: string): string | null {
  const { decimal, group } = separators();
  let s = text.trim();
  if (s === '') return null;
  s = s.replace(/[\s\u00a0\u202f\u200e\u200f\u061c]/g, '');
  if (group.trim() !== '' && group !== decimal) s = s.split(group).join('');
  if (decimal !== '.') s = s.replace(decimal, '.');
  return /^\d+(\.\d+)?$/.test(s) ? s : '';
}

/** Typed money in minor units (empty is 0); null when it is not an amount with at most the currency's digits. */
export function parseAmount(text: string, currency: string): number | null {
  const d = normaliseDecimal(text);
  if (d === null) return 0;
  if (d === '') return null;
  try {
    return toMinor(d, currency);
  } catch {
    return null;
  }
}

/** Minor units as text for an input in the current language, without grouping ("1250.50", "1250,50"). */
export function amountText(amountMinor: number, currency: string): string {
  if (amountMinor === 0) return '';
  return fromMinor(amountMinor, currency).replace('.', separators().decimal);
}

/** One line as the editor holds it: typed text for the numbers. */
export interface DraftLine {
  /** A key for React that stays while the line is edited (the stable line id, or a made-up one). */
  key: string;
  lineId?: string;
  code: string;
  category: BudgetCategory;
  description: string;
  unit: string;
  quantity: string;
  unitCost: string;
  resultNodeId: string | null;
  activityId: string | null;
  note: string;
  /** Typed amount per period key. */
  amounts: Record<string, string>;
  expenditureCount: number;
}

let counter = 0;
export const newKey = () => `new-${++counter}`;

export function toDraft(line: BudgetLine, currency: string): DraftLine {
  const amounts: Record<string, string> = {};
  for (const [k, v] of Object.entries(line.amounts)) amounts[k] = amountText(v, currency);
  return {
    key: line.lineId,
    lineId: line.lineId,
    code: line.code,
    category: line.category,
    description: line.description,
    unit: line.unit,
    quantity: line.quantity.replace('.', separators().decimal),
    unitCost: amountText(line.unitCostMinor, currency),
    resultNodeId: line.resultNode?.id ?? null,
    activityId: line.activity?.id ?? null,
    note: line.note,
    amounts,
    expenditureCount: line.expenditureCount,
  };
}

export function emptyLine(code: string, category: BudgetCategory = 'other_direct'): DraftLine {
  return { key: newKey(), code, category, description: '', unit: '', quantity: '1', unitCost: '', resultNodeId: null, activityId: null, note: '', amounts: {}, expenditureCount: 0 };
}

/** The line's total as the server will compute it, or null while quantity or unit cost is incomplete. */
export function draftTotal(line: Pick<DraftLine, 'quantity' | 'unitCost'>, currency: string): number | null {
  const q = normaliseDecimal(line.quantity);
  const cost = parseAmount(line.unitCost, currency);
  if (!q || !isValidQuantity(q) || cost === null) return null;
  try {
    return lineTotal(q, cost);
  } catch {
    return null;
  }
}

/** Sum of the typed period amounts, or null when one is not an amount. */
export function allocated(line: Pick<DraftLine, 'amounts'>, periodKeys: readonly string[], currency: string): number | null {
  const values = periodKeys.map((k) => parseAmount(line.amounts[k] ?? '', currency));
  if (values.some((v) => v === null)) return null;
  return sumMinor(values as number[]);
}

/** What is left to allocate (negative: over-allocated); null when the total or an amount is incomplete. */
export function remaining(line: DraftLine, periodKeys: readonly string[], currency: string): number | null {
  const total = draftTotal(line, currency);
  const given = allocated(line, periodKeys, currency);
  return total === null || given === null ? null : total - given;
}

/** The total split over the periods, differing by at most one minor unit, adding up exactly. */
export function spreadEvenly(line: DraftLine, periodKeys: readonly string[], currency: string): DraftLine {
  const total = draftTotal(line, currency);
  if (total === null || periodKeys.length === 0) return line;
  const parts = splitEvenly(total, periodKeys.length);
  return { ...line, amounts: Object.fromEntries(periodKeys.map((k, i) => [k, amountText(parts[i]!, currency)])) };
}

/** The request body's line; typed text that does not read as a number goes as sent, for the server to name. */
export function toInput(line: DraftLine, periodKeys: readonly string[], currency: string): BudgetLineInput {
  const amounts: Record<string, number> = {};
  for (const k of periodKeys) {
    const v = parseAmount(line.amounts[k] ?? '', currency);
    if (v) amounts[k] = v;
  }
  return {
    ...(line.lineId ? { lineId: line.lineId } : {}),
    code: line.code,
    category: line.category,
    description: line.description,
    unit: line.unit,
    quantity: normaliseDecimal(line.quantity) || line.quantity,
    unitCostMinor: parseAmount(line.unitCost, currency) ?? 0,
    resultNodeId: line.resultNodeId,
    activityId: line.activityId,
    note: line.note,
    amounts,
  };
}

/** Lines grouped by category in the fixed category order, each with its subtotal. */
export function byCategory<T extends { category: BudgetCategory; totalMinor: number }>(lines: readonly T[]): { category: BudgetCategory; lines: T[]; totalMinor: number }[] {
  return BUDGET_CATEGORIES.map((category) => {
    const own = lines.filter((l) => l.category === category);
    return { category, lines: own, totalMinor: sumMinor(own.map((l) => l.totalMinor)) };
  }).filter((g) => g.lines.length > 0);
}

/** Next free code after the last one ("2.3" after "2.2"; "4" after "3"). */
export function nextCode(codes: readonly string[]): string {
  const last = codes[codes.length - 1];
  if (!last) return '1.1';
  const m = /^(.*?)(\d+)$/.exec(last);
  let candidate = m ? `${m[1]}${Number(m[2]) + 1}` : `${last}-2`;
  while (codes.includes(candidate)) candidate = `${candidate}-1`;
  return candidate;
}

/** Server problems on `body.lines.3.amounts.2026-Q2` → `3.amounts.2026-Q2` keyed messages. */
export function lineErrors(details: readonly { field?: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const m = /^body\.lines\.(.+)$/.exec(d.field ?? '');
    if (m) out[m[1]!] ??= d.message;
  }
  return out;
}
