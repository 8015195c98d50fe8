import type { Cell, CellValue, DataValidation, Worksheet } from 'exceljs';

/** What a cell holds once read: formulas give their cached result, rich text and links their text. */
export type Plain = string | number | boolean | Date | null;
export type ReadCell = { ok: true; value: Plain } | { ok: false; reason: 'formula_without_value' | 'cell_error' };

export function readCell(value: CellValue | undefined): ReadCell {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'string') return { ok: true, value: value.trim() === '' ? null : value.trim() };
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return { ok: true, value };
  if ('richText' in value) return readCell(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return { ok: false, reason: 'cell_error' };
  // A formula typed by the user counts for the value Excel last computed; a file written without one cannot be trusted.
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date))) {
      return { ok: false, reason: result !== null && typeof result === 'object' && 'error' in result ? 'cell_error' : 'formula_without_value' };
    }
    return readCell(result as CellValue);
  }
  if ('text' in value) return readCell(String(value.text));
  return { ok: true, value: null };
}

/** A value to write: text always goes in as a plain string cell, so "=HYPERLINK(…)" stays text and never becomes a formula. */
export type Writable = string | number | Date | null;

export function writeCell(cell: Cell, value: Writable) {
  // ExcelJS only writes a formula for a { formula } object; a string is always a string cell.
  cell.value = value === null || value === '' ? null : value;
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } } as const;

/** A bold white-on-blue header row, frozen, with an autofilter over the columns. */
export function styleHeader(ws: Worksheet, headerRow: number, columnCount: number, rightToLeft = false) {
  const row = ws.getRow(headerRow);
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= columnCount; c++) row.getCell(c).fill = HEADER_FILL;
  row.height = 30;
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, rightToLeft }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columnCount } };
}

/** A dropdown over a column range; "warning" lets a value outside the list through (a level name in another language). */
export function addListValidation(ws: Worksheet, range: string, source: string, strict: boolean) {
  const validation: DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [source],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: 'Not in the list',
    error: 'Pick a value from the list (see the Lists sheet).',
  };
  // ExcelJS supports whole ranges here but its typings do not declare the property.
  (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations.add(range, validation);
}

/** Excel column letters for a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
