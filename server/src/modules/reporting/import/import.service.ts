import { SqliteAdapter, sql } from 'kysely';
import { DisaggregationError, disaggregationKey } from '@shared/domain/disaggregations.js';
import { type CheckSetting, checkConsistency, checkEntries, type CellInput } from '@shared/domain/submission-checks.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { EntryProblem, ImportValuesResultT } from '@shared/schemas/reporting.js';
import type { Database } from '../../../db/database.js';
import { nowIso } from '../../../lib/clock.js';
import { type Ctx, inTransaction } from '../../../lib/context.js';
import { AppError, type DetailInput } from '../../../lib/errors.js';
import { type IdempotentAnswer, withIdempotency } from '../../../lib/idempotency.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { loadSubmission } from '../reporting-access.js';
import { requireEditable } from '../submissions.service.js';
import { type CellWrite, type WriteCounts, cellKeyOf, storedRows, writeValues } from '../values.writer.js';
import { MAX_PROBLEMS, MAX_ROWS, type OptionalFieldColumn, type ReadColumn, VALUES_SHEET } from './columns.js';
import { openFile } from './file-rows.js';
import type { ImportSource } from './import-source.js';
import { type PackageFrame, loadPackageFrame } from './package-frame.js';
import { packageHasValues, packageValues } from './package-frame.repository.js';
import { type ParsedRow, RowParser } from './row-parser.js';

/** Rows checked and written together: large enough for few statements, small enough to keep memory flat. */
const BATCH = 5_000;
const MAX_WARNINGS = 500;
const FIELD_COLUMN: Record<keyof CellInput, ReadColumn> = {
  indicatorId: 'indicator_code', locationId: 'location_pcode', optionIds: 'disaggregation_codes',
  value: 'value', numerator: 'numerator', denominator: 'denominator', text: 'text', comment: 'comment',
};

/** Thrown inside the transaction to roll it back: a dry run, or a file with problems. */
class Rollback extends Error {
  constructor(readonly outcome: { result: ImportValuesResultT } | { problems: DetailInput[]; total: number }) {
    super('rollback');
  }
}

export interface ImportOptions {
  dryRun: boolean;
  idempotencyKey?: string | undefined;
  /** Called once the first rows are written (the command line logs it). */
  onWriting?: () => void;
}

/**
 * Imports a package's values from its XLSX template or a CSV file. The file is read as a stream and
 * written in batches inside ONE transaction, checked row by row as it goes (unknown codes, duplicate
 * cells, the entry checks of the grid); any problem, or a dry run, rolls everything back at the end,
 * so nothing is ever partly imported. Cells not in the file are left alone; a row with every field
 * empty clears its cell. A column the file does not have leaves that field as stored (keepStoredFields).
 */
export async function importValues(ctx: Ctx, submissionId: string, source: ImportSource, options: ImportOptions): Promise<IdempotentAnswer<ImportValuesResultT>> {
  const loaded = await loadSubmission(ctx, submissionId);
  // The same refusals as a grid save: 403, or 409 for a closed round or a package no longer editable.
  requireEditable(ctx, loaded);
  const { submission } = loaded;
  const frame = await loadPackageFrame(ctx.db, submission, ctx.locale);
  const run = (tx: Ctx) => importInTransaction(tx, submission, frame, source, options);
  const restoreCache = await largerSqliteCache(ctx);
  try {
    if (options.dryRun) return { status: 200, body: await inTransaction(ctx, run), replayed: false };
    return await withIdempotency(ctx, options.idempotencyKey, 'POST /submissions/:id/import', run);
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    if ('result' in err.outcome) return { status: 200, body: err.outcome.result, replayed: false };
    throw new AppError('import_failed', err.outcome.problems, { count: err.outcome.total });
  } finally {
    await restoreCache();
  }
}

/**
 * On SQLite, a large import overflows the default 2 MB page cache and writes the same index pages
 * to the WAL again and again; 256 MB for the import's duration keeps them in memory. Restored after.
 */
async function largerSqliteCache(ctx: Ctx): Promise<() => Promise<void>> {
  if (!(ctx.db.getExecutor().adapter instanceof SqliteAdapter) || ctx.db.isTransaction) return async () => undefined;
  const before = (await sql<{ cache_size: number }>`pragma cache_size`.execute(ctx.db)).rows[0]?.cache_size ?? -2000;
  await sql.raw('pragma cache_size = -262144').execute(ctx.db);
  return async () => {
    await sql.raw(`pragma cache_size = ${Number(before)}`).execute(ctx.db);
  };
}

async function importInTransaction(
  ctx: Ctx,
  submission: { id: string; round_id: string; organisation_id: string },
  frame: PackageFrame,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportValuesResultT> {
  const problems: DetailInput[] = [];
  let total = 0;
  const report = (p: DetailInput) => {
    total++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const opened = await openFile(source);
  if (!('events' in opened)) throw new Rollback({ problems: [opened], total: 1 });

  const target = { submissionId: submission.id, userId: ctx.actor.userId, source: 'import' as const, at: nowIso() };
  // A package without values cannot hold any of the file's cells (duplicates are refused): skip the lookups.
  const knownAbsent = !(await packageHasValues(ctx.db, submission.id));
  const counts: WriteCounts = { created: 0, updated: 0, cleared: 0, unchanged: 0 };
  const seen = new Map<number, number>();
  const keyIndex = new Map<string, number>();
  let parser: RowParser | null = null;
  let sheet: string | undefined;
  let absent: OptionalFieldColumn[] = [];
  let rows = 0;
  let batch: { row: number; parsed: ParsedRow }[] = [];
  let writing = false;

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const setting: CheckSetting = {
      indicators: [...new Set(current.map((b) => b.parsed.indicator))],
      locations: frame.locations.length ? [...new Set(current.flatMap((b) => frame.locations[b.parsed.locationIndex - 1] ?? []))] : [],
    };
    const inputs = absent.length > 0 && !knownAbsent ? await keepStoredFields(ctx.db, submission.id, current.map((b) => b.parsed), absent) : current.map((b) => b.parsed.input);
    const checked = checkEntries(inputs, setting);
    for (const p of checked.problems) {
      report({ ...(sheet && { sheet }), row: current[p.index]!.row, column: FIELD_COLUMN[p.field], reason: p.reason, ...(p.params && { params: p.params }) });
    }
    if (total > 0) return; // keep checking the rest of the file, but write no more
    const cells: CellWrite[] = checked.cells.map((c) => ({
      indicatorId: c.indicatorId, locationId: c.locationId, disaggregationKey: c.disaggregationKey,
      value: c.value, numerator: c.numerator, denominator: c.denominator, text: c.text, comment: c.comment,
    }));
    const written = await writeValues(ctx.db, target, cells, { knownAbsent });
    counts.created += written.created;
    counts.updated += written.updated;
    counts.cleared += written.cleared;
    counts.unchanged += written.unchanged;
    if (!writing) {
      writing = true;
      options.onWriting?.();
    }
  };

  let sawColumns = false;
  for await (const event of opened.events) {
    if (event.kind === 'about') {
      if (event.submissionId !== null && event.submissionId !== submission.id) report({ sheet: 'about', reason: 'wrong_package' });
      continue;
    }
    if (event.kind === 'columns') {
      sawColumns = true;
      sheet = event.sheet;
      absent = event.absent;
      event.problems.forEach(report);
      parser = new RowParser(frame, opened.decimal, sheet);
      continue;
    }
    rows++;
    if (rows > MAX_ROWS) {
      report({ ...(sheet && { sheet }), reason: 'too_many_rows', params: { maximum: MAX_ROWS } });
      break;
    }
    const parsed = (parser ??= new RowParser(frame, opened.decimal, sheet)).parse(event.row, event.get);
    if (parsed === null) {
      rows--;
      continue;
    }
    if (Array.isArray(parsed)) {
      parsed.forEach(report);
      continue;
    }
    const key = cellNumber(parsed, keyIndex);
    const other = seen.get(key);
    if (other !== undefined) {
      report({ ...(sheet && { sheet }), row: event.row, column: 'disaggregation_codes', reason: 'duplicate_row', params: { otherRow: other } });
      continue;
    }
    seen.set(key, event.row);
    batch.push({ row: event.row, parsed });
    if (batch.length >= BATCH) await flush();
  }
  if (!sawColumns) report({ sheet: VALUES_SHEET, reason: 'missing_sheet', params: { sheet: VALUES_SHEET } });
  await flush();
  if (total > 0) {
    const shown = total > problems.length ? [...problems, { reason: 'more_problems', params: { count: total - problems.length } }] : problems;
    throw new Rollback({ problems: shown, total });
  }

  await recordAudit(ctx, {
    action: 'values.import', entityType: 'submission', entityId: submission.id, organisationId: submission.organisation_id,
    after: { file: source.fileName, format: opened.format, rows, dryRun: options.dryRun, ...counts },
  });
  const result: ImportValuesResultT = { dryRun: options.dryRun, format: opened.format, rows, ...counts, problems: await warnings(ctx, submission.id, frame) };
  if (options.dryRun) throw new Rollback({ result });
  return result;
}

/**
 * The rows' changes with the fields the file has no column for taken from the stored cell: a missing
 * column is not an empty one (a CSV without `comment` must not wipe the comments of the cells it
 * lists). Done before the entry checks, so a kept numerator and denominator are checked and make the
 * percentage as if the file held them; a cell not stored yet gets the field empty.
 */
async function keepStoredFields(db: Database, submissionId: string, rows: ParsedRow[], absent: readonly OptionalFieldColumn[]): Promise<CellInput[]> {
  const keys = rows.map(({ input, indicator }) => {
    try {
      return cellKeyOf(input.indicatorId, input.locationId, disaggregationKey(input.optionIds, indicator.categories));
    } catch (e) {
      if (e instanceof DisaggregationError) return null; // the entry checks refuse the row
      throw e;
    }
  });
  const cells = new Map<string, { indicatorId: string; locationId: string | null }>();
  rows.forEach(({ input }, i) => {
    const key = keys[i];
    if (key) cells.set(key, input);
  });
  const stored = await storedRows(db, submissionId, cells);
  return rows.map(({ input, indicator }, i) => {
    const row = keys[i] ? stored.get(keys[i]) : undefined;
    if (!row) return input;
    // A percentage stored as numerator ÷ denominator is recomputed from them: a file that gives the
    // percentage alone (no ratio columns) and changes or empties it must not have the stored ratio
    // brought back over its value. The ratio is kept only when the file's value is the stored one.
    const ratioReplaced = indicator.type === 'percentage' && absent.includes('numerator') && absent.includes('denominator') && !sameFigure(input.value, row.value);
    const stays = (column: OptionalFieldColumn) => absent.includes(column) && !(ratioReplaced && (column === 'numerator' || column === 'denominator'));
    return {
      ...input,
      ...(stays('numerator') && { numerator: row.numerator }),
      ...(stays('denominator') && { denominator: row.denominator }),
      ...(stays('text') && { text: row.text_value }),
      ...(stays('comment') && { comment: row.comment }),
    };
  });
}

/** The same percentage as far as a reader can tell (the grid shows two decimals): 33.33 in a file is the stored 33.333…. */
const sameFigure = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 0.005);

/** A compact number for a cell (indicator, place, breakdown), so a million-row file's duplicate check stays small. */
function cellNumber(p: ParsedRow, keyIndex: Map<string, number>): number {
  const disaggregation = [...p.input.optionIds].sort().join('|');
  let d = keyIndex.get(disaggregation);
  if (d === undefined) {
    d = keyIndex.size;
    keyIndex.set(disaggregation, d);
  }
  return (p.indicatorIndex * 8_192 + p.locationIndex) * 2 ** 21 + d;
}

/** Totals that do not add up after the import, as a grid save reports them: one indicator at a time, so memory stays bounded. */
async function warnings(ctx: Ctx, submissionId: string, frame: PackageFrame): Promise<EntryProblem[]> {
  const out: EntryProblem[] = [];
  for (const indicator of frame.indicators) {
    const cells = (await packageValues(ctx.db, submissionId, indicator.id)).map((v) => ({
      indicatorId: v.indicator_id, locationId: v.location_id, optionIds: v.disaggregation_key === '' ? [] : v.disaggregation_key.split('|'), value: v.value, text: v.text_value,
    }));
    for (const p of checkConsistency(cells, { indicators: [indicator], locations: frame.locations }, 'warning')) {
      if (out.length >= MAX_WARNINGS) return out;
      out.push({ ...p, message: errorMessage(p.reason, ctx.locale, p.params) });
    }
  }
  return out;
}
