import type { Locale } from '@shared/locales.js';
import type { CellValue, ReportDocument, TableBlock, TableColumn } from './document.types.js';

/**
 * What the three renderers share: clean text, numbers in the report's language, page labels and
 * the list of untranslated passages. Kept free of any file format.
 */

// Characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, U+FFFE/U+FFFF, lone surrogates): Word refuses
// a document containing one, and a PDF font has no glyph for them, so they go before any format sees the text.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as typed, without characters no format can hold; CR LF and lone CR become a line feed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVALID_XML, '');
}

/** One line per line break the writer typed. */
export const textLines = (text: string): string[] => cleanText(text).split('\n');

// Arabic reports keep Latin digits: the Maghreb and Sahel write them so, and the figures then read the same as in
// the XLSX (which always stores plain numbers) and the IPTT screen.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-u-nu-latn' };

export interface NumberFormats {
  number(value: number): string;
  /** A value on the 0–100 scale: "85.3 %" with the language's decimal mark. */
  percent(value: number): string;
  /** `digits`: a fixed number of decimals (money columns). */
  cell(value: CellValue, kind: TableColumn['kind'], digits?: number): string;
}

export function numberFormats(language: Locale): NumberFormats {
  // Decimals only when the figure has some (up to 2: averages and rates), never padded with zeros.
  const plain = new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 1 });
  const percent = (v: number) => `${pct.format(v)}\u00a0%`;
  const number = (v: number) => plain.format(v);
  return {
    number,
    percent,
    cell(value, kind, digits) {
      if (value === null) return '';
      if (typeof value === 'string') return cleanText(value);
      if (!Number.isFinite(value)) return '';
      if (kind === 'number' && digits !== undefined) return new Intl.NumberFormat(INTL_LOCALE[language], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
      return kind === 'percent' ? percent(value) : number(value);
    },
  };
}

/** "Page {n} of {total}" cut around its placeholders, so each format can put its own page fields in. */
export function pageLabelParts(template: string): ({ text: string } | { field: 'n' | 'total' })[] {
  return template
    .split(/(\{n\}|\{total\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{n}' ? { field: 'n' as const } : part === '{total}' ? { field: 'total' as const } : { text: part }));
}

export const pageLabel = (template: string, n: number, total: number) =>
  template.replace(/\{n\}/g, String(n)).replace(/\{total\}/g, String(total));

/** The titles of the sections holding a passage left in its original language, for the closing note. */
export function untranslatedSections(doc: ReportDocument): string[] {
  return doc.sections.filter((s) => s.blocks.some((b) => b.type === 'paragraph' && b.style === 'untranslated')).map((s) => s.title);
}

/** The short marker before an untranslated passage: its language code, e.g. "[FR]". */
export const untranslatedMarker = (language: Locale | undefined) => (language ? `[${language.toUpperCase()}]` : '[?]');

/** A level row carries only its label: it is drawn as one cell across the table. */
export function isSpanningLevelRow(cells: CellValue[], emphasis: string | undefined): boolean {
  return emphasis === 'level' && cells.slice(1).every((c) => c === null || c === '');
}

/**
 * The group header row as cells covering every column: spans are trusted but cut or padded so the row is never
 * wider or narrower than the table (a table that does not line up is refused by Word).
 */
export function headerGroupCells(groups: { label: string; span: number }[], columnCount: number): { label: string; span: number }[] {
  const out: { label: string; span: number }[] = [];
  let used = 0;
  for (const g of groups) {
    const span = Math.min(Math.max(1, Math.floor(g.span)), columnCount - used);
    if (span <= 0) break;
    out.push({ label: cleanText(g.label), span });
    used += span;
  }
  if (used < columnCount) out.push({ label: '', span: columnCount - used });
  return out;
}

/** The column a row's pending mark follows: the widest text column (the indicator's name rather than its code). */
export function labelColumn(columns: TableColumn[]): number {
  let best = -1;
  columns.forEach((c, i) => {
    if (c.kind === 'text' && (best < 0 || (c.width ?? 1) > (columns[best]?.width ?? 1))) best = i;
  });
  return Math.max(best, 0);
}

/**
 * A table too wide for a page, cut into tables of at most `maxColumns` columns that each repeat the leading
 * columns (those under the first, unlabelled header group, or else the leading text columns): a monthly IPTT
 * becomes one table per few months, each with the indicators' names. Header groups are never cut in two.
 */
export function splitWideTable(table: TableBlock, maxColumns: number): TableBlock[] {
  const { columns, rows } = table;
  if (columns.length <= maxColumns) return [table];
  const groups = table.headerGroups ? headerGroupCells(table.headerGroups, columns.length) : columns.map(() => ({ label: '', span: 1 }));
  const first = groups[0];
  let keyCount = table.headerGroups && first && first.label === '' ? first.span : columns.findIndex((c) => c.kind !== 'text');
  if (keyCount < 0 || keyCount >= maxColumns) keyCount = 0;
  // The remaining groups, as [start, span], packed greedily into chunks.
  const rest: { start: number; span: number; label: string }[] = [];
  let at = 0;
  for (const g of groups) {
    if (at >= keyCount) rest.push({ start: at, span: g.span, label: g.label });
    else if (at + g.span > keyCount) rest.push({ start: keyCount, span: at + g.span - keyCount, label: g.label });
    at += g.span;
  }
  const chunks: (typeof rest)[] = [];
  for (const g of rest) {
    const last = chunks[chunks.length - 1];
    const width = last ? last.reduce((s, x) => s + x.span, 0) : Infinity;
    if (last && width + g.span + keyCount <= maxColumns) last.push(g);
    else chunks.push([g]);
  }
  const key = Array.from({ length: keyCount }, (_, i) => i);
  return chunks.map((chunk, n) => {
    const picked = [...key, ...chunk.flatMap((g) => Array.from({ length: g.span }, (_, i) => g.start + i))];
    return {
      ...table,
      caption: table.caption !== undefined && chunks.length > 1 ? `${table.caption} (${n + 1}/${chunks.length})` : table.caption,
      headerGroups: table.headerGroups ? [...(keyCount > 0 ? [{ label: '', span: keyCount }] : []), ...chunk.map((g) => ({ label: g.label, span: g.span }))] : undefined,
      columns: picked.map((i) => columns[i]!),
      rows: rows.map((r) => ({ ...r, cells: picked.map((i) => r.cells[i] ?? null) })),
    };
  });
}
