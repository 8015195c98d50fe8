import { AppError } from './errors.js';

/** How long a provider may take before the request is given up (a field office waits no longer). */
export const TRANSLATE_TIMEOUT_MS = 15_000;

export interface TranslateProvider {
  /** Base address of a LibreTranslate-compatible service, e.g. `http://localhost:5000`. */
  url: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
}

export interface TranslateRequest {
  text: string;
  source: string;
  target: string;
}

/** The provider's host, stored as a machine translation's provenance. */
export const providerHost = (url: string): string => new URL(url).host;

/** A provider that failed or did not answer: 502 naming the provider and what went wrong. */
const failed = (provider: string, status: string) =>
  new AppError('upstream_failed', [{ field: 'provider', reason: 'translation_provider_failed', params: { provider, status } }]);

/**
 * Translates plain text through the LibreTranslate HTTP API (`POST /translate`, JSON
 * `{q, source, target, format, api_key}` → `{translatedText}`). Errors never leak the API key.
 */
export async function translateText(provider: TranslateProvider, req: TranslateRequest): Promise<string> {
  const host = providerHost(provider.url);
  const timeoutMs = provider.timeoutMs ?? TRANSLATE_TIMEOUT_MS;
  const body = { q: req.text, source: req.source, target: req.target, format: 'text', ...(provider.apiKey ? { api_key: provider.apiKey } : {}) };
  let res: Response;
  try {
    res = await fetch(new URL('translate', provider.url.endsWith('/') ? provider.url : `${provider.url}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    const waited = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
    throw failed(host, timedOut ? `no answer within ${waited}` : 'unreachable');
  }
  let answer: unknown;
  try {
    answer = await res.json();
  } catch {
    answer = null;
  }
  if (!res.ok) {
    const reason = answer && typeof answer === 'object' && 'error' in answer && typeof answer.error === 'string' ? `: ${answer.error.slice(0, 200)}` : '';
    throw failed(host, `HTTP ${res.status}${reason}`);
  }
  const text = answer && typeof answer === 'object' && 'translatedText' in answer ? answer.translatedText : undefined;
  if (typeof text !== 'string') throw failed(host, 'answer without translatedText');
  return text;
}
