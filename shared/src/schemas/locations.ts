import { z } from 'zod';
import { IdSchema, TimestampSchema, TranslationsSchema } from './common.js';

/** The location tree: country → admin1 → admin2 → admin3 → site. */
export const LOCATION_LEVELS = ['country', 'admin1', 'admin2', 'admin3', 'site'] as const;
export type LocationLevel = (typeof LOCATION_LEVELS)[number];

export const LocationSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  level: z.enum(LOCATION_LEVELS),
  /** OCHA COD style P-code, e.g. `ML05` for Mopti; for a country its ISO 3166-1 alpha-3. */
  pcode: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  hasGeometry: z.boolean(),
  childCount: z.number().int(),
  updatedAt: TimestampSchema,
});
export type Location = z.infer<typeof LocationSchema>;

export const ListLocationsQuery = z.strictObject({
  parentId: IdSchema.optional(),
  /** `root` lists the countries. */
  level: z.enum(LOCATION_LEVELS).optional(),
  countryPcode: z.string().max(20).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const UpdateLocationBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  names: TranslationsSchema.optional(),
});

export const ImportLocationsBody = z.strictObject({
  format: z.enum(['csv', 'geojson']),
  /** For GeoJSON: the level every feature gets, and which properties hold the codes. */
  level: z.enum(LOCATION_LEVELS).optional(),
  pcodeProperty: z.string().max(100).optional(),
  nameProperty: z.string().max(100).optional(),
  parentPcodeProperty: z.string().max(100).optional(),
  /** Used for every feature when the file has no parent column. */
  parentPcode: z.string().max(50).optional(),
  /** File text; 20 MB at most (checked by the body limit). */
  content: z.string().min(1),
  /** Check only: report what would change, write nothing. */
  dryRun: z.boolean().default(false),
});

export const ImportLocationsResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
});
