/**
 * Numbers as spreadsheets write them in English, French and Spanish locales: `1234.5`, `1,234.5`,
 * `1 234,5` (space, no-break space or narrow no-break space between thousands), `1.234,5`.
 * `decimal` is the decimal mark the file uses (a semicolon-separated CSV uses a comma);
 * 'auto' tries the point first, then the comma.
 */
export type DecimalMark = '.' | ',' | 'auto';

const SPACES = /[\s\u00a0\u202f]/g;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const POINT_THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const COMMA_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

function withMark(compact: string, mark: '.' | ','): number | null {
  let text = compact;
  if (mark === '.') {
    if (POINT_THOUSANDS.test(text)) text = text.replace(/,/g, '');
  } else {
    if (COMMA_THOUSANDS.test(text)) text = text.replace(/\./g, '');
    else if (text.includes('.')) return null; // "1.5" in a comma-decimal file is ambiguous: refuse it
    text = text.replace(',', '.');
  }
  if (!PLAIN.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** The number in a cell, null for an empty cell, or undefined when it is not a number. */
export function parseNumber(raw: string | number | null | undefined, decimal: DecimalMark): number | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const compact = raw.replace(SPACES, '');
  if (compact === '') return null;
  if (decimal !== 'auto') return withMark(compact, decimal) ?? undefined;
  return withMark(compact, '.') ?? withMark(compact, ',') ?? undefined;
}
