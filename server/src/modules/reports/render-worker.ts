import { parentPort } from 'node:worker_threads';
import type { ReportFormat } from '@shared/schemas/reports.js';
import type { ReportDocument } from './document.types.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import { renderXlsx } from './render-xlsx.js';

/**
 * The report renderers' thread (started by render-pool.ts). Each message asks for one file of one
 * document; the answer carries the file's bytes, transferred rather than copied, or the renderer's
 * error as text. Rendering a large report is seconds of CPU: here it no longer holds up the app
 * server's requests.
 */

export type RenderFormat = ReportFormat;
export interface RenderRequest {
  id: number;
  format: RenderFormat;
  document: ReportDocument;
}
export type RenderReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string; stack?: string };

const RENDERERS: Record<RenderFormat, (doc: ReportDocument) => Promise<Buffer>> = { docx: renderDocx, xlsx: renderXlsx, pdf: renderPdf };

/**
 * Structured clone turns the logo's Buffer into a plain Uint8Array. docx and PDFKit read either
 * today, but the document type says Buffer: make it one again (a view on the same bytes, no copy).
 */
function revive(doc: ReportDocument): ReportDocument {
  const logo = doc.cover?.logo;
  if (!logo || Buffer.isBuffer(logo.content)) return doc;
  const bytes = logo.content as Uint8Array;
  return { ...doc, cover: { ...doc.cover!, logo: { ...logo, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) } } };
}

/** The file's bytes in an ArrayBuffer of their own, so it can be transferred (Node's small Buffers share a pool that cannot). */
function ownBytes(file: Buffer): Uint8Array {
  return file.byteOffset === 0 && file.byteLength === file.buffer.byteLength && file.buffer instanceof ArrayBuffer ? file : new Uint8Array(file);
}

async function answer(req: RenderRequest): Promise<RenderReply> {
  try {
    const render = RENDERERS[req.format];
    if (!render) throw new Error(`unknown format ${String(req.format)}`);
    return { id: req.id, ok: true, bytes: ownBytes(await render(revive(req.document))) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { id: req.id, ok: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (req: RenderRequest) => {
    void answer(req).then((reply) => port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []));
  });
}
