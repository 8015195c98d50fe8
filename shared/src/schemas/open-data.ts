import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.js';

/**
 * Open-data exports (issue 6): indicator values and the 4W table (who does what where when) as
 * HXL-tagged CSV (https://hxlstandard.org: a row of readable headings, then a row of hashtags),
 * and the large values export as a background job (XLSX, CSV or HXL CSV). The column layout and
 * hashtags are documented in docs/open-data.md.
 */
const queryBoolean = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const ValuesExportFilter = {
  /** Packages whose reporting period starts on or after the month of `from`… */
  from: IsoDateSchema.optional(),
  /** …and ends on or before the end of the month of `to` (as the IPTT and pivots count). */
  to: IsoDateSchema.optional(),
};

/** An end before the start is refused by the service (reason `end_before_start` on `to`). */
export const ValuesHxlQuery = z.strictObject({ ...ValuesExportFilter, includePending: queryBoolean });
export type ValuesHxlQueryInput = z.input<typeof ValuesHxlQuery>;

export const FourWQuery = z.strictObject({
  programmeId: IdSchema.optional(),
  /** ISO 3166-1 alpha-3, as projects store their countries (MLI). */
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((c) => c.toUpperCase())
    .optional(),
});
export type FourWQueryInput = z.input<typeof FourWQuery>;

export const VALUES_EXPORT_FORMATS = ['xlsx', 'csv', 'hxl'] as const;
export type ValuesExportFormat = (typeof VALUES_EXPORT_FORMATS)[number];

/** `POST /api/projects/:id/exports`: starts a `values.export` job (202 with the job). */
export const CreateValuesExportSchema = z.strictObject({
  format: z.enum(VALUES_EXPORT_FORMATS),
  ...ValuesExportFilter,
  /** Honoured only for readers who may see packages before approval; marked in a column. */
  includePending: z.boolean().default(false),
});
export type CreateValuesExport = z.infer<typeof CreateValuesExportSchema>;
export type CreateValuesExportInput = z.input<typeof CreateValuesExportSchema>;

export const VALUES_EXPORT_JOB = 'values.export';

/** What the job stores as its payload. */
export const ValuesExportPayloadSchema = z.object({
  projectId: IdSchema,
  format: z.enum(VALUES_EXPORT_FORMATS),
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  includePending: z.boolean(),
});
export type ValuesExportPayload = z.infer<typeof ValuesExportPayloadSchema>;
