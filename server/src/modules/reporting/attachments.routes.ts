import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { ATTACHMENT_MAX_BYTES, AttachmentListSchema, AttachmentSchema, UploadAttachmentQuery } from '@shared/schemas/reporting.js';
import { idempotencyKeyOf, sendIdempotent } from '../../lib/idempotency.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './attachments.service.js';

const tags = ['field reporting'];
/** A little over the file limit, so a file just above it gets the service's answer naming the limit. */
const UPLOAD_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;

/** RFC 5987: the UTF-8 file name percent-encoded, with the few characters encodeURIComponent leaves that the RFC does not allow. */
const rfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** A plain ASCII name for old clients that ignore filename*. */
const asciiFallback = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  // In this plugin only: every upload body is taken as bytes, whatever content type the client
  // claims; the service decides the type from the bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError) => {
    // Far over the limit, the body parser stops reading: answer with the limit all the same.
    throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? service.fileTooLarge() : err;
  });

  app.get('/submissions/:id/attachments', { schema: { tags, params: IdParams, response: { 200: AttachmentListSchema } } }, async (req) =>
    service.listAttachments(ctxOf(req), req.params.id),
  );
  app.post(
    '/submissions/:id/attachments',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, params: IdParams, querystring: UploadAttachmentQuery, response: { 201: AttachmentSchema } } },
    async (req, reply) => {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return sendIdempotent(reply, await service.uploadAttachment(ctxOf(req), req.params.id, req.query, content, idempotencyKeyOf(req)));
    },
  );
  app.get('/attachments/:id/content', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const file = await service.attachmentFile(ctxOf(req), req.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.content.length))
      .header('content-disposition', `attachment; filename="${asciiFallback(file.fileName)}"; filename*=UTF-8''${rfc5987(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      // Opened directly anyway, the file runs no script and reaches no origin.
      .header('content-security-policy', 'sandbox')
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
  app.delete('/attachments/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteAttachment(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
};
