import type { z } from 'zod';
import { type CategoryKind, STANDARD_CATEGORIES } from '@shared/domain/disaggregations.js';
import type { CreateDisaggregationCategoryBody, DisaggregationCategory, UpdateDisaggregationCategoryBody } from '@shared/schemas/index.js';
import type { DisaggregationCategoriesTable, DisaggregationOptionsTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { auditableCategory, hydrateCategories, libraryUsesOf } from './disaggregations.mapper.js';
import { categoriesAccess } from './disaggregations.policy.js';
import * as repo from './disaggregations.repository.js';
import { optionProblems } from './disaggregations.rules.js';

type CreateBody = z.infer<typeof CreateDisaggregationCategoryBody>;
type UpdateBody = z.infer<typeof UpdateDisaggregationCategoryBody>;
type OptionBody = CreateBody['options'][number];

const ENTITY = 'disaggregation_category';

async function hydrateOne(ctx: Ctx, row: DisaggregationCategoriesTable): Promise<DisaggregationCategory> {
  return (await hydrateCategories(ctx.db, [row], await libraryUsesOf(ctx.db, [row])))[0]!;
}

async function listView(ctx: Ctx, organisationId: string, canEdit: boolean) {
  const rows = await repo.listCategories(ctx.db, organisationId);
  return { items: await hydrateCategories(ctx.db, rows, await libraryUsesOf(ctx.db, rows)), canEdit };
}

export async function listCategories(ctx: Ctx, organisationId: string) {
  return listView(ctx, organisationId, await categoriesAccess(ctx, organisationId, false));
}

const optionRow = (categoryId: string, o: Omit<OptionBody, 'id'>, position: number, now: string): DisaggregationOptionsTable => ({
  id: newId(),
  category_id: categoryId,
  code: o.code,
  label: o.label,
  labels_json: JSON.stringify(o.labels),
  position,
  min_age: o.minAge,
  max_age: o.maxAge,
  created_at: now,
  updated_at: now,
});

/** Inserts and audits one category; the caller has checked the policy and the rules. */
async function insertCategory(ctx: Ctx, organisationId: string, body: Omit<CreateBody, 'options'> & { options: Omit<OptionBody, 'id'>[] }) {
  const now = nowIso();
  // After the last one, even when earlier ones were deleted and positions have gaps.
  const position = Math.max(-1, ...(await repo.listCategories(ctx.db, organisationId)).map((c) => c.position)) + 1;
  const row: DisaggregationCategoriesTable = {
    id: newId(),
    organisation_id: organisationId,
    code: body.code,
    name: body.name,
    names_json: JSON.stringify(body.names),
    kind: body.kind,
    position,
    created_at: now,
    updated_at: now,
  };
  await repo.insertCategory(ctx.db, row);
  await repo.insertOptions(ctx.db, body.options.map((o, i) => optionRow(row.id, o, i, now)));
  const created = await hydrateOne(ctx, row);
  await recordAudit(ctx, { action: `${ENTITY}.create`, entityType: ENTITY, entityId: row.id, organisationId, after: auditableCategory(created) });
  return created;
}

export async function createCategory(ctx: Ctx, organisationId: string, body: CreateBody): Promise<DisaggregationCategory> {
  return inTransaction(ctx, async (tx) => {
    await categoriesAccess(tx, organisationId, true);
    const problems = optionProblems(body.kind, body.options, new Set());
    if (problems.length) throw invalid(...problems);
    // Checked here so that both databases name the field (the constraint spans organisation and code).
    if (await repo.findCategoryByCode(tx.db, organisationId, body.code)) throw conflict('code');
    return insertCategory(tx, organisationId, body);
  });
}

/**
 * Adds the standard categories (STANDARD_CATEGORIES) the organisation does not have yet, matched
 * by code, so calling it twice adds nothing. No policy check: createOrganisation calls it inside
 * its own transaction, and addStandardCategories checks the policy first.
 */
export async function insertStandardCategories(ctx: Ctx, organisationId: string): Promise<number> {
  const have = new Set((await repo.listCategories(ctx.db, organisationId)).map((c) => c.code));
  const missing = STANDARD_CATEGORIES.filter((s) => !have.has(s.code));
  for (const s of missing) {
    await insertCategory(ctx, organisationId, {
      code: s.code,
      kind: s.kind,
      name: s.names.en,
      names: s.names,
      options: s.options.map((o) => ({ code: o.code, label: o.labels.en, labels: o.labels, minAge: o.minAge ?? null, maxAge: o.maxAge ?? null })),
    });
  }
  return missing.length;
}

export async function addStandardCategories(ctx: Ctx, organisationId: string) {
  return inTransaction(ctx, async (tx) => {
    const canEdit = await categoriesAccess(tx, organisationId, true);
    await insertStandardCategories(tx, organisationId);
    return listView(tx, organisationId, canEdit);
  });
}

/** A category the actor may change, or 404/403. */
async function editableCategory(ctx: Ctx, id: string) {
  const row = await repo.findCategory(ctx.db, id);
  if (!row) throw notFound();
  await categoriesAccess(ctx, row.organisation_id, true);
  return row;
}

/** Refuses to remove options that targets are set for: the targets would lose their meaning. */
async function checkRemovable(ctx: Ctx, categoryId: string, removed: DisaggregationOptionsTable[]) {
  const keys = await repo.targetKeysUsing(ctx.db, categoryId, removed.map((o) => o.id));
  const used = removed
    .map((o) => ({ code: o.code, count: keys.filter((k) => k.split('|').includes(o.id)).length }))
    .filter((u) => u.count > 0);
  if (used.length) throw new AppError('conflict', used.map((u) => ({ field: 'body.options', reason: 'in_use', params: { name: u.code, count: u.count } })));
}

/** Writes the new option list: existing options keep their id (and so their targets), others are added or removed. */
async function replaceOptions(ctx: Ctx, categoryId: string, current: DisaggregationOptionsTable[], options: OptionBody[], now: string) {
  const kept = new Set(options.flatMap((o) => (o.id ? [o.id] : [])));
  await repo.deleteOptions(ctx.db, current.filter((o) => !kept.has(o.id)).map((o) => o.id));
  // Codes are unique per category at every moment: park kept options on their (unique) id first, so two can swap codes.
  for (const o of options) if (o.id) await repo.updateOption(ctx.db, o.id, { code: o.id });
  const added: DisaggregationOptionsTable[] = [];
  for (const [position, o] of options.entries()) {
    if (!o.id) {
      added.push(optionRow(categoryId, o, position, now));
      continue;
    }
    await repo.updateOption(ctx.db, o.id, {
      code: o.code, label: o.label, labels_json: JSON.stringify(o.labels), position, min_age: o.minAge, max_age: o.maxAge, updated_at: now,
    });
  }
  await repo.insertOptions(ctx.db, added);
}

export async function updateCategory(ctx: Ctx, id: string, body: UpdateBody): Promise<DisaggregationCategory> {
  return inTransaction(ctx, async (tx) => {
    const row = await editableCategory(tx, id);
    const before = await hydrateOne(tx, row);
    const current = await repo.listOptions(tx.db, [id]);
    if (body.options) {
      const problems = optionProblems(row.kind as CategoryKind, body.options, new Set(current.map((o) => o.id)));
      if (problems.length) throw invalid(...problems);
    }
    if (body.code !== undefined && body.code !== row.code && (await repo.findCategoryByCode(tx.db, row.organisation_id, body.code))) throw conflict('code');
    const now = nowIso();
    if (body.options) {
      const kept = new Set(body.options.map((o) => o.id));
      await checkRemovable(tx, id, current.filter((o) => !kept.has(o.id)));
      await replaceOptions(tx, id, current, body.options, now);
    }
    const patch = {
      ...(body.code !== undefined && { code: body.code }),
      ...(body.name !== undefined && { name: body.name }),
      ...(body.names !== undefined && { names_json: JSON.stringify(body.names) }),
      updated_at: now,
    };
    await repo.updateCategory(tx.db, id, patch);
    const after = await hydrateOne(tx, { ...row, ...patch });
    await recordAudit(tx, {
      action: `${ENTITY}.update`, entityType: ENTITY, entityId: id, organisationId: row.organisation_id,
      before: auditableCategory(before), after: auditableCategory(after),
    });
    return after;
  });
}

/** A category that indicators or library entries use stays: their values and targets are split by it. */
export async function deleteCategory(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await editableCategory(tx, id);
    const category = await hydrateOne(tx, row);
    if (category.usedBy > 0) throw new AppError('conflict', [{ reason: 'in_use', params: { name: category.code, count: category.usedBy } }]);
    await repo.deleteCategory(tx.db, id);
    await recordAudit(tx, { action: `${ENTITY}.delete`, entityType: ENTITY, entityId: id, organisationId: row.organisation_id, before: auditableCategory(category) });
  });
}
