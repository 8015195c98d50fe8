import { z } from 'zod';
import { ChangeReasonSchema } from './results.js';

/** A framework workbook (the documented template, see docs/framework-template.md) sent as base64. */
export const ImportFrameworkBody = z.strictObject({
  /** The .xlsx file, base64; 10 MB at most (checked by the body limit). */
  contentBase64: z.string().min(1),
  /** Check only: list problems and what would change, write nothing. */
  dryRun: z.boolean().default(false),
  /** Why: recorded on every indicator and target the import changes. */
  why: ChangeReasonSchema,
});

const counts = z.object({ created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), unchanged: z.number().int() });

export const ImportFrameworkResult = z.object({
  dryRun: z.boolean(),
  nodes: counts,
  indicators: counts,
  /** Targets after the import, and how many cells changed. */
  targets: z.object({ total: z.number().int(), changed: z.number().int() }),
});
export type ImportFrameworkResultT = z.infer<typeof ImportFrameworkResult>;
