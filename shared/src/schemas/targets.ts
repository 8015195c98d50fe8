import { z } from 'zod';
import { PERIOD_TYPES } from '../domain/periods.js';
import { IdSchema } from './common.js';
import { DisaggregationCategorySchema } from './disaggregations.js';
import { ChangeReasonSchema } from './results.js';

/** The period key `LOP` breaks the life-of-project target down by location or disaggregation. */
export const LOP_PERIOD_KEY = 'LOP';

export const TargetSchema = z.object({
  /** A period key of the indicator's frequency (`2026-Q1`, `FY2026-H1`, `2026-03`…) or `LOP`. */
  period: z.string(),
  /** Null: all the project's locations together. */
  locationId: IdSchema.nullable(),
  /** Options of the indicator's categories, at most one per category, in category order; empty = total. */
  optionIds: z.array(IdSchema),
  value: z.number(),
});
export type Target = z.infer<typeof TargetSchema>;

export const TargetPeriodSchema = z.object({ key: z.string(), start: z.string(), end: z.string() });

/** Everything the targets editor needs for one indicator. */
export const IndicatorTargetsSchema = z.object({
  indicatorId: IdSchema,
  frequency: z.enum(PERIOD_TYPES),
  /** The indicator's periods over the project's dates, with the organisation's fiscal year. Empty for programme indicators without dates. */
  periods: z.array(TargetPeriodSchema),
  /** The locations a target can be set for: the project's own locations. */
  locations: z.array(z.object({ id: IdSchema, pcode: z.string(), name: z.string(), level: z.string() })),
  /** The indicator's categories, in order, with their options. */
  categories: z.array(DisaggregationCategorySchema),
  lopTarget: z.number().nullable(),
  targets: z.array(TargetSchema),
  canEdit: z.boolean(),
});
export type IndicatorTargets = z.infer<typeof IndicatorTargetsSchema>;

/** Replaces every target of the indicator at once; a target change records why, like a definition change. */
export const PutTargetsBody = z.strictObject({
  targets: z
    .array(
      z.strictObject({
        period: z.string().trim().min(1).max(20),
        locationId: IdSchema.nullable().default(null),
        optionIds: z.array(IdSchema).max(6).default([]),
        value: z.number().finite(),
      }),
    )
    .max(20_000),
  why: ChangeReasonSchema,
});
