import ExcelJS from 'exceljs';
import type { DetailInput } from '../../lib/errors.js';
import { MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from '../framework-io/framework-template.js';
import { type Plain, readCell } from '../framework-io/xlsx-cells.js';
import { checkZip } from '../framework-io/zip-guard.js';

/**
 * The work-plan workbook: what the export writes and the import reads back. Headers are matched
 * by their label or key, without regard to case, spaces or punctuation ("Planned start",
 * "planned_start"); a problem names the column by its label.
 */
export interface WorkbookColumn {
  key: string;
  label: string;
  required?: boolean;
  width?: number;
}

export const ACTIVITY_COLUMNS = [
  { key: 'code', label: 'Code', required: true, width: 12 },
  { key: 'title', label: 'Title', required: true, width: 40 },
  { key: 'result_code', label: 'Result code', width: 12 },
  { key: 'planned_start', label: 'Planned start', required: true, width: 14 },
  { key: 'planned_end', label: 'Planned end', required: true, width: 14 },
  { key: 'responsible', label: 'Responsible', width: 24 },
  { key: 'team', label: 'Team', width: 20 },
  { key: 'organisation', label: 'Organisation', width: 28 },
  { key: 'location_pcode', label: 'Location P-code', width: 16 },
  { key: 'status', label: 'Status', width: 14 },
  { key: 'percent_complete', label: '% complete', width: 12 },
  { key: 'actual_start', label: 'Actual start', width: 14 },
  { key: 'actual_end', label: 'Actual end', width: 14 },
  { key: 'note', label: 'Note', width: 40 },
] as const satisfies readonly WorkbookColumn[];

export const MILESTONE_COLUMNS = [
  { key: 'activity_code', label: 'Activity code', required: true, width: 14 },
  { key: 'kind', label: 'Kind', required: true, width: 14 },
  { key: 'title', label: 'Title', required: true, width: 40 },
  { key: 'due', label: 'Due', required: true, width: 14 },
  { key: 'done', label: 'Done', width: 14 },
] as const satisfies readonly WorkbookColumn[];

export type ActivityKey = (typeof ACTIVITY_COLUMNS)[number]['key'];
export type MilestoneKey = (typeof MILESTONE_COLUMNS)[number]['key'];

/** At most this many data rows per sheet. */
export const MAX_WORK_PLAN_ROWS = 2_000;

export interface RawRow<K extends string> {
  row: number;
  cells: Partial<Record<K, Plain>>;
}

const normalise = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');

export const labelOf = (columns: readonly WorkbookColumn[], key: string) => columns.find((c) => c.key === key)?.label ?? key;

/** Size, zip and parse guards; the workbook, or the problems that stop reading it. */
export async function openWorkbook(base64: string): Promise<{ wb: ExcelJS.Workbook | null; problems: DetailInput[] }> {
  const buf = Buffer.from(base64, 'base64');
  const tooLarge = { reason: 'file_too_large', params: { maximum: MAX_FILE_BYTES / 1024 / 1024 } };
  if (buf.length === 0) return { wb: null, problems: [{ reason: 'empty_file' }] };
  if (buf.length > MAX_FILE_BYTES) return { wb: null, problems: [tooLarge] };
  const zip = checkZip(buf, MAX_UNPACKED_BYTES);
  if (zip === 'not_zip') return { wb: null, problems: [{ reason: 'unreadable_file', params: { format: 'XLSX' } }] };
  if (zip === 'too_large') return { wb: null, problems: [tooLarge] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return { wb: null, problems: [{ reason: 'unreadable_file', params: { format: 'XLSX' } }] };
  }
  return { wb, problems: [] };
}

/** The data rows of one sheet (header on row 1); every problem is listed, none stops the others. */
export function readSheet<K extends string>(
  wb: ExcelJS.Workbook,
  sheet: string,
  columns: readonly (WorkbookColumn & { key: K })[],
  problems: DetailInput[],
  optional = false,
): RawRow<K>[] {
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === sheet.toLowerCase());
  if (!ws) {
    if (!optional) problems.push({ sheet, reason: 'missing_sheet', params: { sheet } });
    return [];
  }
  if (ws.actualRowCount - 1 > MAX_WORK_PLAN_ROWS) {
    problems.push({ sheet, reason: 'too_many_rows', params: { maximum: MAX_WORK_PLAN_ROWS } });
    return [];
  }
  const byHeader = new Map<string, WorkbookColumn & { key: K }>();
  for (const c of columns) {
    byHeader.set(normalise(c.label), c);
    byHeader.set(c.key, c);
  }
  const at = new Map<K, number>();
  ws.getRow(1).eachCell((cell, colNumber) => {
    const read = readCell(cell.value);
    const column = read.ok && typeof read.value === 'string' ? byHeader.get(normalise(read.value)) : undefined;
    if (!column) return; // extra columns (notes, helpers) are ignored
    if (at.has(column.key)) problems.push({ sheet, row: 1, column: column.label, reason: 'duplicate_column', params: { column: column.label } });
    else at.set(column.key, colNumber);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.key));
  for (const c of missing) problems.push({ sheet, row: 1, column: c.label, reason: 'missing_column', params: { column: c.label } });
  if (missing.length) return [];

  const rows: RawRow<K>[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: RawRow<K>['cells'] = {};
    let filled = false;
    for (const c of columns) {
      const index = at.get(c.key);
      if (index === undefined) continue;
      const read = readCell(row.getCell(index).value);
      if (!read.ok) {
        problems.push({ sheet, row: rowNumber, column: c.label, reason: read.reason });
        cells[c.key] = null;
        filled = true;
        continue;
      }
      cells[c.key] = read.value;
      if (read.value !== null) filled = true;
    }
    if (filled) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

// ---- Typed cell readers: each returns the value, or pushes a problem and returns undefined ----

export type CellProblem = (column: string, reason: string, params?: Record<string, string | number>) => void;

/** Text as typed; the apostrophe the export puts before = + - @ is taken off again. */
export function textOf(v: Plain | undefined): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date cell or `YYYY-MM-DD` text; null when empty. */
export function dateOf(v: Plain | undefined, column: string, problem: CellProblem): string | null | undefined {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return problem(column, 'invalid_date'), undefined;
    return v.toISOString().slice(0, 10);
  }
  const s = String(v).trim();
  const m = ISO_DATE.exec(s);
  if (m) {
    const d = new Date(`${s}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s) return s;
  }
  problem(column, 'invalid_date');
  return undefined;
}

/** A whole number in [min, max]; `fallback` when empty. */
export function intOf(v: Plain | undefined, column: string, problem: CellProblem, min: number, max: number, fallback: number): number | undefined {
  if (v === null || v === undefined) return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace('%', '').trim()) : Number.NaN;
  if (!Number.isFinite(n)) return problem(column, 'not_a_number', { value: textOf(v) }), undefined;
  if (!Number.isInteger(n)) return problem(column, 'not_whole_number', { value: textOf(v) }), undefined;
  if (n < min) return problem(column, 'too_small', { minimum: min }), undefined;
  if (n > max) return problem(column, 'too_big', { maximum: max }), undefined;
  return n;
}

/** One of the allowed codes, also written as its words ("On track" for on_track). */
export function choiceOf<T extends string>(v: Plain | undefined, column: string, problem: CellProblem, allowed: readonly T[], fallback: T): T | undefined {
  if (v === null || v === undefined) return fallback;
  const key = normalise(textOf(v));
  const found = allowed.find((a) => a === key);
  if (!found) problem(column, 'not_in_list', { value: textOf(v), allowed: allowed.join(', ') });
  return found;
}
