import { formatNumber } from '../../../lib/format.js';

/** The current language's decimal and group separators, read from how it writes 11111.5 ("11,111.5", "11 111,5"…). */
export function separators(): { decimal: string; group: string } {
  const sample = formatNumber(11111.5, { minimumFractionDigits: 1, useGrouping: true });
  const m = /^11(\D*)111(\D)5$/u.exec(sample.replace(/[\u200e\u200f\u061c]/g, ''));
  return { group: m?.[1] ?? ',', decimal: m?.[2] ?? '.' };
}

/**
 * A number typed in the user's way: "2 350,5" in French, "2,350.5" in English. Spaces of any kind
 * and the group separator are dropped; where the language writes "," for decimals and does not group
 * with ".", a "." is read as the decimal point too, because figures are often pasted from spreadsheets. A trailing % is allowed
 * (percentage indicators). Empty text is null; anything else that is not a number is NaN.
 */
export function parseLocaleNumber(text: string): number | null {
  const { decimal, group } = separators();
  let s = text.trim().replace(/%$/, '').trim();
  if (s === '') return null;
  s = s.replace(/[\s\u00a0\u202f]/g, '');
  if (group.trim() !== '' && group !== decimal) s = s.split(group).join('');
  if (decimal !== '.') s = s.replace(decimal, '.');
  s = s.replace(/^\u2212/, '-');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return Number.NaN;
  return Number(s);
}

/** A figure as shown in a cell at rest: grouped, up to four decimals. */
export const formatCell = (n: number) => formatNumber(n, { maximumFractionDigits: 4 });
