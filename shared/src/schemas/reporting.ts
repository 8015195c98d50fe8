import { z } from 'zod';
import { NARRATIVE_SECTIONS, SUBMISSION_STATUSES } from '../domain/submission-status.js';
import { IdSchema, IsoDateSchema, LocaleSchema, TimestampSchema, longText, shortText } from './common.js';
import { DisaggregationCategorySchema } from './disaggregations.js';
import { DIRECTIONS, INDICATOR_TYPES, TIME_AGGREGATIONS } from './results.js';

/**
 * Field reporting (issue 4): rounds, submissions, values, review, narratives, translations,
 * attachments and the import of values from XLSX or CSV.
 *
 * A value's cell is (indicator, location, options): `locationId` null means the project as a
 * whole; `optionIds` empty means the total, otherwise one option per category of the indicator,
 * in the indicator's category order (the same cell key as targets).
 */

export const ROUND_PERIOD_TYPES = ['month', 'quarter', 'semester', 'year'] as const;
export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export const NarrativeSectionSchema = z.enum(NARRATIVE_SECTIONS);

const OrgRefSchema = z.object({ id: IdSchema, name: z.string(), acronym: z.string().nullable() });
const UserRefSchema = z.object({ id: IdSchema, name: z.string() });
export const RoundLocationSchema = z.object({ id: IdSchema, pcode: z.string(), name: z.string(), level: z.string() });

// ── Rounds ───────────────────────────────────────────────────────────────────────────────

/** One organisation's package in a round, as the completeness board shows it. */
export const SubmissionSummarySchema = z.object({
  id: IdSchema,
  roundId: IdSchema,
  organisation: OrgRefSchema,
  status: SubmissionStatusSchema,
  version: z.number().int(),
  locationIds: z.array(IdSchema),
  submittedAt: TimestampSchema.nullable(),
  submittedBy: UserRefSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  decidedBy: UserRefSchema.nullable(),
  /** Cells with a value, and cells the round asks for (totals of every indicator × location). */
  filledCount: z.number().int(),
  expectedCount: z.number().int(),
  /** Not yet submitted (draft, returned or reopened) and the due date has passed. */
  late: z.boolean(),
  /** Review comments not yet resolved. */
  openComments: z.number().int(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;

export const RoundSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  projectCode: z.string(),
  projectTitle: z.string(),
  periodType: z.enum(ROUND_PERIOD_TYPES),
  periodKey: z.string(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  dueDate: IsoDateSchema,
  title: z.string(),
  status: z.enum(['open', 'closed']),
  indicatorIds: z.array(IdSchema),
  /** The submissions the reader may see (a partner sees its own organisation's only). */
  submissions: z.array(SubmissionSummarySchema),
  /** The reader manages the round: edits it, sees every submission, reviews. */
  canManage: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Round = z.infer<typeof RoundSchema>;
export const RoundListSchema = z.object({ items: z.array(RoundSchema) });

const reporterInput = z.strictObject({
  organisationId: IdSchema,
  /** Locations of the project this organisation reports for; empty = the project as a whole. */
  locationIds: z.array(IdSchema).max(5_000).default([]),
});

export const CreateRoundBody = z.strictObject({
  periodType: z.enum(ROUND_PERIOD_TYPES),
  /** A period key of that type within the project's dates, e.g. `2026-Q3` or `FY2027-Q1`. */
  periodKey: z.string().trim().min(1).max(20),
  dueDate: IsoDateSchema,
  title: z.string().trim().max(200).default(''),
  /** Default: every indicator of the project's framework. */
  indicatorIds: z.array(IdSchema).max(1_000).optional(),
  reporters: z.array(reporterInput).min(1).max(200),
});
export type CreateRoundInput = z.input<typeof CreateRoundBody>;

export const UpdateRoundBody = z.strictObject({
  dueDate: IsoDateSchema.optional(),
  title: z.string().trim().max(200).optional(),
  status: z.enum(['open', 'closed']).optional(),
  /** Adds organisations, or changes the locations of those whose package is still editable. */
  reporters: z.array(reporterInput).max(200).optional(),
});

/** The periods a new round can cover for a project, by type, with those already taken. */
export const RoundOptionsSchema = z.object({
  periods: z.array(z.object({ type: z.enum(ROUND_PERIOD_TYPES), key: z.string(), start: IsoDateSchema, end: IsoDateSchema, taken: z.boolean() })),
  organisations: z.array(OrgRefSchema.extend({ roles: z.array(z.string()) })),
  locations: z.array(RoundLocationSchema),
  indicators: z.array(z.object({ id: IdSchema, code: z.string(), name: z.string(), frequency: z.string() })),
});

// ── The reader's reporting work (home page) ─────────────────────────────────────────────

export const MyReportingItemSchema = z.object({
  submissionId: IdSchema,
  roundId: IdSchema,
  projectId: IdSchema,
  projectCode: z.string(),
  projectTitle: z.string(),
  periodKey: z.string(),
  dueDate: IsoDateSchema,
  organisation: OrgRefSchema,
  status: SubmissionStatusSchema,
  /** Days until the due date; negative when overdue. */
  daysLeft: z.number().int(),
  openComments: z.number().int(),
});

export const MyReportingSchema = z.object({
  /** Packages the reader fills: not yet submitted, due date ahead. */
  due: z.array(MyReportingItemSchema),
  /** Packages the reader fills, past their due date. */
  overdue: z.array(MyReportingItemSchema),
  /** Sent back by a reviewer, waiting for the reader's corrections. */
  returned: z.array(MyReportingItemSchema),
  /** Submitted packages the reader may review (never their own). */
  toReview: z.array(MyReportingItemSchema),
  /** Open rounds the reader manages, with their completeness. */
  rounds: z.array(
    z.object({
      roundId: IdSchema,
      projectId: IdSchema,
      projectCode: z.string(),
      periodKey: z.string(),
      dueDate: IsoDateSchema,
      total: z.number().int(),
      submitted: z.number().int(),
      approved: z.number().int(),
      late: z.number().int(),
    }),
  ),
  /** Reminders sent to the reader's organisation (shown in the app whether or not e-mail is configured). */
  reminders: z.array(z.object({ roundId: IdSchema, projectCode: z.string(), periodKey: z.string(), kind: z.enum(['before_due', 'overdue']), sentAt: TimestampSchema })),
});
export type MyReporting = z.infer<typeof MyReportingSchema>;

// ── A submission ─────────────────────────────────────────────────────────────────────────

export const CellKeySchema = z.object({
  indicatorId: IdSchema,
  locationId: IdSchema.nullable(),
  optionIds: z.array(IdSchema),
});

export const IndicatorValueSchema = CellKeySchema.extend({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  text: z.string().nullable(),
  comment: z.string(),
  updatedAt: TimestampSchema,
  updatedBy: UserRefSchema,
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const SubmissionIndicatorSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  type: z.enum(INDICATOR_TYPES),
  direction: z.enum(DIRECTIONS),
  resultNode: z.object({ id: IdSchema, code: z.string(), title: z.string(), level: z.number().int() }),
  categories: z.array(DisaggregationCategorySchema),
  /** Only indicators summed over time are checked for breakdowns adding up to the total (submission-checks.ts). */
  timeAggregation: z.enum(TIME_AGGREGATIONS).optional(),
});
export type SubmissionIndicator = z.infer<typeof SubmissionIndicatorSchema>;

export const ReviewCommentSchema = z.object({
  id: IdSchema,
  /** Null: on the whole package. */
  cell: CellKeySchema.nullable(),
  body: z.string(),
  author: UserRefSchema,
  createdAt: TimestampSchema,
  resolvedAt: TimestampSchema.nullable(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const SubmissionEventSchema = z.object({
  id: IdSchema,
  action: z.enum(['submit', 'return', 'approve', 'reopen']),
  fromStatus: SubmissionStatusSchema,
  toStatus: SubmissionStatusSchema,
  comment: z.string(),
  user: UserRefSchema,
  at: TimestampSchema,
});

/** A value far from its location's history: shown to the reviewer, never blocking. */
export const OutlierFlagSchema = CellKeySchema.extend({
  reason: z.enum(['beyond_3sd', 'more_than_double', 'less_than_half']),
  value: z.number(),
  /** The comparison: the mean of the history, or last period's value. */
  reference: z.number(),
});

/** A check on entry or on submit (shared/src/domain/submission-checks.ts); `severity` error blocks submitting. */
export const EntryProblemSchema = z.object({
  cell: CellKeySchema.nullable(),
  /** Narrative section, for a missing narrative. */
  section: NarrativeSectionSchema.nullable(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type EntryProblem = z.infer<typeof EntryProblemSchema>;

export const SubmissionDetailSchema = z.object({
  submission: SubmissionSummarySchema.extend({ sourceLanguage: LocaleSchema }),
  round: RoundSchema.omit({ submissions: true }),
  indicators: z.array(SubmissionIndicatorSchema),
  locations: z.array(RoundLocationSchema),
  values: z.array(IndicatorValueSchema),
  comments: z.array(ReviewCommentSchema),
  events: z.array(SubmissionEventSchema),
  flags: z.array(OutlierFlagSchema),
  /** The reader may change values, narratives and attachments (own organisation, editable status). */
  canEdit: z.boolean(),
  /** The reader may approve or return (a reviewer who did not submit it, package submitted). */
  canReview: z.boolean(),
  canReopen: z.boolean(),
  /** The reader may comment on values (reviewers). */
  canComment: z.boolean(),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;

/** One cell's new content; every field null (and an empty comment) clears the cell. */
export const ValueChangeSchema = z.strictObject({
  indicatorId: IdSchema,
  locationId: IdSchema.nullable(),
  optionIds: z.array(IdSchema).max(6).default([]),
  value: z.number().finite().nullable().default(null),
  numerator: z.number().finite().nullable().default(null),
  denominator: z.number().finite().nullable().default(null),
  text: z.string().trim().max(5_000).nullable().default(null),
  comment: z.string().trim().max(2_000).default(''),
});
export type ValueChange = z.input<typeof ValueChangeSchema>;

/** A draft save: only the cells that changed. Send an `Idempotency-Key` header: a retried save acts once. */
export const SaveValuesBody = z.strictObject({ changes: z.array(ValueChangeSchema).min(1).max(20_000) });
export const SaveValuesResult = z.object({
  saved: z.number().int(),
  /** Warnings after the save (totals that do not add up, outliers…); errors are refused with 400. */
  problems: z.array(EntryProblemSchema),
  updatedAt: TimestampSchema,
});

/** Every review action names the version the reviewer saw: a stale version answers 409 conflict. */
export const SubmitBody = z.strictObject({ version: z.number().int().min(1) });
export const ReturnBody = z.strictObject({
  version: z.number().int().min(1),
  comment: shortText(5_000),
  /** Comments on single values, added with the return. */
  valueComments: z.array(CellKeySchema.extend({ body: shortText(2_000) }).strict()).max(500).default([]),
});
export const ApproveBody = z.strictObject({ version: z.number().int().min(1), comment: longText(5_000).default('') });
export const ReopenBody = z.strictObject({ version: z.number().int().min(1), reason: shortText(2_000) });
export const AddCommentBody = z.strictObject({ cell: CellKeySchema.strict().nullable().default(null), body: shortText(2_000) });
export const ResolveCommentBody = z.strictObject({ resolved: z.boolean() });

export const ValueHistoryQuery = z.strictObject({
  indicatorId: IdSchema,
  locationId: IdSchema.optional(),
  /** Option ids joined by `|`; absent = the total. */
  options: z.string().max(400).optional(),
});
export const ValueHistorySchema = z.object({
  items: z.array(
    z.object({
      before: z.object({ value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable(), text: z.string().nullable(), comment: z.string() }).nullable(),
      after: z.object({ value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable(), text: z.string().nullable(), comment: z.string() }).nullable(),
      source: z.enum(['grid', 'import']),
      user: UserRefSchema,
      at: TimestampSchema,
    }),
  ),
});

// ── Narratives and translations ──────────────────────────────────────────────────────────

export const TranslationSchema = z.object({
  language: LocaleSchema,
  text: z.string(),
  provenance: z.enum(['machine', 'human']),
  provider: z.string().nullable(),
  reviewed: z.boolean(),
  reviewedBy: UserRefSchema.nullable(),
  /** The original changed after this translation was made. */
  outdated: z.boolean(),
  updatedAt: TimestampSchema,
  updatedBy: UserRefSchema,
});
export type Translation = z.infer<typeof TranslationSchema>;

export const NarrativeSchema = z.object({
  id: IdSchema,
  section: NarrativeSectionSchema,
  resultNodeId: IdSchema.nullable(),
  language: LocaleSchema,
  text: z.string(),
  updatedAt: TimestampSchema,
  updatedBy: UserRefSchema,
  translations: z.array(TranslationSchema),
});
export type Narrative = z.infer<typeof NarrativeSchema>;

export const NarrativeListSchema = z.object({
  items: z.array(NarrativeSchema),
  /** A LibreTranslate-compatible provider is configured (TRANSLATE_URL). */
  machineTranslation: z.boolean(),
  canEdit: z.boolean(),
  /** The reader may write, request and mark translations reviewed. */
  canTranslate: z.boolean(),
});
export type NarrativeList = z.infer<typeof NarrativeListSchema>;

/** Saves narrative sections in the submission's source language; an empty text removes the section. */
export const SaveNarrativesBody = z.strictObject({
  language: LocaleSchema,
  sections: z
    .array(z.strictObject({ section: NarrativeSectionSchema, resultNodeId: IdSchema.nullable().default(null), text: longText(20_000) }))
    .max(400),
});

export const NarrativeLanguageParams = z.strictObject({ id: IdSchema, language: LocaleSchema });
export const PutTranslationBody = z.strictObject({ text: longText(20_000).min(1) });
export const ReviewTranslationBody = z.strictObject({ reviewed: z.boolean() });

// ── Attachments ──────────────────────────────────────────────────────────────────────────

/** Evidence types accepted (checked on the server from the content, not the name). */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const AttachmentSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  description: z.string(),
  uploadedBy: UserRefSchema,
  createdAt: TimestampSchema,
});
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema), canEdit: z.boolean() });
/** The file is the raw request body; its name and a description travel in the query. */
export const UploadAttachmentQuery = z.strictObject({ name: shortText(200), description: z.string().trim().max(500).default('') });

// ── Import of values (XLSX template or CSV) ──────────────────────────────────────────────

/** The file is the raw request body (XLSX, or CSV in UTF-8, UTF-8 with BOM or Windows-1252; comma, semicolon or tab separated). */
export const ImportValuesQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
export const ImportValuesResult = z.object({
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  cleared: z.number().int(),
  unchanged: z.number().int(),
  /** Warnings after the import (totals that do not add up…), as on a grid save. */
  problems: z.array(EntryProblemSchema),
});
export type ImportValuesResultT = z.infer<typeof ImportValuesResult>;

// ── Values as later tables read them ─────────────────────────────────────────────────────

export const IndicatorValuesQuery = z.strictObject({
  /** Include values of packages not yet approved, marked pending. Ignored for readers who see approved data only. */
  includePending: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const ReportedValueSchema = z.object({
  submissionId: IdSchema,
  roundId: IdSchema,
  periodKey: z.string(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  organisation: OrgRefSchema,
  locationId: IdSchema.nullable(),
  optionIds: z.array(IdSchema),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  text: z.string().nullable(),
  status: z.enum(['approved', 'pending']),
});
export const ReportedValuesSchema = z.object({ items: z.array(ReportedValueSchema), includesPending: z.boolean() });
