import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readCell } from '../../framework-io/xlsx-cells.js';
import { bufferChunks } from './import-source.js';
import { ABOUT_SHEET, INSTRUCTIONS_SHEET, VALUES_SHEET } from './columns.js';

export type XlsxEvent =
  | { kind: 'header'; sheet: string; cells: unknown[] }
  | { kind: 'row'; sheet: string; row: number; cells: ({ ok: true; value: string | number | null } | { ok: false; reason: string })[] }
  | { kind: 'about'; submissionId: string | null };

/** A cell as the import reads it: text, a number, empty, or why it cannot be read (a formula without a value, #N/A, a date). */
function cellOf(value: ExcelJS.CellValue | undefined): { ok: true; value: string | number | null } | { ok: false; reason: string } {
  const read = readCell(value);
  if (!read.ok) return read;
  const v = read.value;
  if (v === null || typeof v === 'string' || typeof v === 'number') return { ok: true, value: v };
  if (typeof v === 'boolean') return { ok: true, value: v ? 1 : 0 };
  return { ok: true, value: v.toISOString().slice(0, 10) };
}

/**
 * Reads the workbook with ExcelJS's streaming reader (rows are never all in memory): the
 * "Values" sheet (or, without one, the first sheet that is not the instructions) and the hidden
 * "about" sheet naming the package the template was made for.
 */
export async function* readXlsx(buffer: Buffer): AsyncGenerator<XlsxEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bufferChunks(buffer)), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let valuesRead = false;
  for await (const ws of reader) {
    const name = ((ws as unknown as { name?: string }).name ?? '').trim();
    const lower = name.toLowerCase();
    if (lower === ABOUT_SHEET) {
      let id: string | null = null;
      for await (const row of ws) {
        const cells = row.values as ExcelJS.CellValue[];
        const label = cellOf(cells[1]);
        const value = cellOf(cells[2]);
        if (label.ok && label.value === 'submission_id' && value.ok && typeof value.value === 'string') id = value.value;
      }
      yield { kind: 'about', submissionId: id };
      continue;
    }
    const isValues = lower === VALUES_SHEET.toLowerCase() || (!valuesRead && lower !== INSTRUCTIONS_SHEET.toLowerCase());
    if (!isValues || valuesRead) {
      for await (const _row of ws) void _row; // drain it: the reader moves on only when a sheet is consumed
      continue;
    }
    valuesRead = true;
    let headerSeen = false;
    for await (const row of ws) {
      const values = row.values as ExcelJS.CellValue[];
      if (!headerSeen) {
        if (row.number !== 1) yield { kind: 'header', sheet: name, cells: [] };
        else {
          headerSeen = true;
          yield { kind: 'header', sheet: name, cells: values.slice(1).map((v) => { const c = cellOf(v); return c.ok ? c.value : null; }) };
          continue;
        }
        headerSeen = true;
      }
      const cells = [];
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      yield { kind: 'row', sheet: name, row: row.number, cells };
    }
    if (!headerSeen) yield { kind: 'header', sheet: name, cells: [] };
  }
}

