import { z } from 'zod';
import { IdSchema, IsoDateSchema, TimestampSchema, longText, shortText } from './common.js';

/**
 * Work plans (issue 7): one annual operational plan per project and year, with its activities
 * (linked to result nodes, usually level-3 activity nodes), their milestones and deliverables, and
 * progress updates. A `draft` plan is edited freely; once `approved`, planned dates, adding,
 * deleting and cancelling activities go through a change request (kind `plan`), while progress
 * (status except cancelled, % complete, actual dates, note, milestone done dates) stays editable.
 */
export const WORK_PLAN_STATUSES = ['draft', 'approved'] as const;
export type WorkPlanStatus = (typeof WORK_PLAN_STATUSES)[number];

export const ACTIVITY_STATUSES = ['not_started', 'on_track', 'delayed', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
/** A progress update never cancels: cancelling is a planning decision. */
export const PROGRESS_STATUSES = ['not_started', 'on_track', 'delayed', 'done'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const MILESTONE_KINDS = ['milestone', 'deliverable'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** Dates outside these bounds are typing mistakes (2206 for 2026). */
export const WORK_PLAN_MIN_DATE = '2000-01-01';
export const WORK_PLAN_MAX_DATE = '2099-12-31';
export const WORK_PLAN_MIN_YEAR = 2000;
export const WORK_PLAN_MAX_YEAR = 2099;
export const MAX_ACTIVITIES_PER_PLAN = 1_000;
export const MAX_MILESTONES_PER_ACTIVITY = 50;

/** The level the results framework gives activities; the form offers these first. */
export const ACTIVITY_NODE_LEVEL = 3;

const versionField = z.number().int().min(1);

// ---- Requests -------------------------------------------------------------------------------

export const CreateWorkPlanBody = z.strictObject({
  year: z.number().int().min(WORK_PLAN_MIN_YEAR).max(WORK_PLAN_MAX_YEAR),
  title: shortText(200),
  /** Default: 1 January – 31 December of the year, clipped to the project's dates. */
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
});
export type CreateWorkPlanInput = z.input<typeof CreateWorkPlanBody>;

export const UpdateWorkPlanBody = z.strictObject({
  title: shortText(200),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  version: versionField,
});
export type UpdateWorkPlanInput = z.input<typeof UpdateWorkPlanBody>;

export const ApproveWorkPlanBody = z.strictObject({ version: versionField });
export const DeleteWorkPlanQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const MilestoneInputSchema = z.strictObject({
  /** Kept when given (an existing milestone), else a new one. Milestones are replaced as a whole. */
  id: IdSchema.optional(),
  kind: z.enum(MILESTONE_KINDS),
  title: shortText(200),
  dueDate: IsoDateSchema,
  doneDate: IsoDateSchema.nullable().default(null),
});
export type MilestoneInput = z.input<typeof MilestoneInputSchema>;

/** Create or change an activity (plan fields and, for editors, progress fields). */
export const ActivityBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
  title: shortText(300),
  description: longText(5_000).default(''),
  resultNodeId: IdSchema.nullable().default(null),
  plannedStart: IsoDateSchema,
  plannedEnd: IsoDateSchema,
  responsible: z.string().trim().max(200).default(''),
  team: z.string().trim().max(200).default(''),
  organisationId: IdSchema.nullable().default(null),
  locationId: IdSchema.nullable().default(null),
  /** In an approved plan `cancelled` is refused (a change request cancels). */
  status: z.enum(ACTIVITY_STATUSES).default('not_started'),
  percentComplete: z.number().int().min(0).max(100).default(0),
  actualStart: IsoDateSchema.nullable().default(null),
  actualEnd: IsoDateSchema.nullable().default(null),
  statusNote: longText(2_000).default(''),
  milestones: z.array(MilestoneInputSchema).max(MAX_MILESTONES_PER_ACTIVITY).default([]),
});
export type ActivityInput = z.input<typeof ActivityBody>;

export const CreateActivityBody = ActivityBody;
export const UpdateActivityBody = ActivityBody.extend({ version: versionField });
export type UpdateActivityInput = z.input<typeof UpdateActivityBody>;
export const DeleteActivityQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

/** A progress update: editors, and reporters of the activity's organisation. */
export const ProgressBody = z.strictObject({
  status: z.enum(PROGRESS_STATUSES),
  percentComplete: z.number().int().min(0).max(100),
  actualStart: IsoDateSchema.nullable().default(null),
  actualEnd: IsoDateSchema.nullable().default(null),
  statusNote: longText(2_000).default(''),
  /** Done dates of the activity's milestones (others keep theirs); null = not done. */
  milestones: z.array(z.strictObject({ id: IdSchema, doneDate: IsoDateSchema.nullable() })).max(MAX_MILESTONES_PER_ACTIVITY).default([]),
  version: versionField,
});
export type ProgressInput = z.input<typeof ProgressBody>;

/** The activities of the plan, every one of them, in their new order. */
export const ReorderActivitiesBody = z.strictObject({
  activityIds: z.array(IdSchema).min(1).max(MAX_ACTIVITIES_PER_PLAN),
  version: versionField,
});

/** A work-plan workbook (the export's format) sent as base64. */
export const ImportWorkPlanBody = z.strictObject({
  /** The .xlsx file, base64; 10 MB at most. */
  contentBase64: z.string().min(1),
  /** Check only: list problems and what would change, write nothing. */
  dryRun: z.boolean().default(false),
});

// ---- Responses ------------------------------------------------------------------------------

const UserRefSchema = z.object({ id: IdSchema, name: z.string() });

export const MilestoneSchema = z.object({
  id: IdSchema,
  kind: z.enum(MILESTONE_KINDS),
  title: z.string(),
  dueDate: IsoDateSchema,
  doneDate: IsoDateSchema.nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const PlannedActivitySchema = z.object({
  id: IdSchema,
  workPlanId: IdSchema,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  resultNodeId: IdSchema.nullable(),
  resultNode: z.object({ id: IdSchema, code: z.string(), title: z.string() }).nullable(),
  plannedStart: IsoDateSchema,
  plannedEnd: IsoDateSchema,
  responsible: z.string(),
  team: z.string(),
  organisationId: IdSchema.nullable(),
  organisationName: z.string().nullable(),
  locationId: IdSchema.nullable(),
  locationName: z.string().nullable(),
  locationPcode: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  percentComplete: z.number().int(),
  actualStart: IsoDateSchema.nullable(),
  actualEnd: IsoDateSchema.nullable(),
  statusNote: z.string(),
  statusUpdatedBy: UserRefSchema.nullable(),
  statusUpdatedAt: TimestampSchema.nullable(),
  /** planned_end before today (server date, UTC) and not done or cancelled. */
  overdue: z.boolean(),
  milestones: z.array(MilestoneSchema),
  position: z.number().int(),
  version: z.number().int(),
  /** The reader may change the activity's plan fields (editors). */
  canEdit: z.boolean(),
  /** The reader may update its progress (editors, and reporters of its organisation). */
  canUpdateProgress: z.boolean(),
});
export type PlannedActivity = z.infer<typeof PlannedActivitySchema>;

export const WorkPlanSummarySchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  year: z.number().int(),
  title: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  status: z.enum(WORK_PLAN_STATUSES),
  approvedBy: UserRefSchema.nullable(),
  approvedAt: TimestampSchema.nullable(),
  version: z.number().int(),
  activityCount: z.number().int(),
  overdueCount: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type WorkPlanSummary = z.infer<typeof WorkPlanSummarySchema>;

export const WorkPlanListSchema = z.object({
  items: z.array(WorkPlanSummarySchema),
  /** The reader may create plans. */
  canCreate: z.boolean(),
  /** Server date (UTC). */
  today: IsoDateSchema,
});
export type WorkPlanList = z.infer<typeof WorkPlanListSchema>;

export const WorkPlanOptionsSchema = z.object({
  /** The project's framework nodes (activity-level nodes have level 3), in tree order. */
  resultNodes: z.array(z.object({ id: IdSchema, code: z.string(), title: z.string(), level: z.number().int() })),
  /** The project's organisations (lead and partners). */
  organisations: z.array(z.object({ id: IdSchema, name: z.string(), acronym: z.string().nullable() })),
  /** The project's locations. */
  locations: z.array(z.object({ id: IdSchema, name: z.string(), pcode: z.string() })),
  /** Teams already named in the project's plans, sorted. */
  teams: z.array(z.string()),
});
export type WorkPlanOptions = z.infer<typeof WorkPlanOptionsSchema>;

export const WorkPlanSchema = WorkPlanSummarySchema.extend({
  project: z.object({ id: IdSchema, code: z.string(), title: z.string(), startDate: IsoDateSchema, endDate: IsoDateSchema }),
  activities: z.array(PlannedActivitySchema),
  /** The reader may change the plan and its activities (editors). */
  canEdit: z.boolean(),
  /** The reader may approve the draft plan (editors). */
  canApprove: z.boolean(),
  /** Server date (UTC) `overdue` was worked out on. */
  today: IsoDateSchema,
  options: WorkPlanOptionsSchema,
});
export type WorkPlan = z.infer<typeof WorkPlanSchema>;

const counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const ImportWorkPlanResult = z.object({
  dryRun: z.boolean(),
  activities: counts,
  milestones: z.object({ total: z.number().int(), changed: z.number().int() }),
});
export type ImportWorkPlanResultT = z.infer<typeof ImportWorkPlanResult>;

export const WORK_PLAN_SHEETS = { activities: 'Activities', milestones: 'Milestones' } as const;
