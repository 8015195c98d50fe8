import type { DetailInput } from '../../../lib/errors.js';
import { checkZip } from '../../framework-io/zip-guard.js';
import { MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, type OptionalFieldColumn, type ReadColumn, VALUES_SHEET, absentFieldColumns, locateColumns } from './columns.js';
import { openCsv } from './csv-reader.js';
import { type ImportSource, chunksOf, headOf, sizeOf, wholeFile } from './import-source.js';
import type { DecimalMark } from './numbers.js';
import type { FileCell } from './row-parser.js';
import { isZip, sniffEncoding } from './sniff.js';
import { readXlsx } from './xlsx-reader.js';

export type FileEvent =
  /** The header was read: its problems, and the optional field columns it does not have (distinct from columns present with empty cells). */
  | { kind: 'columns'; sheet: string | undefined; problems: DetailInput[]; absent: OptionalFieldColumn[] }
  | { kind: 'row'; row: number; get: (column: ReadColumn) => FileCell }
  | { kind: 'about'; submissionId: string | null };

export interface OpenedFile {
  format: 'xlsx' | 'csv';
  decimal: DecimalMark;
  events: AsyncGenerator<FileEvent>;
}

/** Opens an XLSX (zip signature) or CSV file as a stream of rows with their machine-read columns located by header. */
export async function openFile(source: ImportSource): Promise<OpenedFile | DetailInput> {
  const size = await sizeOf(source);
  if (size === 0) return { reason: 'empty_file' };
  if (size > MAX_UPLOAD_BYTES) return { reason: 'file_too_large', params: { maximum: MAX_UPLOAD_BYTES / 1024 / 1024 } };
  if (isZip(await headOf(source))) {
    const buffer = await wholeFile(source);
    const zip = checkZip(buffer, MAX_UNPACKED_BYTES);
    if (zip === 'not_zip') return { reason: 'unreadable_file', params: { format: 'XLSX' } };
    if (zip === 'too_large') return { reason: 'file_too_large', params: { maximum: MAX_UPLOAD_BYTES / 1024 / 1024 } };
    return { format: 'xlsx', decimal: 'auto', events: xlsxEvents(buffer) };
  }
  const encoding = await sniffEncoding(chunksOf(source) as AsyncIterable<Uint8Array>);
  const table = await openCsv(chunksOf(source) as AsyncIterable<Uint8Array>, encoding);
  if (!table) return { reason: 'empty_file' };
  return { format: 'csv', decimal: table.decimal, events: csvEvents(table) };
}

async function* csvEvents(table: NonNullable<Awaited<ReturnType<typeof openCsv>>>): AsyncGenerator<FileEvent> {
  const { at, problems } = locateColumns(table.header, VALUES_SHEET);
  yield { kind: 'columns', sheet: undefined, problems: problems.map(({ sheet: _sheet, ...p }) => p), absent: absentFieldColumns(at) };
  if (problems.length) return;
  let fields: string[] = [];
  const get = (column: ReadColumn): FileCell => {
    const i = at.get(column);
    const v = i === undefined ? undefined : fields[i];
    return v === undefined || v.trim() === '' ? null : v;
  };
  try {
    for await (const record of table.records) {
      fields = record.fields;
      yield { kind: 'row', row: record.row, get };
    }
  } catch {
    // A quote left open or a record beyond csv-parse's size bound.
    yield { kind: 'columns', sheet: undefined, problems: [{ reason: 'unreadable_file', params: { format: 'CSV' } }], absent: [] };
  }
}

async function* xlsxEvents(buffer: Buffer): AsyncGenerator<FileEvent> {
  let at = new Map<ReadColumn, number>();
  let cells: ({ ok: true; value: string | number | null } | { ok: false; reason: string })[] = [];
  const get = (column: ReadColumn): FileCell => {
    const i = at.get(column);
    const c = i === undefined ? undefined : cells[i];
    if (c === undefined) return null;
    return c.ok ? c.value : { unreadable: c.reason };
  };
  let columnsOk = false;
  try {
    for await (const e of readXlsx(buffer)) {
      if (e.kind === 'about') yield e;
      else if (e.kind === 'header') {
        const located = locateColumns(e.cells, e.sheet);
        at = located.at;
        columnsOk = located.problems.length === 0;
        yield { kind: 'columns', sheet: e.sheet, problems: located.problems, absent: absentFieldColumns(at) };
      } else if (columnsOk) {
        cells = e.cells;
        yield { kind: 'row', row: e.row, get };
      }
    }
  } catch {
    yield { kind: 'columns', sheet: undefined, problems: [{ reason: 'unreadable_file', params: { format: 'XLSX' } }], absent: [] };
  }
}
