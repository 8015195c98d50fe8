/** The closed set of error codes every API error body carries. */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'period_locked',
  'csrf_failed',
  'too_many_requests',
  'payload_too_large',
  'import_failed',
  /** A service the server calls (machine translation) failed or did not answer. */
  'upstream_failed',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field (or one row and column of an imported file). */
export interface ErrorDetail {
  /** Dotted path of the field, e.g. `body.email` or `countries.2`. */
  field?: string;
  /** Sheet of an imported workbook, e.g. `Indicators`. */
  sheet?: string;
  /** 1-based row of an imported file, counting the header row as 1. */
  row?: number;
  /** Column of an imported file: its header, e.g. `type`, or letter when it has none. */
  column?: string;
  /** Machine-readable reason, e.g. `too_long`, `required`, `unknown_parent`. */
  reason: string;
  /** The reason in the reader's language. */
  message: string;
  /** Values that fill the message, e.g. `{ maximum: 200 }`. */
  params?: Record<string, string | number>;
}

/** A detail before translation: `message` is rendered from `reason` in the reader's language. */
export type DetailInput = Omit<ErrorDetail, 'message'>;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: ErrorDetail[];
    requestId?: string;
  };
}
