import { z } from 'zod';

export const CodelistItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** For sectors: the DAC 3-digit category. */
  category: z.string().optional(),
});
export type CodelistItem = z.infer<typeof CodelistItemSchema>;

export const CODELISTS = ['sectors', 'currencies', 'organisation-types', 'activity-statuses'] as const;
export const CodelistParams = z.strictObject({ name: z.enum(CODELISTS) });
export const CodelistResponse = z.object({ items: z.array(CodelistItemSchema) });
