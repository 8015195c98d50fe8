import { z } from 'zod';
import { IdSchema, IsoDateSchema, TimestampSchema, shortText } from './common.js';
import { LOCATION_LEVELS } from './locations.js';

/**
 * Monitoring (issue 5): the IPTT, pivot tables, dashboards and maps. Every figure here comes from
 * one aggregation engine (server/src/modules/analytics/) over approved values, pending ones only
 * on request and marked, and only what the reader may see.
 */

/** Period granularities a table or chart can be shown in (fiscal year of the lead organisation). */
export const GRANULARITIES = ['month', 'quarter', 'semester', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const queryBoolean = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
/** Comma-separated ids in a query string (`a,b,c`); empty means no filter. */
const idList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : []))
  .pipe(z.array(IdSchema).max(200));

/** A figure: the value by the indicator's rules; percentages keep Σnumerator and Σdenominator. */
export const FigureSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  /** Some value behind this figure comes from a package not yet approved. */
  pending: z.boolean(),
});
export type Figure = z.infer<typeof FigureSchema>;

// ---------------------------------------------------------------------------------------------
// IPTT

export const IPTT_SCOPES = ['project', 'programme', 'country', 'organisation'] as const;
export type IpttScope = (typeof IPTT_SCOPES)[number];

export const IpttQuery = z.strictObject({
  scope: z.enum(IPTT_SCOPES),
  /** Project, programme or organisation id; for a country its ISO 3166 alpha-3 code, as projects and the location tree store it (MLI). */
  id: z.string().min(2).max(64),
  granularity: z.enum(GRANULARITIES).default('quarter'),
  /** Periods starting on or after `from` and ending on or before `to` (default: the project's dates). */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Result levels to show (1 = top), comma-separated; empty = all. */
  levels: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map(Number) : []))
    .pipe(z.array(z.number().int().min(1).max(6))),
  /** Only values of these places and the places under them. */
  locationIds: idList,
  /** Only values reported by these organisations. */
  organisationIds: idList,
  /** Disaggregation rows only for these categories; empty = every category of each indicator. */
  categoryIds: idList,
  /** DAC sector code: only projects with that sector (consolidated scopes). */
  sector: z.string().max(10).optional(),
  includePending: queryBoolean,
});
export type IpttQueryInput = z.input<typeof IpttQuery>;

/** Target, actual and % met of one column; actual for cumulative indicators is the running total. */
export const IpttCellSchema = z.object({
  target: z.number().nullable(),
  actual: FigureSchema.nullable(),
  /** Direction-aware; null without a target or an actual. */
  percentMet: z.number().nullable(),
});
export type IpttCell = z.infer<typeof IpttCellSchema>;

export const IpttPeriodSchema = z.object({ key: z.string(), start: IsoDateSchema, end: IsoDateSchema });

const IndicatorFacts = {
  indicatorId: IdSchema,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  type: z.enum(['number', 'percentage', 'currency', 'yes_no', 'qualitative']),
  direction: z.enum(['increase', 'decrease']),
  cumulative: z.boolean(),
};

/** Rows in display order: project headings (consolidated scopes), result headings, indicators, their disaggregation rows. */
export const IpttRowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), projectId: IdSchema, code: z.string(), title: z.string() }),
  z.object({
    kind: z.literal('result'),
    resultNodeId: IdSchema,
    /** 1 = top, as the `levels` filter counts (the framework's level 0). */
    level: z.number().int(),
    /** The framework's name for the level (Goal, Outcome, Output…), in the reader's language. */
    levelLabel: z.string(),
    code: z.string(),
    title: z.string(),
  }),
  z.object({
    kind: z.literal('indicator'),
    ...IndicatorFacts,
    baseline: z.number().nullable(),
    lop: IpttCellSchema,
    /** One per period of the response, in order. */
    periods: z.array(IpttCellSchema),
  }),
  z.object({
    kind: z.literal('disaggregation'),
    indicatorId: IdSchema,
    categoryId: IdSchema,
    categoryName: z.string(),
    optionId: IdSchema,
    optionLabel: z.string(),
    lop: IpttCellSchema,
    periods: z.array(IpttCellSchema),
  }),
]);
export type IpttRow = z.infer<typeof IpttRowSchema>;

export const IpttSchema = z.object({
  title: z.string(),
  scope: z.enum(IPTT_SCOPES),
  scopeId: z.string(),
  granularity: z.enum(GRANULARITIES),
  periods: z.array(IpttPeriodSchema),
  includesPending: z.boolean(),
  generatedAt: TimestampSchema,
  rows: z.array(IpttRowSchema),
  /** What the filters can offer for this scope. */
  options: z.object({
    levels: z.array(z.object({ level: z.number().int(), label: z.string() })),
    organisations: z.array(z.object({ id: IdSchema, name: z.string(), acronym: z.string().nullable() })),
    locations: z.array(z.object({ id: IdSchema, name: z.string(), pcode: z.string(), level: z.enum(LOCATION_LEVELS) })),
    categories: z.array(z.object({ id: IdSchema, name: z.string() })),
    /** The whole date range of the scope, for the period pickers. */
    start: IsoDateSchema.nullable(),
    end: IsoDateSchema.nullable(),
  }),
  /** The reader may ask for pending values (managers, and reporters for their own organisation). */
  canIncludePending: z.boolean(),
});
export type Iptt = z.infer<typeof IpttSchema>;

// ---------------------------------------------------------------------------------------------
// Pivot tables

export const PivotDimensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('indicator') }),
  z.object({ type: z.literal('resultNode') }),
  z.object({ type: z.literal('project') }),
  z.object({ type: z.literal('programme') }),
  z.object({ type: z.literal('organisation') }),
  /** Places grouped at one admin level (a value reported for a finer place counts in the area above it). */
  z.object({ type: z.literal('location'), level: z.enum(LOCATION_LEVELS) }),
  z.object({ type: z.literal('period'), granularity: z.enum(GRANULARITIES) }),
  /** One disaggregation category; values not broken down by it fall under "not disaggregated". */
  z.object({ type: z.literal('category'), categoryId: IdSchema }),
]);
export type PivotDimension = z.infer<typeof PivotDimensionSchema>;

export const PivotDefinitionSchema = z.strictObject({
  /** With more than one indicator, `indicator` must be a row or column dimension (indicators never add up). */
  indicatorIds: z.array(IdSchema).min(1).max(25),
  rows: z.array(PivotDimensionSchema).max(4),
  columns: z.array(PivotDimensionSchema).max(3),
  filters: z
    .strictObject({
      from: IsoDateSchema.optional(),
      to: IsoDateSchema.optional(),
      locationIds: z.array(IdSchema).max(200).default([]),
      organisationIds: z.array(IdSchema).max(200).default([]),
      /** Restrict to some options of a category: { categoryId: [optionId…] }. */
      options: z.record(IdSchema, z.array(IdSchema).max(50)).default({}),
    })
    .default({ locationIds: [], organisationIds: [], options: {} }),
  includePending: z.boolean().default(false),
});
export type PivotDefinition = z.infer<typeof PivotDefinitionSchema>;
export type PivotDefinitionInput = z.input<typeof PivotDefinitionSchema>;

/** A member of a dimension: `key` is an id, a period key, or `none` ("not disaggregated", "whole project"). */
export const PivotMemberSchema = z.object({ key: z.string(), label: z.string(), code: z.string().nullable() });
export type PivotMember = z.infer<typeof PivotMemberSchema>;

export const PivotResultSchema = z.object({
  rows: z.array(PivotDimensionSchema),
  columns: z.array(PivotDimensionSchema),
  /** One tuple of members per table row (one member per row dimension), in display order. */
  rowMembers: z.array(z.array(PivotMemberSchema)),
  columnMembers: z.array(z.array(PivotMemberSchema)),
  /** cells[row][column]; null where there is no data. */
  cells: z.array(z.array(FigureSchema.nullable())),
  /** Per row, over all columns (null where the total would add up different indicators). */
  rowTotals: z.array(FigureSchema.nullable()),
  columnTotals: z.array(FigureSchema.nullable()),
  grandTotal: FigureSchema.nullable(),
  /**
   * Subtotals of the first row dimension when there are several: for each of its members (by key),
   * one figure per column and the overall figure.
   */
  subtotals: z.array(z.object({ member: PivotMemberSchema, cells: z.array(FigureSchema.nullable()), total: FigureSchema.nullable() })),
  /** Unit and type of each indicator, to format cells. */
  indicators: z.array(z.object({ id: IdSchema, code: z.string(), name: z.string(), unit: z.string(), type: z.string() })),
  includesPending: z.boolean(),
});
export type PivotResult = z.infer<typeof PivotResultSchema>;

export const PivotExportQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']) });

export const SavedPivotSchema = z.object({
  id: IdSchema,
  name: z.string(),
  definition: PivotDefinitionSchema,
  shared: z.boolean(),
  owner: z.object({ id: IdSchema, name: z.string() }),
  /** The reader owns it (may rename, share, delete). */
  mine: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type SavedPivot = z.infer<typeof SavedPivotSchema>;
export const SavedPivotListSchema = z.object({ items: z.array(SavedPivotSchema) });
export const CreateSavedPivotBody = z.strictObject({ name: shortText(120), definition: PivotDefinitionSchema, shared: z.boolean().default(false) });
export const UpdateSavedPivotBody = z.strictObject({
  name: shortText(120).optional(),
  definition: PivotDefinitionSchema.optional(),
  shared: z.boolean().optional(),
});

/** The indicators a reader can put in a pivot, with their categories (for the dimension picker). */
export const PivotCatalogueSchema = z.object({
  indicators: z.array(
    z.object({
      id: IdSchema,
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      type: z.string(),
      project: z.object({ id: IdSchema, code: z.string(), title: z.string() }).nullable(),
      programme: z.object({ id: IdSchema, code: z.string(), name: z.string() }),
      categoryIds: z.array(IdSchema),
    }),
  ),
  categories: z.array(z.object({ id: IdSchema, name: z.string(), options: z.array(z.object({ id: IdSchema, label: z.string() })) })),
  /** The reader may ask for pending values on some of these projects (the page then offers the switch; absent = not known, offered). */
  canIncludePending: z.boolean().optional(),
});
export type PivotCatalogue = z.infer<typeof PivotCatalogueSchema>;

// ---------------------------------------------------------------------------------------------
// Dashboards

export const DASHBOARD_SCOPES = ['project', 'programme'] as const;
export const DashboardParams = z.strictObject({ scope: z.enum(DASHBOARD_SCOPES), id: IdSchema });
export const DashboardQuery = z.strictObject({ includePending: queryBoolean });

export const IndicatorProgressSchema = z.object({
  ...IndicatorFacts,
  resultCode: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  actual: FigureSchema.nullable(),
  percentMet: z.number().nullable(),
});

/** Reporting completeness and timeliness of one round (for a programme: of every project's round for that period). */
export const RoundCompletenessSchema = z.object({
  periodKey: z.string(),
  periodStart: IsoDateSchema,
  dueDate: IsoDateSchema,
  expected: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  /** Submitted on or before the due date. */
  onTime: z.number().int(),
});

export const DashboardSummarySchema = z.object({
  scope: z.enum(DASHBOARD_SCOPES),
  id: IdSchema,
  code: z.string(),
  title: z.string(),
  start: IsoDateSchema.nullable(),
  end: IsoDateSchema.nullable(),
  /** Share of the time between start and end already elapsed, 0–100. */
  elapsed: z.number().nullable(),
  progress: z.array(IndicatorProgressSchema),
  completeness: z.array(RoundCompletenessSchema),
  includesPending: z.boolean(),
  canIncludePending: z.boolean(),
});
export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;

export const TrendQuery = z.strictObject({ indicatorId: IdSchema, granularity: z.enum(GRANULARITIES).default('quarter'), includePending: queryBoolean });
export const TrendSchema = z.object({
  indicatorId: IdSchema,
  cumulative: z.boolean(),
  points: z.array(z.object({ key: z.string(), start: IsoDateSchema, end: IsoDateSchema, actual: FigureSchema.nullable(), target: z.number().nullable() })),
});
export type Trend = z.infer<typeof TrendSchema>;

export const AreaRankingQuery = z.strictObject({
  indicatorId: IdSchema,
  level: z.enum(LOCATION_LEVELS).default('admin1'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  includePending: queryBoolean,
});
export const AreaFigureSchema = z.object({ locationId: IdSchema, name: z.string(), pcode: z.string(), figure: FigureSchema });
export const AreaRankingSchema = z.object({ indicatorId: IdSchema, level: z.enum(LOCATION_LEVELS), top: z.array(AreaFigureSchema), bottom: z.array(AreaFigureSchema) });
export type AreaRanking = z.infer<typeof AreaRankingSchema>;

// ---------------------------------------------------------------------------------------------
// Maps

export const MapQuery = z.strictObject({
  level: z.enum(LOCATION_LEVELS).default('admin1'),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** One option of one of the indicator's categories (e.g. girls only); empty = total. */
  optionId: IdSchema.optional(),
  includePending: queryBoolean,
});

export const MapAreaSchema = z.object({
  locationId: IdSchema,
  name: z.string(),
  pcode: z.string(),
  /** Null: nothing reported for this area (shown as "no data", never as zero). */
  figure: FigureSchema.nullable(),
  /** The area's life-of-project target where one is set (coverage = actual ÷ target). */
  target: z.number().nullable(),
});

/** GeoJSON geometry as stored (Polygon or MultiPolygon), coordinates rounded to about 100 m. */
export const GeometrySchema = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) });

export const IndicatorMapSchema = z.object({
  indicator: z.object({ ...IndicatorFacts }),
  level: z.enum(LOCATION_LEVELS),
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  areas: z.array(MapAreaSchema),
  /** Shapes of the areas that have one, by location id. */
  shapes: z.array(z.object({ locationId: IdSchema, geometry: GeometrySchema })),
  includesPending: z.boolean(),
  canIncludePending: z.boolean(),
});
export type IndicatorMap = z.infer<typeof IndicatorMapSchema>;
