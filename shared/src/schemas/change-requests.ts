import { z } from 'zod';
import { CHANGE_KINDS } from '../plans-roles.js';
import { IdSchema, IsoDateSchema, TimestampSchema, longText, shortText } from './common.js';

/**
 * Change requests (issue 7): a formal adjustment to an indicator's targets, to the work plan's
 * activities or to the budget (a revision), with what changes, why and its impact. Someone other
 * than the requester approves or rejects it; approval applies the change in the same transaction.
 * Numbered per project: CR-1, CR-2, …
 */
export { CHANGE_KINDS, type ChangeKind } from '../plans-roles.js';

export const CHANGE_REQUEST_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** One target cell to set: an indicator of the project's framework, a period key (or `LOP` for a breakdown), a place or all, a disaggregation key ('' = total). */
export const TargetChangeSchema = z.strictObject({
  indicatorId: IdSchema,
  periodKey: z.string().trim().min(1).max(20),
  locationId: IdSchema.nullable().default(null),
  /** Option ids joined by `|` in the indicator's category order; '' is the total. */
  disaggregationKey: z.string().max(300).default(''),
  /** The new target; null removes the target of that cell. */
  value: z.number().finite().nullable(),
});
export type TargetChange = z.infer<typeof TargetChangeSchema>;

/** New planned dates of an activity, or its cancellation. */
export const PlanChangeSchema = z.strictObject({
  activityId: IdSchema,
  plannedStart: IsoDateSchema.optional(),
  plannedEnd: IsoDateSchema.optional(),
  cancel: z.boolean().optional(),
});
export type PlanChange = z.infer<typeof PlanChangeSchema>;

/** A draft budget revision (version number ≥ 2) of one of the project's budgets. */
export const BudgetChangeSchema = z.strictObject({ budgetVersionId: IdSchema });
export type BudgetChange = z.infer<typeof BudgetChangeSchema>;

const textFields = {
  title: shortText(200),
  /** What changes. */
  description: longText(5_000).min(1),
  /** Why. */
  justification: longText(5_000).min(1),
  impact: longText(5_000).default(''),
};

export const CreateChangeRequestBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('targets'), ...textFields, changes: z.array(TargetChangeSchema).min(1).max(2_000) }),
  z.strictObject({ kind: z.literal('plan'), ...textFields, changes: z.array(PlanChangeSchema).min(1).max(500) }),
  z.strictObject({ kind: z.literal('budget'), ...textFields, changes: BudgetChangeSchema }),
]);
export type CreateChangeRequestBody = z.infer<typeof CreateChangeRequestBody>;

export const ChangeRequestListQuery = z.strictObject({
  kind: z.enum(CHANGE_KINDS).optional(),
  status: z.enum(CHANGE_REQUEST_STATUSES).optional(),
});

export const ApproveChangeRequestBody = z.strictObject({ note: longText(2_000).default(''), version: z.number().int().min(1) });
export const RejectChangeRequestBody = z.strictObject({ note: longText(2_000).min(1), version: z.number().int().min(1) });
export const WithdrawChangeRequestBody = z.strictObject({ note: longText(2_000).default(''), version: z.number().int().min(1) });

const UserRefSchema = z.object({ id: IdSchema, name: z.string() }).nullable();

export const ChangeRequestSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  number: z.number().int(),
  /** `CR-3` */
  reference: z.string(),
  kind: z.enum(CHANGE_KINDS),
  title: z.string(),
  description: z.string(),
  justification: z.string(),
  impact: z.string(),
  /** As submitted: an array of target or plan changes, or `{ budgetVersionId }`. */
  changes: z.union([z.array(TargetChangeSchema), z.array(PlanChangeSchema), BudgetChangeSchema]),
  status: z.enum(CHANGE_REQUEST_STATUSES),
  requestedBy: UserRefSchema,
  requestedAt: TimestampSchema,
  decidedBy: UserRefSchema,
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string(),
  appliedAt: TimestampSchema.nullable(),
  version: z.number().int(),
  /** What the reader may do now (the server checks again). */
  canApprove: z.boolean(),
  canReject: z.boolean(),
  canWithdraw: z.boolean(),
});
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;

export const ChangeRequestListSchema = z.object({
  items: z.array(ChangeRequestSchema),
  /** Kinds the reader may request on this project. */
  canRequest: z.array(z.enum(CHANGE_KINDS)),
});
export type ChangeRequestList = z.infer<typeof ChangeRequestListSchema>;

const LocationRefSchema = z.object({ id: IdSchema, pcode: z.string(), name: z.string() }).nullable();

export const TargetPreviewRowSchema = z.object({
  indicatorId: IdSchema,
  indicatorCode: z.string(),
  indicatorName: z.string(),
  periodKey: z.string(),
  location: LocationRefSchema,
  disaggregationKey: z.string(),
  /** Option labels of the key, in category order (empty for the total). */
  options: z.array(z.string()),
  before: z.number().nullable(),
  after: z.number().nullable(),
});

const PlannedSchema = z.object({ plannedStart: z.string(), plannedEnd: z.string(), status: z.string() });
export const PlanPreviewRowSchema = z.object({
  activityId: IdSchema,
  code: z.string(),
  title: z.string(),
  workPlanTitle: z.string(),
  before: PlannedSchema,
  after: PlannedSchema,
});

export const BudgetPreviewSchema = z.object({
  budgetId: IdSchema,
  budgetTitle: z.string(),
  currency: z.string(),
  /** The revision's number and status. */
  versionNumber: z.number().int(),
  versionStatus: z.string(),
  /** The version the revision is compared with: the one in force (or, once applied, the one it replaced). */
  baseNumber: z.number().int().nullable(),
  lines: z.array(
    z.object({
      lineId: IdSchema,
      code: z.string(),
      description: z.string(),
      /** Minor units of the budget currency; null when the line is not in that version. */
      beforeMinor: z.number().int().nullable(),
      afterMinor: z.number().int().nullable(),
    }),
  ),
  totalBeforeMinor: z.number().int(),
  totalAfterMinor: z.number().int(),
});

/** Before → after of every change, from the current data (once applied: as it was when applied). */
export const ChangeRequestPreviewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('targets'), rows: z.array(TargetPreviewRowSchema) }),
  z.object({ kind: z.literal('plan'), rows: z.array(PlanPreviewRowSchema) }),
  z.object({ kind: z.literal('budget'), budget: BudgetPreviewSchema.nullable() }),
]);
export type ChangeRequestPreview = z.infer<typeof ChangeRequestPreviewSchema>;

export const ChangeRequestDetailSchema = ChangeRequestSchema.extend({ preview: ChangeRequestPreviewSchema });
export type ChangeRequestDetail = z.infer<typeof ChangeRequestDetailSchema>;

/** What the "New change request" dialog offers: the project's indicators, activities and draft budget revisions. */
export const ChangeRequestOptionsSchema = z.object({
  indicators: z.array(z.object({ id: IdSchema, code: z.string(), name: z.string() })),
  activities: z.array(
    z.object({
      id: IdSchema,
      code: z.string(),
      title: z.string(),
      status: z.string(),
      plannedStart: z.string(),
      plannedEnd: z.string(),
      workPlan: z.object({ id: IdSchema, title: z.string(), year: z.number().int(), startDate: z.string(), endDate: z.string() }),
    }),
  ),
  /** Empty for readers who may not see money. */
  draftRevisions: z.array(z.object({ id: IdSchema, number: z.number().int(), budgetId: IdSchema, budgetTitle: z.string(), currency: z.string() })),
  canRequest: z.array(z.enum(CHANGE_KINDS)),
});
export type ChangeRequestOptions = z.infer<typeof ChangeRequestOptionsSchema>;
