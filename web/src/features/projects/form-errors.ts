import type { z } from 'zod';
import type { ErrorDetail } from '@shared/errors.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { issuesToDetails } from '@shared/validation.js';
import { ApiError } from '../../api/client.js';
import { currentLocale } from '../../i18n/index.js';

/** One problem with one form value: `field` is the dotted path (`countries.0`), `message` is in the user's language. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Zod issues in the same words the server uses for them (the shared mapping and message catalogue),
 * so a field reads the same whether the browser or the server caught the problem. `patternMessages`
 * words a failed pattern per field, e.g. `{ code: 'Letters, digits and . _ - / only' }`.
 */
export function zodProblems(error: z.ZodError, patternMessages: Record<string, string> = {}): FieldProblem[] {
  const locale = currentLocale();
  return issuesToDetails(error.issues).map((d) => {
    const field = d.field ?? '';
    const message = d.reason === 'pattern_mismatch' && patternMessages[field] ? patternMessages[field] : errorMessage(d.reason, locale, d.params);
    return { field, message };
  });
}

/** The field problems an API error carries (the server already wrote them in the user's language). */
export function apiProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter((d): d is ErrorDetail & { field: string } => !!d.field && d.row === undefined)
    .map((d) => ({ field: d.field.replace(/^(body|query|querystring|params)\./, ''), message: d.message }));
}

/**
 * Places problems on the form's fields. A problem with one item of a list (`locationIds.2`) goes on the
 * list's field, prefixed with the item's name when `itemLabel` knows it; problems with fields the form
 * does not show are returned as `unplaced`, for a general alert.
 */
export function placeProblems(
  problems: FieldProblem[],
  fields: readonly string[],
  itemLabel?: (field: string, index: number) => string | undefined,
): { byField: Record<string, string>; unplaced: string[] } {
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const p of problems) {
    const [head = '', index] = p.field.split('.');
    if (!fields.includes(head)) {
      unplaced.push(p.field ? `${p.field}: ${p.message}` : p.message);
      continue;
    }
    const label = index !== undefined && /^\d+$/.test(index) ? itemLabel?.(head, Number(index)) : undefined;
    const text = label ? `${label}: ${p.message}` : p.message;
    byField[head] = byField[head] ? `${byField[head]} ${text}` : text;
  }
  return { byField, unplaced };
}
