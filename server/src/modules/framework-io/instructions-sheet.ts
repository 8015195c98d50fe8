import type { Workbook } from 'exceljs';
import { MAX_ROWS_PER_SHEET, SHEET, SHEET_COLUMNS } from './framework-template.js';
import { writeCell } from './xlsx-cells.js';

/** How to fill the workbook, in English like the sheet and column codes (docs/framework-template.md says the same). */
const INTRO = [
  'This workbook holds a project\u2019s results framework: its results (Results), their indicators (Indicators) and the indicators\u2019 targets (Targets). The Lists sheet gives the allowed values behind the dropdowns.',
  'The file is the whole framework. On import, results and indicators are matched by code: existing ones are updated (their history and reported values stay), new codes are added, and results and indicators whose code is not in the file are deleted. The targets of every indicator in the file are replaced by the rows of the Targets sheet.',
  'The whole file is checked first. If anything is wrong, nothing is imported and every problem is listed with its sheet, row and column. Use "Check only" to see the problems and what would change without changing anything.',
  'Keep the sheet names and the header row (row 1) as they are; the order of the columns does not matter and extra columns are ignored. A column left out keeps what is stored for existing rows. Empty rows are skipped.',
  `Each sheet may hold at most ${MAX_ROWS_PER_SHEET.toLocaleString('en')} rows. Formulas are read as the value Excel last computed. Codes and periods are kept as text, so 1.10 stays 1.10.`,
];

export function addInstructionsSheet(wb: Workbook) {
  const ws = wb.addWorksheet(SHEET.instructions);
  ws.columns = [{ width: 24 }, { width: 10 }, { width: 90 }, { width: 30 }];
  let row = 1;
  const line = (values: (string | null)[], bold = false, size?: number) => {
    const r = ws.getRow(row++);
    values.forEach((v, i) => writeCell(r.getCell(i + 1), v));
    if (bold || size) r.font = { bold, ...(size && { size }) };
    r.alignment = { wrapText: true, vertical: 'top' };
  };
  line(['Fieldbook results framework workbook'], true, 14);
  row++;
  for (const text of INTRO) {
    const r = ws.getRow(row++);
    ws.mergeCells(r.number, 1, r.number, 4);
    writeCell(r.getCell(1), text);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 45;
  }
  for (const sheet of [SHEET.results, SHEET.indicators, SHEET.targets] as const) {
    row++;
    line([`Sheet ${sheet}`], true, 12);
    line(['column', 'required', 'what to write', 'example'], true);
    for (const c of SHEET_COLUMNS[sheet]) line([c.key, c.required ? 'yes' : '', c.description, c.example || null]);
  }
}
