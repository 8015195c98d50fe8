import { stringify } from 'csv-stringify';
import type { z } from 'zod';
import type { AuditEntry, ListAuditQuery } from '@shared/schemas/index.js';
import type { AuditLogTable } from '../../db/schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { safeCell } from '../../lib/csv-safe.js';
import { fromJson } from '../../lib/sql.js';
import { ADMINS, grantedScopeIds, isInstallationAdmin } from '../access/access.policy.js';
import { type AuditFilter, countAudit, iterateAudit, listAudit, recordAudit } from './audit.repository.js';

const toEntry = (r: AuditLogTable): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorUserId: r.actor_user_id,
  actorName: r.actor_name,
  actorEmail: r.actor_email,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  organisationId: r.organisation_id,
  before: fromJson(r.before_json),
  after: fromJson(r.after_json),
  ip: r.ip,
  requestId: r.request_id,
  reason: r.reason,
  note: r.note,
});

/** Installation admins read the whole log; an organisation admin reads the entries about their organisation. */
function scopedFilter(ctx: Ctx, query: z.infer<typeof ListAuditQuery>): AuditFilter {
  const { limit: _l, offset: _o, organisationId, ...filter } = query;
  if (isInstallationAdmin(ctx.actor)) return { ...filter, ...(organisationId ? { organisationIds: [organisationId] } : {}) };
  const orgs = grantedScopeIds(ctx.actor, 'organisation', ADMINS);
  if (orgs.length === 0 || (organisationId && !orgs.includes(organisationId))) throw new AppError('forbidden');
  return { ...filter, organisationIds: organisationId ? [organisationId] : orgs };
}

export async function listAuditEntries(ctx: Ctx, query: z.infer<typeof ListAuditQuery>) {
  const filter = scopedFilter(ctx, query);
  const [rows, total] = await Promise.all([listAudit(ctx.db, filter, query.limit, query.offset), countAudit(ctx.db, filter)]);
  return { items: rows.map(toEntry), total };
}

const COLUMNS = ['at', 'actor_name', 'actor_email', 'action', 'entity_type', 'entity_id', 'organisation_id', 'before', 'after', 'ip', 'request_id'];

/** The filtered log as CSV, streamed page by page, every cell safe to open in a spreadsheet. */
export async function exportAuditCsv(ctx: Ctx, query: z.infer<typeof ListAuditQuery>) {
  const filter = scopedFilter(ctx, query);
  // Reading the log out of the system is itself worth a line in it.
  await recordAudit(ctx, { action: 'audit.export', entityType: 'audit_log', organisationId: filter.organisationIds?.length === 1 ? filter.organisationIds[0] : null, after: filter });
  const csv = stringify({ header: true, columns: COLUMNS, bom: true });
  void (async () => {
    try {
      for await (const r of iterateAudit(ctx.db, filter)) {
        const row = [r.at, r.actor_name, r.actor_email, r.action, r.entity_type, r.entity_id, r.organisation_id, r.before_json, r.after_json, r.ip, r.request_id];
        if (!csv.write(row.map(safeCell))) await new Promise((resolve) => csv.once('drain', resolve));
      }
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return csv;
}
