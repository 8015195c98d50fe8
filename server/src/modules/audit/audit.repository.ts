import type { Database } from '../../db/database.js';
import type { Ctx } from '../../lib/context.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { containsText, toJson } from '../../lib/sql.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The organisation whose admins may read this entry. */
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Why the change was made, where the product asks for one. */
  reason?: string | null;
  note?: string | null;
}

/** Writes one audit entry on the given executor: call it inside the transaction of the change. */
export async function recordAudit(ctx: Pick<Ctx, 'db' | 'actor' | 'requestId' | 'ip'>, entry: AuditInput): Promise<void> {
  await ctx.db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      // The command line and callers without an account (a share link's visitor) have no user id.
      actor_user_id: ctx.actor.email === 'system' || !ctx.actor.userId ? null : ctx.actor.userId,
      actor_email: ctx.actor.email || null,
      actor_name: ctx.actor.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      organisation_id: entry.organisationId ?? null,
      before_json: toJson(entry.before),
      after_json: toJson(entry.after),
      ip: ctx.ip,
      request_id: ctx.requestId,
      reason: entry.reason ?? null,
      note: entry.note ?? null,
    })
    .execute();
}

export interface AuditFilter {
  organisationIds?: string[];
  actorUserId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

function filtered(db: Database, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.organisationIds) q = q.where('organisation_id', 'in', f.organisationIds.length ? f.organisationIds : ['']);
  if (f.actorUserId) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.action) q = q.where((eb) => containsText(eb.ref('action'), f.action as string));
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00.000Z`);
  // `to` is inclusive of the whole day.
  if (f.to) q = q.where('at', '<', `${f.to}T99`);
  return q;
}

export async function countAudit(db: Database, f: AuditFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listAudit(db: Database, f: AuditFilter, limit: number, offset: number) {
  return filtered(db, f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** Streams every matching entry in pages so a large export does not load the whole log at once. */
export async function* iterateAudit(db: Database, f: AuditFilter, pageSize = 1000) {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await listAudit(db, f, pageSize, offset);
    yield* rows;
    if (rows.length < pageSize) return;
  }
}
