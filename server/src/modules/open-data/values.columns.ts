import type { Locale } from '@shared/locales.js';
import { ATTRIBUTE_COLUMNS, type AttributeColumn } from './hxl.js';
import { OPEN_DATA_TEXTS, type ValuesField } from './open-data.labels.js';

/**
 * The columns of the values export (HXL CSV, CSV and XLSX alike), one row per reported value.
 * A value goes in exactly one value column: the plain `#indicator+value+num` for the total and for
 * combinations that do not map cleanly to HXL people attributes, else the column with its
 * attributes (`#indicator+value+num+f+children`…). The combination's label is always in
 * `#meta+disaggregation` (empty for the total). See docs/open-data.md.
 */
export type Cell = string | number | null;
/** One row of the file, cells in column order. */
export type ValueRow = readonly Cell[];

export interface ColumnSpec {
  key: ValuesField | AttributeColumn;
  heading: string;
  hashtag: string;
}

/** The file's two header rows and its sheet name, in the reader's language. */
export interface SheetLabels {
  sheet: string;
  headings: string[];
  hashtags: string[];
}

const HASHTAGS: Record<ValuesField, string> = {
  projectCode: '#activity+code',
  projectTitle: '#activity+name',
  sectors: '#sector+code',
  organisation: '#org+name',
  organisationAcronym: '#org+acronym',
  organisationCode: '#org+code',
  country: '#country+name',
  countryCode: '#country+code',
  adm1: '#adm1+name',
  adm1Code: '#adm1+code',
  adm2: '#adm2+name',
  adm2Code: '#adm2+code',
  place: '#loc+name',
  placeCode: '#loc+code',
  // Not #date: a period key (2025-Q1) is not a date, and HXL validators expect one under #date.
  period: '#meta+period',
  periodStart: '#date+start',
  periodEnd: '#date+end',
  indicatorCode: '#indicator+code',
  indicatorName: '#indicator+name',
  unit: '#indicator+unit',
  type: '#indicator+type',
  disaggregation: '#meta+disaggregation',
  value: '#indicator+value+num',
  numerator: '#indicator+numerator+num',
  denominator: '#indicator+denominator+num',
  status: '#meta+status',
  comment: '#meta+comment',
};

const BEFORE_VALUES: ValuesField[] = [
  'projectCode', 'projectTitle', 'sectors', 'organisation', 'organisationAcronym', 'organisationCode', 'country', 'countryCode',
  'adm1', 'adm1Code', 'adm2', 'adm2Code', 'place', 'placeCode', 'period', 'periodStart', 'periodEnd',
  'indicatorCode', 'indicatorName', 'unit', 'type', 'disaggregation', 'value',
];
const AFTER_VALUES: ValuesField[] = ['numerator', 'denominator', 'status', 'comment'];

/** The columns, with the attribute value columns the project's indicators can fill (in a fixed order). */
export function valuesColumns(locale: Locale, attributeColumns: ReadonlySet<AttributeColumn>): ColumnSpec[] {
  const t = OPEN_DATA_TEXTS[locale];
  const plain = (key: ValuesField): ColumnSpec => ({ key, heading: t.values[key], hashtag: HASHTAGS[key] });
  return [
    ...BEFORE_VALUES.map(plain),
    ...ATTRIBUTE_COLUMNS.filter((a) => attributeColumns.has(a)).map((a) => ({ key: a, heading: t.attributeValues[a], hashtag: `${HASHTAGS.value}+${a}` })),
    ...AFTER_VALUES.map(plain),
  ];
}

export const sheetLabels = (locale: Locale, columns: ColumnSpec[]): SheetLabels => ({
  sheet: OPEN_DATA_TEXTS[locale].sheet,
  headings: columns.map((c) => c.heading),
  hashtags: columns.map((c) => c.hashtag),
});

/** One value as the export describes it; `valueColumn` says which value column holds `value`. */
export type ValueRecord = { [K in Exclude<ValuesField, 'value' | 'numerator' | 'denominator'>]: string } & {
  valueColumn: 'value' | AttributeColumn;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

/** The record's cells in column order (a value column other than its own stays empty). */
export function toCells(columns: readonly ColumnSpec[], r: ValueRecord): Cell[] {
  return columns.map(({ key }) => {
    if (key === 'value' || (ATTRIBUTE_COLUMNS as readonly string[]).includes(key)) return r.valueColumn === key ? r.value : null;
    const v = r[key as keyof ValueRecord];
    return v === '' ? null : v;
  });
}
