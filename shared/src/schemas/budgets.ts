import { z } from 'zod';
import { IdSchema, IsoDateSchema, TimestampSchema, longText, shortText } from './common.js';

/**
 * Budgets (issue 7): a project's (or one funding agreement's) budget with versioned lines. Version
 * 1 is the original; later numbers are revisions, copied from the version in force and submitted
 * through a change request. Money is integer minor units of the budget's currency (`*Minor`
 * fields); quantities are decimal strings. The server recomputes every total: a line's total is
 * quantity × unit cost (rounded half away from zero) and its period amounts must add up to it.
 */
export const BUDGET_CATEGORIES = ['personnel', 'travel', 'equipment', 'supplies', 'contractual', 'other_direct', 'indirect'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const BUDGET_PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type BudgetPeriodType = (typeof BUDGET_PERIOD_TYPES)[number];

export const BUDGET_VERSION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'superseded'] as const;
export type BudgetVersionStatus = (typeof BUDGET_VERSION_STATUSES)[number];

export const MAX_BUDGET_LINES = 500;

const CurrencyCode = z.string().regex(/^[A-Z]{3}$/);
const MinorAmount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const UserRefSchema = z.object({ id: IdSchema, name: z.string() }).nullable();
const VersionField = z.number().int().positive();

export const CreateBudgetBody = z.strictObject({
  title: shortText(200),
  /** Defaults to the project's currency. */
  currency: CurrencyCode.optional(),
  /** Default to the project's dates. */
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
  periodType: z.enum(BUDGET_PERIOD_TYPES).default('quarter'),
  /** One of the project's funding agreements, for a grant's budget. */
  agreementId: IdSchema.nullable().default(null),
  /** An expenditure at or above this amount (minor units) needs a second approver; null: never. */
  secondApprovalThresholdMinor: MinorAmount.nullable().default(null),
  varianceThresholdPct: z.number().int().min(0).max(1000).default(10),
});
export type CreateBudgetInput = z.input<typeof CreateBudgetBody>;

/** Settings. Currency, period type and dates change only while no version has been approved. */
export const UpdateBudgetBody = z.strictObject({
  version: VersionField,
  title: shortText(200),
  currency: CurrencyCode,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  periodType: z.enum(BUDGET_PERIOD_TYPES),
  agreementId: IdSchema.nullable(),
  secondApprovalThresholdMinor: MinorAmount.nullable(),
  varianceThresholdPct: z.number().int().min(0).max(1000),
});
export type UpdateBudgetInput = z.input<typeof UpdateBudgetBody>;

export const DeleteBudgetQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/** One line of a draft as the editor sends it. Category and quantity are checked by the service, with every other problem at once. */
export const BudgetLineInput = z.strictObject({
  /** The stable line (kept across versions, expenditures point to it); absent for a new line. */
  lineId: IdSchema.optional(),
  code: shortText(20),
  category: z.string().max(40),
  description: shortText(500),
  unit: z.string().trim().max(60).default(''),
  /** A decimal string: "12", "2.5" (at most 4 decimals). */
  quantity: z.string().trim().max(30),
  unitCostMinor: MinorAmount,
  resultNodeId: IdSchema.nullable().default(null),
  activityId: IdSchema.nullable().default(null),
  note: z.string().trim().max(2000).default(''),
  /** Minor units per period key (`2026-Q2`, `FY2027-Q1`, `2026-03`); missing keys are zero. */
  amounts: z.record(z.string().max(20), MinorAmount).default({}),
});
export type BudgetLineInput = z.input<typeof BudgetLineInput>;

export const ReplaceBudgetLinesBody = z.strictObject({
  /** The draft version's `version` as read (409 `stale_version` when someone saved in between). */
  version: VersionField,
  lines: z.array(BudgetLineInput).max(MAX_BUDGET_LINES),
});
export type ReplaceBudgetLinesInput = z.input<typeof ReplaceBudgetLinesBody>;

export const SubmitBudgetVersionBody = z.strictObject({ reason: longText(2_000).default(''), version: VersionField.optional() });
export const ApproveBudgetVersionBody = z.strictObject({ note: longText(2_000).default(''), version: VersionField });
export const RejectBudgetVersionBody = z.strictObject({ note: longText(2_000).min(1), version: VersionField });
export const CreateRevisionBody = z.strictObject({ reason: longText(2_000).min(1) });

export const BudgetDetailQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

export const BudgetVersionSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  /** Number 1 is the original; higher numbers are revisions. */
  kind: z.enum(['original', 'revision']),
  status: z.enum(BUDGET_VERSION_STATUSES),
  /** The version in force (budgets.current_version). */
  inForce: z.boolean(),
  reason: z.string(),
  submittedBy: UserRefSchema,
  submittedAt: TimestampSchema.nullable(),
  decidedBy: UserRefSchema,
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string(),
  /** The change request a revision was submitted with. */
  changeRequestId: IdSchema.nullable(),
  totalMinor: z.number().int(),
  /** Optimistic concurrency token for writes on this version. */
  version: z.number().int(),
  createdAt: TimestampSchema,
});
export type BudgetVersion = z.infer<typeof BudgetVersionSchema>;

export const BudgetSummarySchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  agreement: z.object({ id: IdSchema, agreementNumber: z.string(), title: z.string() }).nullable(),
  title: z.string(),
  currency: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  periodType: z.enum(BUDGET_PERIOD_TYPES),
  secondApprovalThresholdMinor: z.number().int().nullable(),
  varianceThresholdPct: z.number().int(),
  /** Number of the approved version in force; null until the original is approved. */
  currentVersion: z.number().int().nullable(),
  /** Total of the version in force, or of the latest version when none is in force yet. */
  totalMinor: z.number().int(),
  latestVersion: z.object({ id: IdSchema, number: z.number().int(), status: z.enum(BUDGET_VERSION_STATUSES) }),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type BudgetSummary = z.infer<typeof BudgetSummarySchema>;

export const BudgetListSchema = z.object({
  items: z.array(BudgetSummarySchema),
  canCreate: z.boolean(),
  /** Defaults for the "New budget" form. */
  defaults: z.object({ currency: z.string(), startDate: IsoDateSchema, endDate: IsoDateSchema }),
  agreements: z.array(z.object({ id: IdSchema, agreementNumber: z.string(), title: z.string() })),
});
export type BudgetList = z.infer<typeof BudgetListSchema>;

export const BudgetPeriodSchema = z.object({ key: z.string(), start: IsoDateSchema, end: IsoDateSchema, label: z.string() });
export type BudgetPeriod = z.infer<typeof BudgetPeriodSchema>;

const NodeRefSchema = z.object({ id: IdSchema, code: z.string(), title: z.string() });

export const BudgetLineSchema = z.object({
  lineId: IdSchema,
  code: z.string(),
  category: z.enum(BUDGET_CATEGORIES),
  description: z.string(),
  unit: z.string(),
  quantity: z.string(),
  unitCostMinor: z.number().int(),
  totalMinor: z.number().int(),
  resultNode: NodeRefSchema.nullable(),
  activity: NodeRefSchema.nullable(),
  note: z.string(),
  /** Minor units per period key; every period of the budget is present (0 when nothing). */
  amounts: z.record(z.string(), z.number().int()),
  /** Expenditures recorded against the line (any status): it cannot be removed. */
  expenditureCount: z.number().int(),
  /** For a revision: the line's total in the original and in the version in force (null when not in it). */
  originalTotalMinor: z.number().int().nullable(),
  currentTotalMinor: z.number().int().nullable(),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const BudgetTotalsSchema = z.object({
  totalMinor: z.number().int(),
  byCategory: z.array(
    z.object({
      category: z.enum(BUDGET_CATEGORIES),
      totalMinor: z.number().int(),
      originalTotalMinor: z.number().int().nullable(),
      currentTotalMinor: z.number().int().nullable(),
    }),
  ),
  byPeriod: z.array(z.object({ periodKey: z.string(), totalMinor: z.number().int() })),
  /** For a revision: grand totals of the original and of the version in force. */
  originalTotalMinor: z.number().int().nullable(),
  currentTotalMinor: z.number().int().nullable(),
});
export type BudgetTotals = z.infer<typeof BudgetTotalsSchema>;

export const BudgetDetailSchema = z.object({
  budget: BudgetSummarySchema,
  versions: z.array(BudgetVersionSchema),
  /** The version shown: asked for, else the one in force, else the latest draft. */
  selected: BudgetVersionSchema,
  lines: z.array(BudgetLineSchema),
  /** For a revision: lines of the original or of the version in force that this version removes. */
  removedLines: z.array(
    z.object({ lineId: IdSchema, code: z.string(), description: z.string(), category: z.enum(BUDGET_CATEGORIES), originalTotalMinor: z.number().int().nullable(), currentTotalMinor: z.number().int().nullable() }),
  ),
  /** The numbers compared with, for a revision (null otherwise). */
  comparison: z.object({ originalNumber: z.number().int(), currentNumber: z.number().int().nullable() }).nullable(),
  totals: BudgetTotalsSchema,
  periods: z.array(BudgetPeriodSchema),
  /** What the reader may do now (the server checks again). */
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
  canRevise: z.boolean(),
  /** Change settings; currency, period type and dates only while `canChangeStructure`. */
  canEditSettings: z.boolean(),
  canChangeStructure: z.boolean(),
  canDelete: z.boolean(),
  /** The selected draft revision can be submitted through a change request by the reader. */
  canRequestChange: z.boolean(),
  options: z.object({
    resultNodes: z.array(NodeRefSchema.extend({ level: z.number().int() })),
    activities: z.array(NodeRefSchema.extend({ workPlanTitle: z.string() })),
    agreements: z.array(z.object({ id: IdSchema, agreementNumber: z.string(), title: z.string() })),
  }),
});
export type BudgetDetail = z.infer<typeof BudgetDetailSchema>;
