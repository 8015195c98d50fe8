/**
 * A fresh `Idempotency-Key`: a retried write carrying the same key acts once on the server.
 * `crypto.randomUUID` exists only on secure origins, and field offices often reach the server over
 * plain HTTP on their network, so the key is built from `getRandomValues`, which works everywhere.
 */
export function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const idempotencyHeader = (key: string) => ({ 'Idempotency-Key': key });
