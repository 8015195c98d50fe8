import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuery, pageOf, TimestampSchema } from './common.js';

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  actorUserId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** Verb in `entity.verb` form, e.g. `project.update`, `auth.login_failed`. */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  organisationId: IdSchema.nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  /** Why the change was made, where one is required (e.g. `donor_requirement`), with a free note. */
  reason: z.string().nullable(),
  note: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ListAuditQuery = z.strictObject({
  /** Entries about one organisation; an organisation admin sees only their own organisations'. */
  organisationId: IdSchema.optional(),
  actorUserId: IdSchema.optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  ...PageQuery,
});
export const AuditPage = pageOf(AuditEntrySchema);
