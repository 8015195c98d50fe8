import { CompiledQuery, SqliteAdapter } from 'kysely';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/**
 * The one place that writes reported values (grid saves and imports). Built for large batches:
 * one lookup of the existing rows per slice of cells, multi-row inserts and deletes sized to the
 * database's bound-parameter limit, and raw compiled statements so that a million values do not
 * go through the query builder a million times.
 */

export interface CellWrite {
  indicatorId: string;
  locationId: string | null;
  disaggregationKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  text: string | null;
  comment: string;
}

export interface WriteTarget {
  submissionId: string;
  userId: string;
  source: 'grid' | 'import';
  at: string;
}

export interface WriteCounts {
  created: number;
  updated: number;
  cleared: number;
  unchanged: number;
}

export interface WriteOptions {
  /**
   * The caller knows none of these cells has a stored value (e.g. an import into a package that had
   * no values, whose file has no duplicate cells): the lookup of existing rows is skipped.
   */
  knownAbsent?: boolean;
}

export interface ExistingRow {
  id: string;
  indicator_id: string;
  location_id: string | null;
  disaggregation_key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  text_value: string | null;
  comment: string;
}

/** SQLite allows 32,766 bound parameters a statement, PostgreSQL 65,535; stay well under both. */
const MAX_PARAMS = 30_000;
const VALUE_COLUMNS = ['id', 'submission_id', 'indicator_id', 'location_id', 'disaggregation_key', 'value', 'numerator', 'denominator', 'text_value', 'comment', 'updated_by', 'updated_at'] as const;
const HISTORY_COLUMNS = ['id', 'submission_id', 'indicator_id', 'location_id', 'disaggregation_key', 'before_json', 'after_json', 'source', 'changed_by', 'changed_at'] as const;
/** Rows per insert: few statements, each well under the parameter limit. */
const VALUE_ROWS = Math.floor(MAX_PARAMS / VALUE_COLUMNS.length);
const HISTORY_ROWS = Math.floor(MAX_PARAMS / HISTORY_COLUMNS.length);
const ID_LIST = 10_000;

let lastMs = 0;
let sequence = 0;
const randomHex = (n: number) => Array.from({ length: n }, () => ((Math.random() * 16) | 0).toString(16)).join('');

/**
 * A time-ordered UUID (version 7 layout: milliseconds, then a counter, then random bits) for value
 * rows: consecutive inserts land next to each other in the primary-key index instead of on random
 * pages, which keeps a million-row import from thrashing the page cache.
 */
export function orderedId(): string {
  const ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = 0;
  } else sequence = (sequence + 1) & 0xffffff;
  const t = lastMs.toString(16).padStart(12, '0');
  const c = sequence.toString(16).padStart(6, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${c.slice(0, 3)}-${(8 + ((Math.random() * 4) | 0)).toString(16)}${c.slice(3)}-${randomHex(12)}`;
}

export const cellKeyOf = (indicatorId: string, locationId: string | null, disaggregationKey: string): string =>
  `${indicatorId}\u0000${locationId ?? ''}\u0000${disaggregationKey}`;

const isClear = (c: CellWrite): boolean => c.value === null && c.numerator === null && c.denominator === null && c.text === null && c.comment === '';

const sameContent = (row: ExistingRow, c: CellWrite): boolean =>
  row.value === c.value && row.numerator === c.numerator && row.denominator === c.denominator && row.text_value === c.text && row.comment === c.comment;

const contentJson = (v: { value: number | null; numerator: number | null; denominator: number | null; text: string | null; comment: string }): string =>
  JSON.stringify({ value: v.value, numerator: v.numerator, denominator: v.denominator, text: v.text, comment: v.comment });

const rowContent = (row: ExistingRow) => ({ value: row.value, numerator: row.numerator, denominator: row.denominator, text: row.text_value, comment: row.comment });

/**
 * Inside the caller's transaction. A cell with every field null and comment '' clears (deletes) the value.
 * Unchanged cells are not touched. Changes to existing cells and clears write value_history rows;
 * a first creation does not (the value row itself records who and when).
 * Callers validate and normalise first; when a batch names a cell twice, the last one wins.
 */
export async function writeValues(db: Database, target: WriteTarget, cells: CellWrite[], options: WriteOptions = {}): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, cleared: 0, unchanged: 0 };
  if (cells.length === 0) return counts;
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  const byKey = new Map<string, CellWrite>();
  for (const c of cells) byKey.set(cellKeyOf(c.indicatorId, c.locationId, c.disaggregationKey), c);
  counts.unchanged += cells.length - byKey.size; // a repeated cell is written once
  const existing = options.knownAbsent ? new Map<string, ExistingRow>() : await existingRows(db, sqlite, target.submissionId, byKey);

  const valueParams: unknown[] = [];
  const historyParams: unknown[] = [];
  const deleteIds: string[] = [];
  for (const [key, c] of byKey) {
    const row = existing.get(key);
    if (isClear(c)) {
      if (!row) {
        counts.unchanged++;
        continue;
      }
      counts.cleared++;
      deleteIds.push(row.id);
      historyParams.push(newId(), target.submissionId, c.indicatorId, c.locationId, c.disaggregationKey, contentJson(rowContent(row)), null, target.source, target.userId, target.at);
      continue;
    }
    if (row && sameContent(row, c)) {
      counts.unchanged++;
      continue;
    }
    if (row) {
      // Replaced in place: delete, then insert again under the same id (two bulk statements instead of one update per cell).
      counts.updated++;
      deleteIds.push(row.id);
      historyParams.push(newId(), target.submissionId, c.indicatorId, c.locationId, c.disaggregationKey, contentJson(rowContent(row)), contentJson(c), target.source, target.userId, target.at);
    } else {
      counts.created++;
    }
    valueParams.push(row?.id ?? orderedId(), target.submissionId, c.indicatorId, c.locationId, c.disaggregationKey, c.value, c.numerator, c.denominator, c.text, c.comment, target.userId, target.at);
  }

  for (let i = 0; i < deleteIds.length; i += ID_LIST) {
    const ids = deleteIds.slice(i, i + ID_LIST);
    await db.executeQuery(CompiledQuery.raw(`delete from indicator_values where id in (${placeholders(sqlite, ids.length, 1, 1)})`, ids));
  }
  await insertRows(db, sqlite, 'indicator_values', VALUE_COLUMNS, VALUE_ROWS, valueParams);
  await insertRows(db, sqlite, 'value_history', HISTORY_COLUMNS, HISTORY_ROWS, historyParams);
  return counts;
}

/**
 * The stored rows of these cells (keyed by cellKeyOf), as writeValues compares them: the import reads
 * them first to keep the fields its file has no column for.
 */
export const storedRows = (db: Database, submissionId: string, cells: ReadonlyMap<string, CellRef>): Promise<Map<string, ExistingRow>> =>
  existingRows(db, db.getExecutor().adapter instanceof SqliteAdapter, submissionId, cells);

type CellRef = Pick<CellWrite, 'indicatorId' | 'locationId'>;

/** The stored rows of the batch's cells: one query per slice of indicators × locations, filtered to the exact cells. */
async function existingRows(db: Database, sqlite: boolean, submissionId: string, byKey: ReadonlyMap<string, CellRef>): Promise<Map<string, ExistingRow>> {
  const found = new Map<string, ExistingRow>();
  const indicatorIds = [...new Set([...byKey.values()].map((c) => c.indicatorId))];
  const locationIds = [...new Set([...byKey.values()].flatMap((c) => (c.locationId === null ? [] : [c.locationId])))];
  const withNull = [...byKey.values()].some((c) => c.locationId === null);
  const columns = 'id, indicator_id, location_id, disaggregation_key, value, numerator, denominator, text_value, comment';
  // Location ids stay in every statement; indicator ids are sliced so each statement fits the limit.
  const room = Math.max(1_000, MAX_PARAMS - 1 - locationIds.length);
  for (let i = 0; i < indicatorIds.length; i += room) {
    const inds = indicatorIds.slice(i, i + room);
    const params: unknown[] = [submissionId, ...inds];
    const indList = placeholders(sqlite, inds.length, 2, 1);
    const locFilters: string[] = [];
    if (locationIds.length > 0 && locationIds.length <= MAX_PARAMS - 1 - inds.length) {
      locFilters.push(`location_id in (${placeholders(sqlite, locationIds.length, 2 + inds.length, 1)})`);
      params.push(...locationIds);
    } else if (locationIds.length > 0) {
      locFilters.push('location_id is not null');
    }
    if (withNull) locFilters.push('location_id is null');
    const text = `select ${columns} from indicator_values where submission_id = ${sqlite ? '?' : '$1'} and indicator_id in (${indList}) and (${locFilters.join(' or ')})`;
    const result = await db.executeQuery<ExistingRow>(CompiledQuery.raw(text, params));
    for (const row of result.rows) {
      const key = cellKeyOf(row.indicator_id, row.location_id, row.disaggregation_key);
      if (byKey.has(key)) found.set(key, { ...row, value: num(row.value), numerator: num(row.numerator), denominator: num(row.denominator) });
    }
  }
  return found;
}

/** PostgreSQL drivers may hand doubles back as strings in some setups; compare numbers as numbers. */
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

async function insertRows(db: Database, sqlite: boolean, table: string, columns: readonly string[], rowsPerStatement: number, params: unknown[]) {
  const width = columns.length;
  const total = params.length / width;
  for (let start = 0; start < total; start += rowsPerStatement) {
    const rows = Math.min(rowsPerStatement, total - start);
    const slice = start === 0 && rows === total ? params : params.slice(start * width, (start + rows) * width);
    await db.executeQuery(CompiledQuery.raw(`insert into ${table} (${columns.join(', ')}) values ${rowPlaceholders(sqlite, rows, width)}`, slice));
  }
}

const placeholderCache = new Map<string, string>();

/** `(?, ?, …), (…)` or `($1, $2, …), (…)` for `rows` rows of `width` parameters; cached, as chunk sizes repeat. */
function rowPlaceholders(sqlite: boolean, rows: number, width: number): string {
  const cacheKey = `${sqlite ? 's' : 'p'}:${rows}:${width}`;
  let text = placeholderCache.get(cacheKey);
  if (text === undefined) {
    const parts: string[] = [];
    for (let r = 0; r < rows; r++) parts.push(`(${placeholders(sqlite, width, 1 + r * width, 1)})`);
    text = parts.join(', ');
    if (placeholderCache.size > 64) placeholderCache.clear();
    placeholderCache.set(cacheKey, text);
  }
  return text;
}

function placeholders(sqlite: boolean, count: number, firstIndex: number, step: number): string {
  if (sqlite) return new Array<string>(count).fill('?').join(', ');
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`$${firstIndex + i * step}`);
  return parts.join(', ');
}
