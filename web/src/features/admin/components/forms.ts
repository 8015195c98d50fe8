import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../api/client.js';

/**
 * Checks a form against the same Zod schema the server uses and returns field → message in the
 * user's language, so most mistakes are caught before anything is sent.
 */
export function zodFieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (out[field]) continue;
    const i = issue as z.core.$ZodIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string };
    switch (i.code) {
      case 'too_small':
        out[field] = i.origin === 'string' && Number(i.minimum) <= 1 ? t('admin:validation.required') : t('admin:validation.tooShort', { count: Number(i.minimum) });
        break;
      case 'too_big':
        out[field] = i.origin === 'string' ? t('admin:validation.tooLong', { count: Number(i.maximum) }) : t('admin:validation.invalid');
        break;
      case 'invalid_format':
        out[field] = i.format === 'email' ? t('admin:validation.email') : i.format === 'url' ? t('admin:validation.url') : t('admin:validation.format');
        break;
      case 'invalid_type':
        out[field] = t('admin:validation.required');
        break;
      case 'invalid_value':
        // A choice left empty (an enum given nothing) is missing, not wrong; parse with reportInput to tell.
        out[field] = 'input' in i && i.input === undefined ? t('admin:validation.required') : t('admin:validation.invalid');
        break;
      default:
        out[field] = t('admin:validation.invalid');
    }
  }
  return out;
}

/** Server field errors (`body.` prefix dropped), or none when the error is not an API error. */
export const serverFieldErrors = (error: unknown): Record<string, string> => (error instanceof ApiError ? error.fieldErrors() : {});

/** Empty text inputs are sent as null so that clearing a field clears it on the server. */
export const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
