import { PERIOD_TYPES } from '@shared/domain/periods.js';
import { DIRECTIONS, INDICATOR_TYPES, LOCATION_AGGREGATIONS, TIME_AGGREGATIONS } from '@shared/schemas/index.js';

/**
 * The framework workbook template: sheet and column names are English codes so that a file works
 * whatever the reader's language. The Instructions sheet and docs/framework-template.md describe
 * these same columns (a unit test checks the document names every one of them).
 */
export const SHEET = { instructions: 'Instructions', results: 'Results', indicators: 'Indicators', targets: 'Targets', lists: 'Lists' } as const;
export type DataSheet = typeof SHEET.results | typeof SHEET.indicators | typeof SHEET.targets;

/** Dropdown lists kept on the Lists sheet, one column each. */
export const LIST_VALUES = {
  type: INDICATOR_TYPES,
  direction: DIRECTIONS,
  time_aggregation: TIME_AGGREGATIONS,
  location_aggregation: LOCATION_AGGREGATIONS,
  frequency: PERIOD_TYPES,
  cumulative: ['yes', 'no'],
} as const;
export type ListName = keyof typeof LIST_VALUES | 'level' | 'location_pcode' | 'category';

export interface TemplateColumn {
  key: string;
  required: boolean;
  /** Kept as text in Excel (codes such as 1.10 or 2026-03 would otherwise turn into numbers or dates). */
  text?: boolean;
  /** A dropdown from the Lists sheet. */
  list?: ListName;
  width: number;
  description: string;
  example: string;
}

const col = (key: string, width: number, description: string, example: string, extra: Partial<TemplateColumn> = {}): TemplateColumn => ({
  key, width, description, example, required: false, ...extra,
});

export const RESULTS_COLUMNS: TemplateColumn[] = [
  col('code', 12, 'Unique code of the result in this framework (at most 20 characters). Rows are matched to existing results by this code.', '1.1', { required: true, text: true }),
  col('level', 10, 'Level in the tree: 0 (goal or impact) to 3 (activity), or the level name in any language, e.g. Outcome.', '1', { required: true, list: 'level' }),
  col('parent_code', 12, 'Code of the result this one sits under, which must be exactly one level up. Empty for a result at the top.', '1', { text: true }),
  col('title', 60, 'Title of the result (at most 1,000 characters).', 'Children withdrawn from mine sites are in school', { required: true }),
  col('title_fr', 40, 'Title in French.', 'Les enfants retirés des sites miniers sont scolarisés'),
  col('title_es', 40, 'Title in Spanish.', 'Los niños retirados de las minas están escolarizados'),
  col('title_ar', 40, 'Title in Arabic.', 'الأطفال المسحوبون من مواقع التعدين ملتحقون بالمدارس'),
  col('description', 50, 'Longer description (at most 10,000 characters).', ''),
];

export const INDICATOR_COLUMNS: TemplateColumn[] = [
  col('result_code', 12, 'Code of the result (Results sheet) the indicator measures.', '1.1', { required: true, text: true }),
  col('code', 12, 'Unique code of the indicator in this framework (at most 40 characters). Rows are matched to existing indicators by this code.', 'OC1.1', { required: true, text: true }),
  col('name', 50, 'Name of the indicator (at most 500 characters).', 'Number of children withdrawn from mine sites and enrolled in school', { required: true }),
  col('name_fr', 40, 'Name in French.', ''),
  col('name_es', 40, 'Name in Spanish.', ''),
  col('name_ar', 40, 'Name in Arabic.', ''),
  col('definition', 50, 'What is counted and how, precisely enough that two people would count the same.', 'Children aged 5–17 found working at a site and enrolled in a school term.'),
  col('unit', 12, 'Unit of measure.', 'children'),
  col('type', 14, 'number, percentage (from a numerator and a denominator; baseline and targets are written 0–100), currency, yes_no (1 = yes, 0 = no) or qualitative.', 'number', { required: true, list: 'type' }),
  col('direction', 12, 'increase or decrease: which way is better. Empty = increase.', 'increase', { list: 'direction' }),
  col('time_aggregation', 16, 'How values add up over time: sum, latest, max or average. Empty = sum.', 'sum', { list: 'time_aggregation' }),
  col('location_aggregation', 18, 'How values add up across places: sum, max, average or none. Empty = sum.', 'sum', { list: 'location_aggregation' }),
  col('cumulative', 11, 'yes when each period value includes everything achieved before it (a running total); no or empty otherwise.', 'no', { list: 'cumulative' }),
  col('baseline_value', 14, 'Baseline value (a number), or empty.', '0'),
  col('baseline_date', 14, 'Baseline date as YYYY-MM-DD (or an Excel date), or empty.', '2025-01-15', { text: true }),
  col('lop_target', 12, 'Life-of-project target: its own number, not the sum of the period targets. Empty when not set.', '1200'),
  col('means_of_verification', 30, 'The documents that prove the value.', 'School registers, attendance lists'),
  col('data_source', 24, 'Where the data comes from.', 'Partner monitoring database'),
  col('collection_method', 24, 'How the data is collected.', 'Monthly site visits'),
  col('frequency', 12, 'How often values are collected, and so which periods the targets use: month, quarter, semester, year or lop. Empty = quarter.', 'quarter', { list: 'frequency' }),
  col('responsible', 20, 'The person or role who collects and reports it.', 'M&E officer, Kolwezi'),
  col('disaggregations', 22, 'Codes of the organisation\u2019s disaggregation categories, separated by commas, in order (at most 4).', 'sex, age'),
];

export const TARGET_COLUMNS: TemplateColumn[] = [
  col('indicator_code', 14, 'Code of an indicator on the Indicators sheet.', 'OC1.1', { required: true, text: true }),
  col('period', 12, 'A period of the indicator\u2019s frequency over the project\u2019s dates (2026-03, 2026-Q1, 2026-H1, 2026; with a fiscal year that does not start in January: FY2026-Q1, FY2026-H1, FY2026) or LOP to break the life-of-project target down.', '2026-Q1', { required: true, text: true }),
  col('location_pcode', 16, 'P-code of one of the project\u2019s locations; empty = all locations together.', '', { text: true, list: 'location_pcode' }),
  col('disaggregation', 28, 'Empty for the total, or category=option pairs (codes) separated by semicolons, at most one option per category of the indicator.', 'sex=female; age=12-17', { text: true }),
  col('value', 10, 'The target (a number).', '300', { required: true }),
];

export const SHEET_COLUMNS: Record<DataSheet, TemplateColumn[]> = {
  [SHEET.results]: RESULTS_COLUMNS,
  [SHEET.indicators]: INDICATOR_COLUMNS,
  [SHEET.targets]: TARGET_COLUMNS,
};

/** More rows than this in one sheet is refused: a framework is a few hundred rows, not a data set. */
export const MAX_ROWS_PER_SHEET = 5_000;
/** The decoded file; the route's body limit (base64 is a third larger) is set to match. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** What the file may unpack to: a guard against compressed bombs before ExcelJS reads it. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
