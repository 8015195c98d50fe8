import { z } from 'zod';
import { CHANGE_REASONS, FRAMEWORK_TEMPLATES, LEVEL_COUNT } from '../domain/framework-templates.js';
import { PERIOD_TYPES } from '../domain/periods.js';
import { IdSchema, IsoDateSchema, LocaleSchema, TimestampSchema, TranslationsSchema } from './common.js';
import { DisaggregationCategorySchema } from './disaggregations.js';

/** A label in each interface language, e.g. a renamed level: `{ en: 'Pillar', fr: 'Pilier', … }`. */
export const LevelLabelSchema = z.object({ en: z.string(), fr: z.string(), es: z.string(), ar: z.string() });

export const ResultNodeSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  /** 0 = goal / impact … 3 = activity. */
  level: z.number().int().min(0).max(LEVEL_COUNT - 1),
  code: z.string(),
  title: z.string(),
  titles: z.record(z.string(), z.string()),
  description: z.string(),
  /** Order among siblings, from 0. */
  position: z.number().int(),
  updatedAt: TimestampSchema,
});
export type ResultNode = z.infer<typeof ResultNodeSchema>;

export const INDICATOR_TYPES = ['number', 'percentage', 'currency', 'yes_no', 'qualitative'] as const;
export const DIRECTIONS = ['increase', 'decrease'] as const;
export const TIME_AGGREGATIONS = ['sum', 'latest', 'max', 'average'] as const;
export const LOCATION_AGGREGATIONS = ['sum', 'max', 'average', 'none'] as const;

/** What an indicator measures and how its values add up: shared by project indicators and library entries. No defaults, so a partial update stays partial. */
export const indicatorDefinitionFields = {
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(500),
  names: z.partialRecord(LocaleSchema, z.string().trim().max(500)),
  definition: z.string().trim().max(10_000),
  definitions: z.partialRecord(LocaleSchema, z.string().trim().max(10_000)),
  unit: z.string().trim().max(100),
  type: z.enum(INDICATOR_TYPES),
  direction: z.enum(DIRECTIONS),
  timeAggregation: z.enum(TIME_AGGREGATIONS),
  locationAggregation: z.enum(LOCATION_AGGREGATIONS),
  cumulative: z.boolean(),
  meansOfVerification: z.string().trim().max(5_000),
  dataSource: z.string().trim().max(2_000),
  collectionMethod: z.string().trim().max(2_000),
  /** How often values are collected; period targets follow it. */
  frequency: z.enum(PERIOD_TYPES),
};

/** The fields of a performance indicator reference sheet, as sent. */
const indicatorFields = {
  ...indicatorDefinitionFields,
  baselineValue: z.number().finite().nullable(),
  baselineDate: IsoDateSchema.nullable(),
  /** The life-of-project target: its own number, never the sum of period targets. */
  lopTarget: z.number().finite().nullable(),
  responsible: z.string().trim().max(200),
  /** Disaggregation categories of the framework's organisation, in the order combinations are listed. */
  categoryIds: z.array(IdSchema).max(4),
  /** A project indicator may roll up into an indicator of its programme's framework. */
  contributesToId: IdSchema.nullable(),
};

export const IndicatorSchema = z.object({
  id: IdSchema,
  /** The project or programme whose framework holds it (exactly one is set), for links back from the indicator's own page. */
  projectId: IdSchema.nullable(),
  programmeId: IdSchema.nullable(),
  resultNodeId: IdSchema,
  position: z.number().int(),
  code: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  definition: z.string(),
  definitions: z.record(z.string(), z.string()),
  unit: z.string(),
  type: z.enum(INDICATOR_TYPES),
  direction: z.enum(DIRECTIONS),
  timeAggregation: z.enum(TIME_AGGREGATIONS),
  locationAggregation: z.enum(LOCATION_AGGREGATIONS),
  cumulative: z.boolean(),
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  lopTarget: z.number().nullable(),
  meansOfVerification: z.string(),
  dataSource: z.string(),
  collectionMethod: z.string(),
  frequency: z.enum(PERIOD_TYPES),
  responsible: z.string(),
  categoryIds: z.array(IdSchema),
  /** The library entry it was adopted from, while linked. */
  libraryIndicatorId: IdSchema.nullable(),
  contributesToId: IdSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A programme indicator a project indicator can roll up into. */
export const ProgrammeIndicatorRefSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  type: z.enum(INDICATOR_TYPES),
  unit: z.string(),
});
export type ProgrammeIndicatorRef = z.infer<typeof ProgrammeIndicatorRefSchema>;

export const FrameworkSchema = z.object({
  id: IdSchema,
  /** Exactly one of the two is set. */
  projectId: IdSchema.nullable(),
  programmeId: IdSchema.nullable(),
  template: z.enum(FRAMEWORK_TEMPLATES),
  /** The four level names in every language, after any renaming. */
  levels: z.array(LevelLabelSchema).length(LEVEL_COUNT),
  /** Every node, parents before children, siblings by position. */
  nodes: z.array(ResultNodeSchema),
  indicators: z.array(IndicatorSchema),
  /** The disaggregation categories of the framework's organisation, for naming and picking. */
  categories: z.array(DisaggregationCategorySchema),
  /** For a project framework: the indicators of its programme's framework it can roll up into. */
  programmeIndicators: z.array(ProgrammeIndicatorRefSchema),
  /** Whether the signed-in user may change it. */
  canEdit: z.boolean(),
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const UpdateFrameworkBody = z.strictObject({
  template: z.enum(FRAMEWORK_TEMPLATES).optional(),
  /** Renamed levels; omitted levels keep the template's names. */
  levels: z.array(z.partialRecord(LocaleSchema, z.string().trim().min(1).max(80))).length(LEVEL_COUNT).optional(),
});

export const CreateResultNodeBody = z.strictObject({
  parentId: IdSchema.nullable(),
  level: z.number().int().min(0).max(LEVEL_COUNT - 1),
  code: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(1_000),
  titles: TranslationsSchema,
  description: z.string().trim().max(10_000).default(''),
});

export const UpdateResultNodeBody = z.strictObject({
  code: z.string().trim().min(1).max(20).optional(),
  title: z.string().trim().min(1).max(1_000).optional(),
  titles: TranslationsSchema.optional(),
  description: z.string().trim().max(10_000).optional(),
});

/** Moves a node (with everything below it) under another parent and/or to another position. */
export const MoveResultNodeBody = z.strictObject({
  parentId: IdSchema.nullable(),
  position: z.number().int().min(0).max(10_000),
});

export const DeleteResultNodeQuery = z.strictObject({
  /** Required when indicators or child nodes hang below: deleting then removes them too. */
  confirm: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const ChangeReasonSchema = z.strictObject({
  reason: z.enum(CHANGE_REASONS),
  /** Free text; required when the reason is `other`. */
  note: z.string().trim().max(2_000).default(''),
});

export const CreateIndicatorBody = z.strictObject({
  ...indicatorFields,
  names: indicatorFields.names.default({}),
  definition: indicatorFields.definition.default(''),
  definitions: indicatorFields.definitions.default({}),
  unit: indicatorFields.unit.default(''),
  direction: indicatorFields.direction.default('increase'),
  timeAggregation: indicatorFields.timeAggregation.default('sum'),
  locationAggregation: indicatorFields.locationAggregation.default('sum'),
  cumulative: indicatorFields.cumulative.default(false),
  baselineValue: indicatorFields.baselineValue.default(null),
  baselineDate: indicatorFields.baselineDate.default(null),
  lopTarget: indicatorFields.lopTarget.default(null),
  meansOfVerification: indicatorFields.meansOfVerification.default(''),
  dataSource: indicatorFields.dataSource.default(''),
  collectionMethod: indicatorFields.collectionMethod.default(''),
  frequency: indicatorFields.frequency.default('quarter'),
  responsible: indicatorFields.responsible.default(''),
  categoryIds: indicatorFields.categoryIds.default([]),
  contributesToId: indicatorFields.contributesToId.default(null),
});

/** Any change to a definition records why. */
export const UpdateIndicatorBody = z.strictObject({
  /** `libraryIndicatorId: null` unlinks an adopted indicator so its definition can change. */
  changes: z.strictObject({ ...indicatorFields, libraryIndicatorId: z.null() }).partial(),
  why: ChangeReasonSchema,
});

export const MoveIndicatorBody = z.strictObject({ resultNodeId: IdSchema, position: z.number().int().min(0).max(10_000) });

export const DeleteIndicatorQuery = z.strictObject({
  /** Required when project indicators roll up into it: deleting then clears their links. */
  confirm: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

/** The project indicators that roll up into a programme indicator, among the projects the reader can see. */
export const IndicatorContributionsSchema = z.object({
  items: z.array(
    z.object({
      indicator: ProgrammeIndicatorRefSchema,
      project: z.object({ id: IdSchema, code: z.string(), title: z.string() }),
    }),
  ),
});

export const IndicatorHistoryEntrySchema = z.object({
  at: TimestampSchema,
  actorName: z.string().nullable(),
  action: z.string(),
  reason: z.enum(CHANGE_REASONS).nullable(),
  note: z.string().nullable(),
  /** Fields that changed, with their values before and after. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const IndicatorHistorySchema = z.object({ items: z.array(IndicatorHistoryEntrySchema) });
