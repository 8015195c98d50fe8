import { z } from 'zod';
import { IdSchema, IsoDateSchema, shortText, TimestampSchema } from './common.js';

/**
 * Expenditures against budget lines (issue 7). Amounts are integer minor units of their currency;
 * the exchange rate is a decimal string: expense-currency units per ONE budget-currency unit.
 * The server recomputes the converted amount, the approvals needed and the status: the client
 * sends what was paid, never what it means for the budget.
 */
export const EXPENDITURE_STATUSES = ['submitted', 'awaiting_second_approval', 'approved', 'rejected'] as const;
export type ExpenditureStatus = (typeof EXPENDITURE_STATUSES)[number];

/** Receipts and invoices: PDF, photos (PNG, JPEG) and spreadsheets (XLSX), typed from their bytes. */
export const EXPENDITURE_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const EXPENDITURE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const EXPENDITURES_PAGE_SIZE = 50;

const CurrencyCode = z.string().regex(/^[A-Z]{3}$/);
const RateSchema = z.string().trim().min(1).max(40);

/** An amount with its currency: `{ amountMinor: 125050, currency: 'USD' }` is USD 1,250.50. */
export const ExpenditureMoneySchema = z.object({ amountMinor: z.number().int(), currency: z.string() });
export type ExpenditureMoney = z.infer<typeof ExpenditureMoneySchema>;

const fields = {
  budgetId: IdSchema,
  budgetLineId: IdSchema,
  expenseDate: IsoDateSchema,
  description: shortText(500),
  payee: shortText(200),
  invoiceRef: z.string().trim().max(100).default(''),
  /** Minor units of `currency` (XOF has none: 655957 is XOF 655,957). */
  amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCode,
  exchangeRate: RateSchema,
  rateSource: z.string().trim().max(200).default(''),
  rateDate: IsoDateSchema.nullable().default(null),
};

export const CreateExpenditureBody = z.strictObject(fields);
export type CreateExpenditureInput = z.input<typeof CreateExpenditureBody>;
export const UpdateExpenditureBody = z.strictObject({ ...fields, version: z.number().int().positive() });
export type UpdateExpenditureInput = z.input<typeof UpdateExpenditureBody>;

export const ApproveExpenditureBody = z.strictObject({ version: z.number().int().positive() });
export const RejectExpenditureBody = z.strictObject({ reason: shortText(1000), version: z.number().int().positive() });
export const WithdrawExpenditureQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

export const UploadExpenditureAttachmentQuery = z.strictObject({ name: z.string().trim().min(1).max(255) });

export const ListExpendituresQuery = z.strictObject({
  status: z.enum(EXPENDITURE_STATUSES).optional(),
  budgetId: IdSchema.optional(),
  lineId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export interface ListExpendituresFilters {
  status?: ExpenditureStatus | undefined;
  budgetId?: string | undefined;
  lineId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

const PersonRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const ExpenditureSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  budget: z.object({ id: IdSchema, title: z.string(), currency: z.string() }),
  line: z.object({ id: IdSchema, code: z.string(), description: z.string() }),
  expenseDate: z.string(),
  description: z.string(),
  payee: z.string(),
  invoiceRef: z.string(),
  amount: ExpenditureMoneySchema,
  exchangeRate: z.string(),
  rateSource: z.string(),
  rateDate: z.string().nullable(),
  /** The amount in the budget's currency, as the server converted it. */
  amountBudget: ExpenditureMoneySchema,
  status: z.enum(EXPENDITURE_STATUSES),
  approvalsRequired: z.number().int(),
  submittedBy: PersonRef,
  submittedAt: TimestampSchema,
  firstApprovedBy: PersonRef,
  firstApprovedAt: z.string().nullable(),
  approvedBy: PersonRef,
  approvedAt: z.string().nullable(),
  rejectedBy: PersonRef,
  rejectedAt: z.string().nullable(),
  rejectionReason: z.string(),
  attachment: z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() }).nullable(),
  version: z.number().int(),
  /** The reader may approve or reject it now (an approver on the project, not its submitter nor its first approver). */
  canApprove: z.boolean(),
  /** The reader may change or withdraw it now (its submitter, before any approval). */
  canEdit: z.boolean(),
  /** The reader may add or replace its receipt (a recorder, while it is not yet approved or rejected). */
  canAttach: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Expenditure = z.infer<typeof ExpenditureSchema>;

/** Something worth a second look that does not block the save (a payee's invoice recorded twice). */
export const ExpenditureWarningSchema = z.object({
  field: z.string(),
  reason: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export const SavedExpenditureSchema = ExpenditureSchema.extend({ warnings: z.array(ExpenditureWarningSchema) });
export type SavedExpenditure = z.infer<typeof SavedExpenditureSchema>;

export const ExpenditureListSchema = z.object({
  items: z.array(ExpenditureSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The reader may record expenditures on this project. */
  canRecord: z.boolean(),
});
export type ExpenditureList = z.infer<typeof ExpenditureListSchema>;

/** A line of the version in force, with what is already spent (approved) and pending, in the budget currency. */
export const ExpenditureLineOptionSchema = z.object({
  id: IdSchema,
  code: z.string(),
  category: z.string(),
  description: z.string(),
  totalMinor: z.number().int(),
  actualMinor: z.number().int(),
  pendingMinor: z.number().int(),
  /** total − actual − pending: what is left to commit. */
  remainingMinor: z.number().int(),
});
export const ExpenditureBudgetOptionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  currency: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  secondApprovalThresholdMinor: z.number().int().nullable(),
  versionNumber: z.number().int(),
  lines: z.array(ExpenditureLineOptionSchema),
});
/** What the record dialog and the filters offer: budgets with a version in force and their lines. */
export const ExpenditureOptionsSchema = z.object({ budgets: z.array(ExpenditureBudgetOptionSchema), today: z.string() });
export type ExpenditureOptions = z.infer<typeof ExpenditureOptionsSchema>;

export const AwaitingApprovalSchema = z.object({
  items: z.array(ExpenditureSchema.extend({ project: z.object({ id: IdSchema, code: z.string(), title: z.string() }) })),
  total: z.number().int(),
});
export type AwaitingApproval = z.infer<typeof AwaitingApprovalSchema>;
