import ExcelJS from 'exceljs';
import { STANDARD_CATEGORIES } from '@shared/domain/disaggregations.js';
import { TEMPLATE_LEVELS } from '@shared/domain/framework-templates.js';
import { LOP_PERIOD_KEY, type Target } from '@shared/schemas/index.js';
import type { FrameworkSnapshot } from './framework-snapshot.js';
import { LIST_VALUES, type ListName, MAX_ROWS_PER_SHEET, SHEET, SHEET_COLUMNS, type DataSheet } from './framework-template.js';
import { addInstructionsSheet } from './instructions-sheet.js';
import { addListValidation, columnLetter, styleHeader, type Writable, writeCell } from './xlsx-cells.js';

type Lists = Pick<FrameworkSnapshot, 'levels' | 'locations'> & { categories: { code: string; options: { code: string }[] }[] };

/** The blank template: the generic level names and the standard disaggregation categories as examples. */
export function blankWorkbook(): Promise<Buffer> {
  const lists: Lists = { levels: TEMPLATE_LEVELS.custom, locations: [], categories: STANDARD_CATEGORIES };
  return build(lists, { [SHEET.results]: [], [SHEET.indicators]: [], [SHEET.targets]: [] });
}

/** A project's framework in the template layout: importing it again changes nothing. */
export function frameworkWorkbook(s: FrameworkSnapshot): Promise<Buffer> {
  const codeOfNode = new Map(s.nodes.map((n) => [n.id, n.code]));
  const categoryById = new Map(s.categories.map((c) => [c.id, c]));
  const results = s.nodes.map((n) => [
    n.code, n.level, n.parentId ? codeOfNode.get(n.parentId)! : null, n.title, n.titles.fr ?? null, n.titles.es ?? null, n.titles.ar ?? null, n.description,
  ]);
  const indicators = s.indicators.map((i) => [
    codeOfNode.get(i.resultNodeId)!, i.code, i.name, i.names.fr ?? null, i.names.es ?? null, i.names.ar ?? null, i.definition, i.unit, i.type,
    i.direction, i.timeAggregation, i.locationAggregation, i.cumulative ? 'yes' : 'no', i.baselineValue, i.baselineDate, i.lopTarget,
    i.meansOfVerification, i.dataSource, i.collectionMethod, i.frequency, i.responsible,
    i.categoryIds.map((id) => categoryById.get(id)?.code ?? '').filter(Boolean).join(', '),
  ]);
  const pcode = new Map(s.locations.map((l) => [l.id, l.pcode]));
  const targets = s.indicators.flatMap((i) => {
    const categories = i.categoryIds.flatMap((id) => categoryById.get(id) ?? []);
    // Rank: the category's place on the indicator, then the option's place in its category (sex=female, sex=male, age=0-4…).
    const optionLabel = new Map(categories.flatMap((c, ci) => c.options.map((o, oi) => [o.id, { text: `${c.code}=${o.code}`, position: ci * 1000 + oi }] as const)));
    const periods = [...s.periodKeys(i.frequency), LOP_PERIOD_KEY];
    return sortTargets(s.targets.get(i.id) ?? [], periods, pcode, optionLabel).map((t) => [
      i.code, t.period, t.locationId ? (pcode.get(t.locationId) ?? null) : null, t.optionIds.map((o) => optionLabel.get(o)?.text ?? '').join('; '), t.value,
    ]);
  });
  return build(s, { [SHEET.results]: results, [SHEET.indicators]: indicators, [SHEET.targets]: targets });
}

/** Periods in time order (LOP last), then all locations before each place, then the total before its breakdowns. */
function sortTargets(targets: Target[], periods: string[], pcode: Map<string, string>, option: Map<string, { position: number }>) {
  const periodIndex = (p: string) => (periods.includes(p) ? periods.indexOf(p) : periods.length);
  const optionOrder = (t: Target) => t.optionIds.map((o) => String(option.get(o)?.position ?? 99_999).padStart(5, '0')).join('.');
  return [...targets].sort(
    (a, b) =>
      periodIndex(a.period) - periodIndex(b.period) ||
      a.period.localeCompare(b.period) ||
      (a.locationId ? (pcode.get(a.locationId) ?? '~') : '').localeCompare(b.locationId ? (pcode.get(b.locationId) ?? '~') : '') ||
      a.optionIds.length - b.optionIds.length ||
      optionOrder(a).localeCompare(optionOrder(b)),
  );
}

async function build(lists: Lists, rows: Record<DataSheet, Writable[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fieldbook';
  addInstructionsSheet(wb);
  const sources = listSources(lists);
  for (const sheet of [SHEET.results, SHEET.indicators, SHEET.targets] as const) {
    const ws = wb.addWorksheet(sheet);
    const columns = SHEET_COLUMNS[sheet];
    ws.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.text && { style: { numFmt: '@' } }) }));
    const header = ws.getRow(1);
    columns.forEach((c, i) => writeCell(header.getCell(i + 1), c.key));
    rows[sheet].forEach((values, r) => {
      const row = ws.getRow(r + 2);
      values.forEach((v, i) => writeCell(row.getCell(i + 1), v));
    });
    styleHeader(ws, 1, columns.length);
    columns.forEach((c, i) => {
      const source = c.list && sources.get(c.list);
      const letter = columnLetter(i + 1);
      // Level names in other languages are accepted too, so the level list only warns.
      if (source) addListValidation(ws, `${letter}2:${letter}${MAX_ROWS_PER_SHEET + 1}`, source, c.list !== 'level' && c.list !== 'location_pcode');
    });
  }
  addListsSheet(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The Lists sheet's columns, in order, with their values. */
function listColumns(lists: Lists): [ListName | 'location_name' | 'category_options', Writable[]][] {
  return [
    ['level', [...lists.levels.map((_, i) => i), ...lists.levels.map((l) => l.en)]],
    ...(Object.entries(LIST_VALUES) as [keyof typeof LIST_VALUES, readonly string[]][]).map(([k, v]): [ListName, Writable[]] => [k, [...v]]),
    ['location_pcode', lists.locations.map((l) => l.pcode)],
    ['location_name', lists.locations.map((l) => l.name)],
    ['category', lists.categories.map((c) => c.code)],
    ['category_options', lists.categories.map((c) => c.options.map((o) => o.code).join(', '))],
  ];
}

function listSources(lists: Lists): Map<ListName, string> {
  const out = new Map<ListName, string>();
  listColumns(lists).forEach(([name, values], i) => {
    const letter = columnLetter(i + 1);
    if (values.length) out.set(name as ListName, `${SHEET.lists}!$${letter}$2:$${letter}$${values.length + 1}`);
  });
  return out;
}

function addListsSheet(wb: ExcelJS.Workbook, lists: Lists) {
  const ws = wb.addWorksheet(SHEET.lists);
  const columns = listColumns(lists);
  ws.columns = columns.map(([name]) => ({ width: Math.max(14, name.length + 4) }));
  columns.forEach(([name, values], c) => {
    writeCell(ws.getRow(1).getCell(c + 1), name);
    values.forEach((v, r) => writeCell(ws.getRow(r + 2).getCell(c + 1), v));
  });
  styleHeader(ws, 1, columns.length);
}
