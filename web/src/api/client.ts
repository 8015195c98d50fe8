import type { ErrorBody, ErrorCode, ErrorDetail } from '@shared/errors.js';
import { currentLocale } from '../i18n/index.js';

/** An API failure in the shape every endpoint uses; `message` is already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** Field name → message, for placing server errors next to form fields (`body.` prefix dropped). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      if (!d.field) continue;
      const key = d.field.replace(/^(body|query|querystring|params)\./, '');
      out[key] ??= d.message;
    }
    return out;
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
/** The CSRF header a write needs, for requests made without `api` (file downloads sent with POST). */
export const csrfHeader = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

let onUnauthenticated: () => void = () => {};
export const setUnauthenticatedHandler = (fn: () => void) => {
  onUnauthenticated = fn;
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on a write the client may retry. */
  headers?: Record<string, string>;
  /** A file sent as the raw request body under its own content type (imports, attachments); replaces `body`. */
  file?: { data: Blob; contentType: string };
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** Fetches JSON from the API with the session cookie and, on writes, the CSRF token. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  // The interface language, not the browser's: signed-out answers (sign-in errors) come back in it too.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.file) headers['content-type'] = opts.file.contentType;
  Object.assign(headers, opts.headers);
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.file ? opts.file.data : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', '');
  }
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    /* not JSON: a proxy or the network answered */
  }
  const e = body?.error;
  const error = new ApiError(res.status, e?.code ?? 'internal_error', e?.message ?? res.statusText, e?.details ?? [], e?.requestId);
  if (res.status === 401 && path !== '/auth/login' && path !== '/auth/session') onUnauthenticated();
  throw error;
}
