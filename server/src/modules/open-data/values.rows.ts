import type { Locale } from '@shared/locales.js';
import { combinations, optionIdsOf } from '@shared/domain/disaggregations.js';
import type { Database } from '../../db/database.js';
import { translated } from '../analytics/pivot.members.js';
import { attributeColumnOf, type AttributeColumn, type HxlOption, peopleAttributes } from './hxl.js';
import { OPEN_DATA_TEXTS } from './open-data.labels.js';
import { type ColumnSpec, sheetLabels, type SheetLabels, toCells, type ValueRecord, type ValueRow, valuesColumns } from './values.columns.js';
import { PlaceBook } from './places.js';
import * as repo from './values.repository.js';

/** What to export, once access has been decided (values.service.ts). */
export interface ValuesPlan {
  projectId: string;
  locale: Locale;
  /** Only this organisation's packages; null = every organisation's. */
  organisationId: string | null;
  /** Pending (submitted, not yet approved) packages too, marked in the status column. */
  includePending: boolean;
  from: string | null;
  to: string | null;
}

export interface ValuesExport {
  columns: ColumnSpec[];
  labels: SheetLabels;
  projectCode: string;
  /** How many rows `rows()` will give (for progress). */
  count(): Promise<number>;
  /** The rows, read page by page: memory holds one page and the labels seen so far, never the whole file. */
  rows(): AsyncGenerator<ValueRow>;
}

const PAGE = 5000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface IndicatorInfo {
  code: string;
  name: string;
  unit: string;
  type: string;
}
interface OptionInfo extends HxlOption {
  categoryId: string;
  label: string;
}

/** The rows of the values export and its columns; reads the labels it needs once, then values page by page. */
export async function prepareValuesExport(db: Database, plan: ValuesPlan): Promise<ValuesExport> {
  const t = OPEN_DATA_TEXTS[plan.locale];
  const [project, sectors, indicatorRows] = await Promise.all([repo.projectOf(db, plan.projectId), repo.sectorsOf(db, plan.projectId), repo.indicatorsOf(db, plan.projectId)]);
  if (!project) throw new Error(`Project ${plan.projectId} is gone`);
  const indicators = new Map<string, IndicatorInfo>(
    indicatorRows.map((i) => [i.id, { code: i.code, name: translated(i.names_json, plan.locale, i.name), unit: i.unit, type: i.type }]),
  );
  const order = [...indicatorRows].sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }) || a.id.localeCompare(b.id)).map((i) => i.id);
  const categories = await repo.categoriesOfIndicators(db, order);
  const options = new Map<string, OptionInfo>(
    (await repo.optionsOfCategories(db, [...new Set(categories.map((c) => c.category_id))])).map((o) => [
      o.id,
      { categoryId: o.category_id, kind: o.kind, code: o.code, minAge: o.min_age === null ? null : Number(o.min_age), maxAge: o.max_age === null ? null : Number(o.max_age), label: translated(o.labels_json, plan.locale, o.label) },
    ]),
  );
  const attributeColumns = possibleAttributeColumns(categories, options);
  const columns = valuesColumns(plan.locale, attributeColumns);

  const packages = await repo.packagesOf(db, {
    projectId: plan.projectId,
    statuses: plan.includePending ? ['approved', 'submitted'] : ['approved'],
    organisationId: plan.organisationId,
    // Whole months, as the IPTT and pivots count: periods starting in or after `from`'s month and ending by the end of `to`'s.
    from: plan.from ? `${plan.from.slice(0, 7)}-01` : null,
    to: plan.to ? `${plan.to.slice(0, 7)}-31` : null,
  });
  const places = new PlaceBook(db, plan.locale);
  const sectorCodes = sectors.map((s) => s.sector_code).join('; ');

  async function* rows(): AsyncGenerator<ValueRow> {
    for (const p of packages) {
      const present = new Set(await repo.indicatorIdsOfPackage(db, p.id));
      for (const indicatorId of order) {
        if (!present.has(indicatorId)) continue;
        const indicator = indicators.get(indicatorId)!;
        let cursor: repo.ValueCursor | null = null;
        for (;;) {
          const page = await repo.valuePage(db, p.id, indicatorId, cursor, PAGE);
          await places.load(page.flatMap((v) => (v.location_id ? [v.location_id] : [])));
          for (const v of page) {
            const combination = optionIdsOf(v.disaggregation_key).map((id) => options.get(id));
            const known = combination.every((o) => o !== undefined);
            const attrs = known ? peopleAttributes(combination as OptionInfo[]) : null;
            const column = attrs ? attributeColumnOf(attrs) : null;
            const where = places.describe(v.location_id);
            const record: ValueRecord = {
              projectCode: project!.code,
              projectTitle: project!.title,
              sectors: sectorCodes,
              organisation: p.organisation_name,
              organisationAcronym: p.acronym ?? '',
              organisationCode: p.iati_identifier ?? '',
              ...where,
              period: p.period_key,
              periodStart: p.period_start,
              periodEnd: p.period_end,
              indicatorCode: indicator.code,
              indicatorName: indicator.name,
              unit: indicator.unit,
              type: indicator.type,
              disaggregation: known ? combination.map((o) => o!.label).join(', ') : v.disaggregation_key,
              valueColumn: column && attributeColumns.has(column) ? column : 'value',
              ...figure(indicator.type, v),
              status: p.status === 'approved' ? t.approved : t.pending,
              comment: v.comment,
            };
            yield toCells(columns, record);
          }
          if (page.length < PAGE) break;
          // SQLite reads synchronously: between pages, let the server answer other requests.
          await yieldToEventLoop();
          const last = page.at(-1)!;
          cursor = { place: last.place_key, key: last.disaggregation_key };
        }
      }
    }
  }

  return {
    columns,
    labels: sheetLabels(plan.locale, columns),
    projectCode: project.code,
    count: () => repo.countValues(db, packages.map((p) => p.id)),
    rows,
  };
}

const num = (x: number | string | null): number | null => (x === null ? null : Number(x));

/** The figure as the facts count it: a percentage is 100 × numerator ÷ denominator, never the stored value alone. */
function figure(type: string, v: repo.ValuePageRow) {
  const numerator = num(v.numerator);
  const denominator = num(v.denominator);
  if (type === 'percentage' && numerator !== null && denominator !== null) {
    return { value: denominator === 0 ? null : (100 * numerator) / denominator, numerator, denominator };
  }
  return { value: num(v.value), numerator, denominator };
}

/**
 * The attribute value columns some value of these indicators could fill: every full combination
 * of each indicator's categories that maps cleanly. Fixed before the first row is written; a value
 * outside them (a partial combination) goes in the plain value column, its label beside it.
 */
function possibleAttributeColumns(categories: { indicator_id: string; category_id: string }[], options: Map<string, OptionInfo>): Set<AttributeColumn> {
  const optionsOf = new Map<string, { id: string }[]>();
  for (const [id, o] of options) optionsOf.set(o.categoryId, [...(optionsOf.get(o.categoryId) ?? []), { id }]);
  const categoriesOf = new Map<string, { id: string; options: { id: string }[] }[]>();
  for (const c of categories) {
    categoriesOf.set(c.indicator_id, [...(categoriesOf.get(c.indicator_id) ?? []), { id: c.category_id, options: optionsOf.get(c.category_id) ?? [] }]);
  }
  const out = new Set<AttributeColumn>();
  for (const list of categoriesOf.values()) {
    for (const combination of combinations(list)) {
      const attrs = peopleAttributes(combination.map((id) => options.get(id)!));
      const column = attrs && attributeColumnOf(attrs);
      if (column) out.add(column);
    }
  }
  return out;
}
