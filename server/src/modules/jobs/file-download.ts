import type { FastifyReply } from 'fastify';

/** RFC 5987: the UTF-8 file name percent-encoded, with the few characters encodeURIComponent leaves that the RFC does not allow. */
const rfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** A plain ASCII name for old clients that ignore filename*. */
const asciiFallback = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

/** Sends a stored file as a download: its own type, never sniffed, never run in the browser, never cached. */
export function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.content.length))
    .header('content-disposition', `attachment; filename="${asciiFallback(file.fileName)}"; filename*=UTF-8''${rfc5987(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
