import type { Figure } from '@shared/schemas/index.js';

/**
 * Formatting of dashboard and map figures, kept free of the i18n set-up so it can be tested:
 * callers pass the app's `formatNumber` (which follows the interface language).
 */
export type NumberFormat = (n: number, options?: Intl.NumberFormatOptions) => string;
export type IndicatorType = 'number' | 'percentage' | 'currency' | 'yes_no' | 'qualitative';

/** A value as the rest of the app shows it ("1,200", "62.5 %", "Yes"); the unit is shown beside it. */
export function formatIndicatorValue(
  value: number | null | undefined,
  type: IndicatorType,
  fmt: NumberFormat,
  yesNo?: { yes: string; no: string },
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (type === 'yes_no' && yesNo) return value ? yesNo.yes : yesNo.no;
  const n = fmt(value, { maximumFractionDigits: 2 });
  return type === 'percentage' ? `${n} %` : n;
}

/** The value of a figure, or null when there is none. */
export const figureValue = (figure: Figure | null | undefined): number | null =>
  figure && typeof figure.value === 'number' && Number.isFinite(figure.value) ? figure.value : null;

/** "% met" rounded to whole percent: a tenth of a percent of a target tells a reader nothing. */
export function formatPercent(p: number | null | undefined, fmt: NumberFormat): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return `${fmt(p, { maximumFractionDigits: 0 })} %`;
}

/** Axis ticks stay short: 12,500 → "12.5K" in English, "12,5 k" in French. */
export function formatTick(value: number, type: IndicatorType, fmt: NumberFormat): string {
  const n = Math.abs(value) >= 10_000 ? fmt(value, { notation: 'compact', maximumFractionDigits: 1 }) : fmt(value, { maximumFractionDigits: 1 });
  return type === 'percentage' ? `${n} %` : n;
}

/** Coverage of a target (actual ÷ target, as a percentage); null without both or with a zero target. */
export function coverage(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target === 0) return null;
  return (100 * actual) / target;
}
