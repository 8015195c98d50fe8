import type { DetailInput, ErrorCode } from '@shared/errors.js';

export type { DetailInput };


const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_request: 400,
  import_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  period_locked: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal_error: 500,
  upstream_failed: 502,
};

/** The one error type services throw; the error handler turns it into the API error body. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: DetailInput[] = [],
    readonly params: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const unauthenticated = () => new AppError('unauthenticated');
export const conflict = (field: string, reason = 'duplicate') => new AppError('conflict', [{ field, reason }]);
export const invalid = (...details: DetailInput[]) => new AppError('validation_failed', details);
