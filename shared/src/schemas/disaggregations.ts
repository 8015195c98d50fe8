import { z } from 'zod';
import { CATEGORY_KINDS } from '../domain/disaggregations.js';
import { IdSchema, LocaleSchema, TimestampSchema } from './common.js';

const labelsInput = z.partialRecord(LocaleSchema, z.string().trim().max(200));

export const DisaggregationOptionSchema = z.object({
  id: IdSchema,
  code: z.string(),
  label: z.string(),
  labels: z.record(z.string(), z.string()),
  position: z.number().int(),
  /** Age bands only, in years, inclusive; maxAge null = "and over". */
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
});
export type DisaggregationOption = z.infer<typeof DisaggregationOptionSchema>;

export const DisaggregationCategorySchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  code: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  kind: z.enum(CATEGORY_KINDS),
  position: z.number().int(),
  options: z.array(DisaggregationOptionSchema),
  /** How many indicators and library entries use it: a used category cannot be deleted. */
  usedBy: z.number().int(),
  updatedAt: TimestampSchema,
});
export type DisaggregationCategory = z.infer<typeof DisaggregationCategorySchema>;

export const DisaggregationCategoryListSchema = z.object({
  items: z.array(DisaggregationCategorySchema),
  /** Whether the signed-in user may add, change and delete the organisation's categories. */
  canEdit: z.boolean(),
});

const OptionInput = z.strictObject({
  /** An existing option keeps its id (and so every target and value recorded for it). */
  id: IdSchema.optional(),
  code: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(200),
  labels: labelsInput.default({}),
  minAge: z.number().int().min(0).max(150).nullable().default(null),
  maxAge: z.number().int().min(0).max(150).nullable().default(null),
});

export const CreateDisaggregationCategoryBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  names: labelsInput.default({}),
  kind: z.enum(CATEGORY_KINDS).default('custom'),
  /** In display order; at least two, or the category splits nothing. */
  options: z.array(OptionInput).min(2).max(50),
});

/** `options`, when sent, is the whole new list: options left out are removed (refused while targets use them). */
export const UpdateDisaggregationCategoryBody = z.strictObject({
  code: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  names: labelsInput.optional(),
  options: z.array(OptionInput).min(2).max(50).optional(),
});
