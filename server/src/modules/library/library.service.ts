import type { z } from 'zod';
import type { CreateLibraryIndicatorBody, LibraryIndicator, LibraryListQuery, UpdateLibraryIndicatorBody } from '@shared/schemas/index.js';
import type { LibraryIndicatorsTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { categoryCodes, changedLockedFields, checkCategoryIds } from '../results/indicators.checks.js';
import { type LibraryDefinition, libraryColumns, libraryDefinition, toLibraryIndicator } from './library.mapper.js';
import { libraryAccess } from './library.policy.js';
import * as repo from './library.repository.js';
import type { LibraryRow } from './library.repository.js';

const ENTITY = 'library_indicator';

/** Entries with their adoption counts, in the order given. */
export async function hydrateEntries(ctx: Ctx, rows: LibraryRow[]): Promise<LibraryIndicator[]> {
  const counts = await repo.adoptedCounts(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => toLibraryIndicator(r, counts.get(r.id) ?? 0));
}

const hydrateOne = async (ctx: Ctx, row: LibraryRow) => (await hydrateEntries(ctx, [row]))[0]!;

export async function listLibrary(ctx: Ctx, organisationId: string, query: z.infer<typeof LibraryListQuery>) {
  const canEdit = await libraryAccess(ctx, organisationId, false);
  const rows = await repo.listEntries(ctx.db, { organisationIds: [organisationId], q: query.q, includeArchived: query.includeArchived });
  return { items: await hydrateEntries(ctx, rows), canEdit };
}

/** An entry whose library the actor may read (or edit), or 404/403. */
async function entryFor(ctx: Ctx, id: string, edit: boolean) {
  const row = await repo.findEntry(ctx.db, id);
  if (!row) throw notFound();
  await libraryAccess(ctx, row.organisation_id, edit);
  return row;
}

export async function getEntry(ctx: Ctx, id: string): Promise<LibraryIndicator> {
  return hydrateOne(ctx, await entryFor(ctx, id, false));
}

export async function createEntry(ctx: Ctx, organisationId: string, body: z.infer<typeof CreateLibraryIndicatorBody>): Promise<LibraryIndicator> {
  return inTransaction(ctx, async (tx) => {
    await libraryAccess(tx, organisationId, true);
    const { problems, codes } = await checkCategoryIds(tx, organisationId, body.categoryIds, 'body.categoryIds');
    if (problems.length) throw invalid(...problems);
    // Checked here so that both databases name the field (the constraint spans organisation and code).
    if (await repo.findEntryByCode(tx.db, organisationId, body.code)) throw conflict('code');
    const now = nowIso();
    const row = {
      ...(libraryColumns(body) as Omit<LibraryIndicatorsTable, 'id' | 'organisation_id' | 'archived' | 'created_at' | 'updated_at'>),
      id: newId(),
      organisation_id: organisationId,
      archived: 0,
      created_at: now,
      updated_at: now,
    };
    await repo.insertEntry(tx.db, row);
    const created = await hydrateOne(tx, (await repo.findEntry(tx.db, row.id))!);
    await recordAudit(tx, { action: `${ENTITY}.create`, entityType: ENTITY, entityId: row.id, organisationId, after: libraryDefinition(created, codes) });
    return created;
  });
}

/**
 * Archiving retires an entry from the adoptable lists without touching the indicators linked to
 * it. While any are linked, what makes their values comparable cannot change (409 `in_use`).
 */
export async function updateEntry(ctx: Ctx, id: string, body: z.infer<typeof UpdateLibraryIndicatorBody>): Promise<LibraryIndicator> {
  return inTransaction(ctx, async (tx) => {
    const row = await entryFor(tx, id, true);
    const orgId = row.organisation_id;
    const beforeEntry = await hydrateOne(tx, row);
    const afterEntry: LibraryIndicator = { ...beforeEntry, ...body };
    const { problems, codes } = await checkCategoryIds(tx, orgId, afterEntry.categoryIds, 'body.categoryIds');
    if (problems.length) throw invalid(...problems);
    if (body.code !== undefined && body.code !== row.code && (await repo.findEntryByCode(tx.db, orgId, body.code))) throw conflict('code');
    if (beforeEntry.adoptedCount > 0) {
      const locked = changedLockedFields(beforeEntry, afterEntry);
      const params = { name: row.code, count: beforeEntry.adoptedCount };
      if (locked.length) throw new AppError('conflict', locked.map((field) => ({ field, reason: 'in_use', params })));
    }
    const before = libraryDefinition(beforeEntry, codes);
    const after = libraryDefinition(afterEntry, codes);
    const changed = (Object.keys(after) as (keyof LibraryDefinition)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (changed.length === 0) return beforeEntry;
    const now = nowIso();
    await repo.updateEntry(tx.db, id, { ...libraryColumns(body), updated_at: now });
    const pick = (d: LibraryDefinition) => Object.fromEntries(changed.map((k) => [k, d[k]]));
    await recordAudit(tx, { action: `${ENTITY}.update`, entityType: ENTITY, entityId: id, organisationId: orgId, before: pick(before), after: pick(after) });
    return { ...afterEntry, updatedAt: now };
  });
}

/** An adopted entry stays (its indicators are linked to it): archive it instead. */
export async function deleteEntry(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await entryFor(tx, id, true);
    const entry = await hydrateOne(tx, row);
    if (entry.adoptedCount > 0) throw new AppError('conflict', [{ reason: 'in_use', params: { name: row.code, count: entry.adoptedCount } }]);
    await repo.deleteEntry(tx.db, id);
    const codes = await categoryCodes(tx, row.organisation_id);
    await recordAudit(tx, { action: `${ENTITY}.delete`, entityType: ENTITY, entityId: id, organisationId: row.organisation_id, before: libraryDefinition(entry, codes) });
  });
}
