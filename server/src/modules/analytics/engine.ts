import type { Database } from '../../db/database.js';
import { type Buckets, bucketOfMonth, bucketsOf } from './engine.buckets.js';
import { placesUnder, scopeClasses, type SourceCells, sourceCells } from './engine.inputs.js';
import { cellsToRead, isPlainSum, type PlannedIndicator, planQueries } from './engine.plan.js';
import { runningRows, toEngineRows } from './engine.rows.js';
import { type FactFilter, type FactGrouping, runFactQuery } from './engine.sql.js';
import type { EngineQuery, EngineRow } from './engine.types.js';
import { monthIndexOf } from './facts.js';
import { keyNumbers, keysOfNumbers } from './keys.repository.js';

/**
 * The one aggregation engine (contract and rules: engine.types.ts). It turns the question's ids into
 * the fact table's integer keys, plans one SQL statement per kind of rule (engine.plan.ts), lets the
 * database do the grouping (engine.sql.ts) and turns the integer rows back into ids (engine.rows.ts).
 * Empty `locationIds` / `organisationIds` mean no filter, as in the API's filters.
 */
export async function aggregateFacts(db: Database, q: EngineQuery): Promise<EngineRow[]> {
  if (q.scopes.length === 0 || q.indicators.length === 0) return [];
  const asked = q.groupBy.categories ?? [];
  const optionFilter = q.optionFilter ?? {};
  const needCells = asked.length > 0 || Object.keys(optionFilter).length > 0;
  const sourceIds = [...new Set(q.indicators.flatMap((i) => i.sourceIds))];
  const level = q.groupBy.location;
  const [indicatorNos, scopes, cells, areaOf, filterPlaces, organisationNos] = await Promise.all([
    keyNumbers(db, 'indicator', sourceIds),
    scopeClasses(db, q.scopes, q.includePending),
    needCells ? sourceCells(db, sourceIds) : new Map<string, SourceCells>(),
    level ? placesUnder(db, { level }) : null,
    q.locationIds?.length ? placesUnder(db, { ids: q.locationIds }) : null,
    q.organisationIds?.length ? keyNumbers(db, 'organisation', q.organisationIds) : null,
  ]);
  if (scopes.classes.length === 0 || filterPlaces?.size === 0 || organisationNos?.size === 0) return [];

  const planned: PlannedIndicator[] = q.indicators.map((indicator, index) => ({
    index,
    indicator,
    sources: [...new Set(indicator.sourceIds)].flatMap((id) => {
      const no = indicatorNos.get(id);
      const combos = needCells ? cellsToRead(cells.get(id), asked, optionFilter) : null;
      return no === undefined || combos === undefined ? [] : [{ no, combos }];
    }),
  }));
  const period = q.groupBy.period;
  const buckets: Buckets | null = period ? bucketsOf(period.granularity, period.fyStartMonth) : null;
  const running = Boolean(period?.running);
  const queries = planQueries(planned, { timeIsTrivial: buckets?.length === 1 && !running });
  if (queries.length === 0) return [];

  // Options of the asked categories, numbered from 1 per category, and each read cell's option.
  const categories = asked.map((id) => ({ id, optionIds: [] as string[] }));
  const optionColumns = asked.map(() => new Map<number, number>());
  for (const id of sourceIds) {
    const c = cells.get(id);
    if (!c) continue;
    for (const [combo, options] of c.combos) {
      asked.forEach((category, j) => {
        const at = c.categoryIds.indexOf(category);
        if (at < 0) return;
        const list = categories[j]!.optionIds;
        let no = list.indexOf(options[at]!) + 1;
        if (no === 0) no = list.push(options[at]!);
        optionColumns[j]!.set(combo, no);
      });
    }
  }

  // Places grouped under their area at the level (areas numbered from 1); the location filter is a WHERE.
  const areaIds = areaOf ? [...new Set(areaOf.values())] : null;
  const areaNo = new Map(areaIds?.map((id, i) => [id, i + 1]));
  const areas = areaOf ? new Map([...areaOf].map(([place, area]) => [place, areaNo.get(area)!])) : null;
  const months = { from: q.from ? monthOf(q.from) : null, to: q.to ? monthOf(q.to) : null };
  const filter: FactFilter = {
    months,
    scopes: scopes.classes,
    organisationNos: organisationNos ? [...organisationNos.values()] : null,
    placeNos: filterPlaces ? [...filterPlaces.keys()] : null,
  };
  // Bucket numbers from the asked range's first bucket (or from 0), through its last (or year 9999's).
  const first = buckets && months.from !== null ? bucketOfMonth(buckets, months.from) : 0;
  const bucketSpan = buckets ? { first, count: bucketOfMonth(buckets, months.to ?? 9999 * 12 + 11) - first + 1 } : null;
  const grouping: FactGrouping = {
    buckets, bucketSpan, running, areas, options: optionColumns,
    organisation: Boolean(q.groupBy.organisation), project: Boolean(q.groupBy.project),
  };

  const totalsAnswer = readsTotals(filter, grouping);
  let answers = await Promise.all(
    queries.map(async (query) => ({ query, rows: await runFactQuery(db, query, totalsAnswer && isPlainSum(query) ? { ...filter, table: 'analytics_totals' } : filter, grouping) })),
  );
  if (running) {
    // Every group runs up to the end of the range (or the last bucket with data anywhere in the answer).
    const last = months.to !== null ? bucketOfMonth(buckets!, months.to) : answers.reduce((m, a) => a.rows.reduce((n, r) => Math.max(n, r.b), m), -Infinity);
    answers = answers.map((a) => ({ ...a, rows: runningRows(a.rows, last, isPlainSum(a.query)) }));
  }
  const organisationIds = q.groupBy.organisation ? await idsOf(db, answers.flatMap((a) => a.rows.map((r) => r.og!))) : null;
  return answers.flatMap(({ query, rows }) =>
    toEngineRows(rows, {
      indicators: q.indicators,
      percentage: query.kind === 'percentage',
      buckets,
      areaIds,
      categories: q.groupBy.categories ? categories : null,
      organisationIds,
      projectIds: q.groupBy.project ? scopes.projectIds : null,
    }),
  );
}

/**
 * Whether a plain-sum answer may come from analytics_totals: only when nothing in the question tells
 * places, organisations or packages apart (no place grouping or filter, no organisation grouping or
 * filter, no reader limited to one organisation). A plain sum over all of them is then the same
 * number, read from a few thousand rows instead of millions.
 */
function readsTotals(filter: FactFilter, grouping: FactGrouping): boolean {
  return !grouping.areas && !grouping.organisation && !filter.placeNos && !filter.organisationNos && filter.scopes.every((c) => c.organisationNo === null);
}

function monthOf(date: string): number {
  const month = monthIndexOf(date);
  if (!Number.isSafeInteger(month)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return month;
}

async function idsOf(db: Database, numbers: number[]): Promise<Map<number, string>> {
  const keys = await keysOfNumbers(db, numbers);
  return new Map([...keys].map(([no, k]) => [no, k.key]));
}
