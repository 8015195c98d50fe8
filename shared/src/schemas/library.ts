import { z } from 'zod';
import { IdSchema, IsoDateSchema, TimestampSchema } from './common.js';
import { DIRECTIONS, INDICATOR_TYPES, LOCATION_AGGREGATIONS, TIME_AGGREGATIONS, indicatorDefinitionFields } from './results.js';
import { PERIOD_TYPES } from '../domain/periods.js';

/** A standard indicator kept by an organisation (a cluster's, a donor's or its own list) for projects to adopt. */
export const LibraryIndicatorSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  organisationName: z.string(),
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
  meansOfVerification: z.string(),
  dataSource: z.string(),
  collectionMethod: z.string(),
  frequency: z.enum(PERIOD_TYPES),
  /** Where the standard comes from, e.g. "Global Protection Cluster". */
  source: z.string(),
  /** The organisation's disaggregation categories, in order. */
  categoryIds: z.array(IdSchema),
  /** Retired entries stay linked to the indicators that adopted them but are no longer offered. */
  archived: z.boolean(),
  /** How many project and programme indicators are linked to it. */
  adoptedCount: z.number().int(),
  updatedAt: TimestampSchema,
});
export type LibraryIndicator = z.infer<typeof LibraryIndicatorSchema>;

export const LibraryListSchema = z.object({
  items: z.array(LibraryIndicatorSchema),
  /** Whether the signed-in user may change this library (organisation lists only; false for a project's adoptable list). */
  canEdit: z.boolean(),
});

export const LibraryListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  includeArchived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

/** A project's or programme's adoptable list: only non-archived entries, so only a search term. */
export const AdoptableLibraryQuery = LibraryListQuery.pick({ q: true });

const libraryFields = {
  ...indicatorDefinitionFields,
  source: z.string().trim().max(200),
  categoryIds: z.array(IdSchema).max(4),
};

export const CreateLibraryIndicatorBody = z.strictObject({
  ...libraryFields,
  names: libraryFields.names.default({}),
  definition: libraryFields.definition.default(''),
  definitions: libraryFields.definitions.default({}),
  unit: libraryFields.unit.default(''),
  direction: libraryFields.direction.default('increase'),
  timeAggregation: libraryFields.timeAggregation.default('sum'),
  locationAggregation: libraryFields.locationAggregation.default('sum'),
  cumulative: libraryFields.cumulative.default(false),
  meansOfVerification: libraryFields.meansOfVerification.default(''),
  dataSource: libraryFields.dataSource.default(''),
  collectionMethod: libraryFields.collectionMethod.default(''),
  frequency: libraryFields.frequency.default('quarter'),
  source: libraryFields.source.default(''),
  categoryIds: libraryFields.categoryIds.default([]),
});

/** While indicators are linked, what makes values comparable (type, unit, aggregation, categories) cannot change. */
export const UpdateLibraryIndicatorBody = z.strictObject({ ...libraryFields, archived: z.boolean() }).partial();

/** Adds an indicator under a result node as a linked copy of a library entry; the project-specific fields come with it. */
export const AdoptIndicatorBody = z.strictObject({
  libraryIndicatorId: IdSchema,
  /** Defaults to the library code. */
  code: z.string().trim().min(1).max(40).optional(),
  baselineValue: z.number().finite().nullable().default(null),
  baselineDate: IsoDateSchema.nullable().default(null),
  lopTarget: z.number().finite().nullable().default(null),
  responsible: z.string().trim().max(200).default(''),
  contributesToId: IdSchema.nullable().default(null),
});
