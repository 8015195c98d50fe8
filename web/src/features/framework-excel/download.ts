import type { ErrorBody } from '@shared/errors.js';
import { ApiError, buildUrl, csrfHeader } from '../../api/client.js';
import { currentLocale } from '../../i18n/index.js';
import { fileNameFrom } from './file-name.js';

/** Saves a Blob under the given name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads a file from the API with the session cookie. Fetched rather than linked so that a
 * refusal or a failure shows as a message in the page instead of replacing it with JSON. With
 * `post`, the JSON body is sent by POST with the CSRF header (a pivot's export sends its definition).
 */
export async function downloadFromApi(path: string, fallbackName: string, post?: { body: unknown }): Promise<void> {
  let res: Response;
  const headers: Record<string, string> = { 'accept-language': currentLocale() };
  try {
    res = await fetch(
      buildUrl(path),
      post
        ? { method: 'POST', credentials: 'same-origin', headers: { ...headers, ...csrfHeader(), 'content-type': 'application/json' }, body: JSON.stringify(post.body) }
        : { credentials: 'same-origin', headers },
    );
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'internal_error', e?.message ?? res.statusText, e?.details ?? [], e?.requestId);
  }
  saveBlob(await res.blob(), fileNameFrom(res.headers.get('content-disposition'), fallbackName));
}

/** The file's bytes as base64, for the JSON import body. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is "data:<type>;base64,<bytes>": keep what follows the comma.
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
