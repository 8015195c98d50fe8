import { z } from 'zod';
import { LOCALES } from '../locales.js';

export const IdSchema = z.uuid();
export const IdParams = z.strictObject({ id: IdSchema });

/** A calendar date as `YYYY-MM-DD` that exists on the calendar. */
export const IsoDateSchema = z.iso.date();
/** A point in time as ISO-8601 UTC. */
export const TimestampSchema = z.string();

export const LocaleSchema = z.enum(LOCALES);

/** Free text that the user types on one line; trimmed, never empty. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const longText = (max = 10_000) => z.string().trim().max(max);

/** Text in several languages, keyed by language code: `{ "fr": "Mopti", "ar": "موبتي" }`. */
export const TranslationsSchema = z.partialRecord(LocaleSchema, z.string().trim().max(500)).default({});

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    details: z
      .array(
        z.object({
          field: z.string().optional(),
          sheet: z.string().optional(),
          row: z.number().optional(),
          column: z.string().optional(),
          reason: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  }),
});

export const OkSchema = z.object({ ok: z.literal(true) });
