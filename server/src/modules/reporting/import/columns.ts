import type { DetailInput } from '../../../lib/errors.js';

/** The template's columns: machine-read ones keep stable English headers; the others are for people and ignored on import. */
export const VALUE_COLUMNS = [
  'indicator_code', 'indicator', 'result', 'location_pcode', 'location', 'disaggregation', 'disaggregation_codes',
  'value', 'numerator', 'denominator', 'text', 'comment',
] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];
export const READ_COLUMNS = ['indicator_code', 'location_pcode', 'disaggregation_codes', 'value', 'numerator', 'denominator', 'text', 'comment'] as const;
export type ReadColumn = (typeof READ_COLUMNS)[number];
/**
 * Stored fields a file may leave out. A column absent from the header leaves that field of every
 * listed cell as stored; a present column with an empty cell clears it. (`value` is required;
 * `location_pcode` and `disaggregation_codes` name the cell, so their absence means none.)
 */
export const OPTIONAL_FIELD_COLUMNS = ['numerator', 'denominator', 'text', 'comment'] as const;
export type OptionalFieldColumn = (typeof OPTIONAL_FIELD_COLUMNS)[number];
export const absentFieldColumns = (at: ReadonlyMap<ReadColumn, number>): OptionalFieldColumn[] => OPTIONAL_FIELD_COLUMNS.filter((c) => !at.has(c));

export const VALUES_SHEET = 'Values';
export const ABOUT_SHEET = 'about';
export const INSTRUCTIONS_SHEET = 'Instructions';

/** Bounds on what one import reads: an upload of at most 100 MB, and at most this many rows and reported problems. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 2_000_000;
export const MAX_PROBLEMS = 200;
/** An .xlsx may unpack to at most this much. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** One data row of the file: 1-based row number (the header is row 1) and the machine-read cells. */
export interface RawRow {
  row: number;
  cells: Partial<Record<ReadColumn, string | number | null>>;
}

export const normaliseHeader = (h: unknown): string => (typeof h === 'string' ? h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_') : '');

/** Where each machine-read column is (0-based), from the header cells; problems for duplicates and a missing indicator_code or value. */
export function locateColumns(header: unknown[], sheet: string): { at: Map<ReadColumn, number>; problems: DetailInput[] } {
  const at = new Map<ReadColumn, number>();
  const problems: DetailInput[] = [];
  header.forEach((h, i) => {
    const key = normaliseHeader(h) as ReadColumn;
    if (!(READ_COLUMNS as readonly string[]).includes(key)) return;
    if (at.has(key)) problems.push({ sheet, row: 1, column: key, reason: 'duplicate_column', params: { column: key } });
    else at.set(key, i);
  });
  for (const column of ['indicator_code', 'value'] as const) {
    if (!at.has(column)) problems.push({ sheet, row: 1, column, reason: 'missing_column', params: { column } });
  }
  return { at, problems };
}
