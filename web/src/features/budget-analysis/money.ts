import { fromMinor, minorDigits } from '@shared/domain/money.js';
import { formatNumber } from '../../lib/format.js';

/** Digits of a currency's minor unit (2 when the code is unknown). */
export function digitsOf(currency: string): number {
  try {
    return minorDigits(currency);
  } catch {
    return 2;
  }
}

/** Minor units with the currency's own digits ("12,000.00", "1 211 000"), without the code. */
export function formatAmount(amountMinor: number | null, currency: string): string {
  if (amountMinor === null) return '—';
  const digits = digitsOf(currency);
  // fromMinor gives the exact decimal; Number() of it is exact at the currency's digits for any safe amount.
  return formatNumber(Number(fromMinor(amountMinor, currency)), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Minor units with the currency code after the figure. */
export const formatMoney = (amountMinor: number | null, currency: string) => (amountMinor === null ? '—' : `${formatAmount(amountMinor, currency)} ${currency}`);

/** A percentage with one decimal ("41.7 %"); a dash when there is none (a zero divisor). */
export const formatPct = (pct: number | null) => (pct === null ? '—' : `${formatNumber(pct, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`);

/** Minor units as a plain number of major units, for chart scales only (labels go through formatAmount). */
export const toMajor = (amountMinor: number, currency: string) => Number(fromMinor(amountMinor, currency));

export const todayUtc = () => new Date().toISOString().slice(0, 10);
