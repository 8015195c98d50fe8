import { convertToBudget, fromMinor, isValidRate, minorDigits, toMinor } from '@shared/domain/money.js';
import { formatNumber } from '../../lib/format.js';
import { separators } from '../results/targets/locale-number.js';

/**
 * Money on screen: minor units formatted with the currency's own digits (XOF none, USD two, TND
 * three), never through floating-point sums; typed amounts read the user's way ("1 250,50" in
 * French) into an exact decimal string before they become minor units.
 */
export function formatMoney(amountMinor: number, currency: string): string {
  let digits = 2;
  try {
    digits = minorDigits(currency);
  } catch {
    /* an unknown code still shows its figure */
  }
  // fromMinor gives the exact decimal; Number() of it is exact at the currency's digits for any safe amount.
  const value = Number(fromMinor(amountMinor, currency));
  return `${formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/**
 * A decimal typed in the current language as a plain decimal string ("1250.5"): group separators
 * and spaces dropped, the language's decimal mark read as ".", and "." too when the language does not
 * group with it (figures pasted from spreadsheets). Empty is null; anything else not a number is ''.
 */
export function normaliseDecimal(text: string): string | null {
  const { decimal, group } = separators();
  let s = text.trim();
  if (s === '') return null;
  s = s.replace(/[\s\u00a0\u202f\u200e\u200f\u061c]/g, '');
  if (group.trim() !== '' && group !== decimal) s = s.split(group).join('');
  if (decimal !== '.') s = s.replace(decimal, '.');
  return /^\d+(\.\d+)?$/.test(s) ? s : '';
}

/** A stored decimal ("1250.50") as the user would type it: the language's decimal mark, no grouping. */
export function decimalForInput(decimal: string): string {
  return decimal.replace('.', separators().decimal);
}

/** A stored amount as the user would type it back into the amount field ("1250,50" in French). */
export function amountForInput(amountMinor: number, currency: string): string {
  return decimalForInput(fromMinor(amountMinor, currency));
}

/** The typed amount in minor units of `currency`, or null when it is not a positive amount with at most the currency's digits. */
export function amountToMinor(text: string, currency: string): number | null {
  const decimal = normaliseDecimal(text);
  if (!decimal) return null;
  try {
    const minor = toMinor(decimal, currency);
    return minor !== null && minor > 0 ? minor : null;
  } catch {
    return null;
  }
}

/** The typed rate as a decimal string the server accepts, or null. */
export function rateOf(text: string): string | null {
  const decimal = normaliseDecimal(text);
  return decimal && isValidRate(decimal) ? decimal : null;
}

/** The converted amount for the live preview, or null while the amount or the rate is incomplete. */
export function previewConversion(amountText: string, currency: string, rateText: string, budgetCurrency: string): number | null {
  const minor = amountToMinor(amountText, currency);
  const rate = currency === budgetCurrency ? '1' : rateOf(rateText);
  if (minor === null || rate === null) return null;
  try {
    return convertToBudget(minor, currency, rate, budgetCurrency);
  } catch {
    return null;
  }
}

/** "1 GHS = 58.25 XOF": the rate as entered, read the way it is defined (expense units per one budget unit). */
export function rateLabel(rate: string, budgetCurrency: string, currency: string): string {
  const [whole = '0', fraction = ''] = rate.split('.');
  const shown = formatNumber(Number(whole), { useGrouping: true }) + (fraction ? `${separators().decimal}${fraction}` : '');
  return `1 ${budgetCurrency} = ${shown} ${currency}`;
}
