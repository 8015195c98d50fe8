import { z } from 'zod';
import { IdSchema, IsoDateSchema, LocaleSchema, TimestampSchema, shortText } from './common.js';

/**
 * Funding agreements (issue 6): a project's agreement with a donor. Its number goes on report
 * covers, and its report frequency and due days make the report calendar.
 *
 * Report periods follow the fiscal year of the organisation that owns the project, the same grid
 * as reporting rounds and the IPTT, so a donor report is always made of whole round periods. The
 * first and last periods are cut to the agreement's dates (an agreement starting on 15 February
 * with quarterly reports has a first period 15 February – 31 March).
 */
export const REPORT_FREQUENCIES = ['month', 'quarter', 'semester', 'year'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** submitted: a finished report for the period exists; due_soon: due within DUE_SOON_DAYS days. */
export const REPORT_DUE_STATUSES = ['overdue', 'due_soon', 'upcoming', 'submitted'] as const;
export type ReportDueStatus = (typeof REPORT_DUE_STATUSES)[number];
export const DUE_SOON_DAYS = 14;

export const MAX_REPORT_DUE_DAYS = 180;
/** Dates outside these bounds are typing mistakes (2206 for 2026), not agreements. */
export const AGREEMENT_MIN_DATE = '2000-01-01';
export const AGREEMENT_MAX_DATE = '2099-12-31';
/** The longest window the calendar answers for at once. */
export const MAX_CALENDAR_DAYS = 1_100;

const OrgRefSchema = z.object({ id: IdSchema, name: z.string(), acronym: z.string().nullable() });

export const AgreementBody = z.strictObject({
  /** A donor of the project (project_organisations role donor). */
  donorOrganisationId: IdSchema,
  agreementNumber: shortText(100),
  title: z.string().trim().max(300).default(''),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  reportFrequency: z.enum(REPORT_FREQUENCIES),
  /** A report is due this many days after its period ends. */
  reportDueDays: z.number().int().min(0).max(MAX_REPORT_DUE_DAYS),
  /** A report template of the organisation that owns the project. */
  templateId: IdSchema.nullable().default(null),
  reportLanguage: LocaleSchema.default('en'),
});
export type AgreementInput = z.input<typeof AgreementBody>;

/** One report an agreement asks for. */
export const ReportDueSchema = z.object({
  /** The period's key in the fiscal-year grid, e.g. `FY2027-Q1` or `2026-11`. */
  periodKey: z.string(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  dueDate: IsoDateSchema,
  status: z.enum(REPORT_DUE_STATUSES),
  /** The finished report that covers the period, when there is one. */
  report: z.object({ id: IdSchema, generatedAt: TimestampSchema }).nullable(),
});
export type ReportDue = z.infer<typeof ReportDueSchema>;

export const AgreementSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  donor: OrgRefSchema,
  agreementNumber: z.string(),
  title: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  reportFrequency: z.enum(REPORT_FREQUENCIES),
  reportDueDays: z.number().int(),
  templateId: IdSchema.nullable(),
  templateName: z.string().nullable(),
  reportLanguage: LocaleSchema,
  /** The earliest report not yet submitted (it may be overdue); null when all are in. */
  nextReport: ReportDueSchema.nullable(),
  overdueCount: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const AgreementListSchema = z.object({
  items: z.array(AgreementSchema),
  /** The reader may add, change and delete the project's agreements. */
  canManage: z.boolean(),
  /** For the form (managers only, else empty): the project's donors and its owner's report templates. */
  options: z.object({
    donors: z.array(OrgRefSchema),
    templates: z.array(z.object({ id: IdSchema, name: z.string() })),
  }),
});
export type AgreementList = z.infer<typeof AgreementListSchema>;

export const ReportCalendarQuery = z.strictObject({
  from: IsoDateSchema,
  to: IsoDateSchema,
  projectId: IdSchema.optional(),
});

export const ReportCalendarItemSchema = ReportDueSchema.extend({
  agreementId: IdSchema,
  agreementNumber: z.string(),
  agreementTitle: z.string(),
  reportFrequency: z.enum(REPORT_FREQUENCIES),
  donor: OrgRefSchema,
  project: z.object({ id: IdSchema, code: z.string(), title: z.string() }),
  /** The reader manages the project's agreements (and so prepares its reports). */
  canManage: z.boolean(),
});
export type ReportCalendarItem = z.infer<typeof ReportCalendarItemSchema>;

export const ReportCalendarSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** The server's date (UTC) the statuses were worked out on. */
  today: IsoDateSchema,
  /** Reports whose period or due date falls in [from, to], by due date. */
  items: z.array(ReportCalendarItemSchema),
});
export type ReportCalendar = z.infer<typeof ReportCalendarSchema>;
