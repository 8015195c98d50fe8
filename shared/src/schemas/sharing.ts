import { z } from 'zod';
import { IdSchema, IsoDateSchema, shortText, TimestampSchema } from './common.js';
import { GRANULARITIES, IpttSchema } from './monitoring.js';
import { ProjectSchema } from './projects.js';
import { REPORT_FORMATS } from './reports.js';

/**
 * Share links (issue 6): an expiring, revocable read-only link for a donor without an account,
 * to one generated report of a project or to the project's live approved results. The token in the
 * link is shown once when made; only its SHA-256 is kept. Every access is counted and audited.
 */
export const SHARE_KINDS = ['report', 'project'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
export const SHARE_LINK_MAX_DAYS = 90;
export const SHARE_LINK_DEFAULT_DAYS = 30;

export const SHARE_LINK_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ShareLinkStatus = (typeof SHARE_LINK_STATUSES)[number];

const linkFields = {
  expiresInDays: z.number().int().min(1).max(SHARE_LINK_MAX_DAYS).default(SHARE_LINK_DEFAULT_DAYS),
  /** Who the link is for, e.g. "ECHO desk officer". */
  label: shortText(120),
};

export const CreateShareLinkBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('report'), reportId: IdSchema, ...linkFields }),
  z.strictObject({ kind: z.literal('project'), projectId: IdSchema, ...linkFields }),
]);
export type CreateShareLinkInput = z.input<typeof CreateShareLinkBody>;

export const ShareLinkSchema = z.object({
  id: IdSchema,
  kind: z.enum(SHARE_KINDS),
  projectId: IdSchema,
  /** The shared report (kind report). */
  report: z.object({ id: IdSchema, title: z.string(), periodStart: IsoDateSchema, periodEnd: IsoDateSchema }).nullable(),
  label: z.string(),
  status: z.enum(SHARE_LINK_STATUSES),
  createdAt: TimestampSchema,
  createdByName: z.string().nullable(),
  expiresAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
  revokedByName: z.string().nullable(),
  lastAccessedAt: TimestampSchema.nullable(),
  accessCount: z.number().int(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

/** A new link with its address: the only answer that ever carries the token. */
export const CreatedShareLinkSchema = ShareLinkSchema.extend({ url: z.string() });
export type CreatedShareLink = z.infer<typeof CreatedShareLinkSchema>;

export const ShareLinkListQuery = z.strictObject({ projectId: IdSchema });
export const ShareLinkListSchema = z.object({ items: z.array(ShareLinkSchema) });

// ---------------------------------------------------------------------------------------------
// What a link shows, to anyone holding it (no account)

/** Any text: an unknown token answers 404 like an expired one, never 400, so nothing is learnt from its shape. */
export const SharedTokenParams = z.strictObject({ token: z.string().max(200) });
export const SharedFileParams = z.strictObject({ token: z.string().max(200), format: z.enum(REPORT_FORMATS) });
export const SharedViewQuery = z.strictObject({ granularity: z.enum(GRANULARITIES).default('quarter') });

export const SharedProjectSchema = ProjectSchema.pick({
  code: true,
  title: true,
  description: true,
  startDate: true,
  endDate: true,
  countries: true,
  donor: true,
  leadOrganisation: true,
  implementingOrganisations: true,
});

const sharedCommon = {
  /** The organisation that shares (the owner of the project's programme). */
  organisationName: z.string(),
  label: z.string(),
  expiresAt: TimestampSchema,
  project: SharedProjectSchema,
};

export const SharedViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('report'),
    ...sharedCommon,
    report: z.object({ title: z.string(), periodStart: IsoDateSchema, periodEnd: IsoDateSchema, language: z.string(), finishedAt: TimestampSchema.nullable() }),
    files: z.array(z.object({ format: z.enum(REPORT_FORMATS), fileName: z.string(), size: z.number().int(), downloadUrl: z.string() })),
  }),
  z.object({ kind: z.literal('project'), ...sharedCommon, iptt: IpttSchema }),
]);
export type SharedView = z.infer<typeof SharedViewSchema>;
