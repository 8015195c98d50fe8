import { z } from 'zod';
import { LOCALES } from '../locales.js';

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
/** `lang` puts the language in the address so a browser cache never serves another language's names. */
export const CodelistQuery = z.strictObject({ lang: z.enum(LOCALES).optional() });
