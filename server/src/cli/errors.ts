import { errorMessage } from '@shared/i18n/error-messages.js';
import { ZodError } from 'zod';
import { uniqueViolation } from '../lib/db-errors.js';
import { AppError } from '../lib/errors.js';
import { issuesToDetails } from '@shared/validation.js';

/** A problem the operator can fix; its message is printed as it is, on one line. */
export class CliError extends Error {}

/** Any failure as one line: service errors in the same words the API uses, in English. */
export function describeError(err: unknown): string {
  if (err instanceof ZodError) return describeError(new AppError('validation_failed', issuesToDetails(err.issues)));
  if (err instanceof AppError) {
    const details = err.details.map((d) => `${d.field ? `${d.field}: ` : ''}${errorMessage(d.reason, 'en', d.params)}`);
    // For invalid input the field messages say it all; other codes keep their headline.
    if (err.code === 'validation_failed' && details.length) return details.join('; ');
    const head = errorMessage(err.code, 'en', { count: err.details.length, ...err.params });
    return [head, ...details].join(' ');
  }
  const unique = uniqueViolation(err);
  if (unique) return describeError(new AppError('conflict', [{ ...(unique.field ? { field: unique.field } : {}), reason: 'duplicate' }]));
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n').map((l) => l.trim()).filter(Boolean).join('; ');
}
