import type { z } from 'zod';
import type { CreateProgrammeBody, ListProgrammesQuery, Programme, UpdateProgrammeBody } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { authorise, hasRole, MANAGERS, organisationChain, programmeChain } from '../access/access.policy.js';
import { visibleProgrammeIds } from '../access/visibility.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { auditableProgramme, toProgramme } from './programmes.mapper.js';
import * as repo from './programmes.repository.js';

export async function listProgrammes(ctx: Ctx, query: z.infer<typeof ListProgrammesQuery>) {
  const ids = await visibleProgrammeIds(ctx.db, ctx.actor);
  const { rows, total } = await repo.listProgrammes(ctx.db, { ids, q: query.q, organisationId: query.organisationId }, query.limit, query.offset);
  return { items: rows.map(toProgramme), total };
}

/** Loads a programme the actor can see, or answers 404 without revealing whether it exists. */
export async function loadVisibleProgramme(ctx: Ctx, id: string) {
  const row = await repo.findProgramme(ctx.db, id);
  const ids = row ? await visibleProgrammeIds(ctx.db, ctx.actor) : [];
  authorise(!!row && (ids === null || ids.includes(id)), true);
  return row!;
}

export async function getProgramme(ctx: Ctx, id: string): Promise<Programme> {
  return toProgramme(await loadVisibleProgramme(ctx, id));
}

function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw invalid({ field: 'body.endDate', reason: 'end_before_start' });
}

export async function createProgramme(ctx: Ctx, body: z.infer<typeof CreateProgrammeBody>): Promise<Programme> {
  if (!(await findOrganisation(ctx.db, body.organisationId))) throw invalid({ field: 'body.organisationId', reason: 'unknown_reference' });
  if (!hasRole(ctx.actor, MANAGERS, organisationChain(body.organisationId))) throw new AppError('forbidden');
  checkDates(body.startDate, body.endDate);
  const now = nowIso();
  const id = newId();
  return inTransaction(ctx, async (tx) => {
    // The constraint is on (organisation_id, code): left to the database, the error would name organisationId.
    if (await repo.findProgrammeByCode(tx.db, body.organisationId, body.code)) throw conflict('code');
    await repo.insertProgramme(tx.db, {
      id,
      organisation_id: body.organisationId,
      code: body.code,
      name: body.name,
      description: body.description,
      status: body.status,
      start_date: body.startDate ?? null,
      end_date: body.endDate ?? null,
      created_at: now,
      updated_at: now,
    });
    const created = toProgramme((await repo.findProgramme(tx.db, id))!);
    await recordAudit(tx, { action: 'programme.create', entityType: 'programme', entityId: id, organisationId: body.organisationId, after: auditableProgramme(created) });
    return created;
  });
}

export async function updateProgramme(ctx: Ctx, id: string, body: z.infer<typeof UpdateProgrammeBody>): Promise<Programme> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadVisibleProgramme(tx, id);
    if (!hasRole(ctx.actor, MANAGERS, programmeChain({ id, organisationId: row.organisation_id }))) throw new AppError('forbidden');
    const before = toProgramme(row);
    checkDates(body.startDate === undefined ? before.startDate : body.startDate, body.endDate === undefined ? before.endDate : body.endDate);
    if (body.code !== undefined && body.code !== row.code && (await repo.findProgrammeByCode(tx.db, row.organisation_id, body.code))) throw conflict('code');
    await repo.updateProgramme(tx.db, id, {
      ...(body.code !== undefined && { code: body.code }),
      ...(body.name !== undefined && { name: body.name }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.status !== undefined && { status: body.status }),
      ...(body.startDate !== undefined && { start_date: body.startDate }),
      ...(body.endDate !== undefined && { end_date: body.endDate }),
      updated_at: nowIso(),
    });
    const after = toProgramme((await repo.findProgramme(tx.db, id))!);
    await recordAudit(tx, {
      action: 'programme.update',
      entityType: 'programme',
      entityId: id,
      organisationId: row.organisation_id,
      before: auditableProgramme(before),
      after: auditableProgramme(after),
    });
    return after;
  });
}
