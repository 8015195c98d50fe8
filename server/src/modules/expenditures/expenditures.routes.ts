import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import {
  ApproveExpenditureBody,
  AwaitingApprovalSchema,
  CreateExpenditureBody,
  EXPENDITURE_ATTACHMENT_MAX_BYTES,
  ExpenditureListSchema,
  ExpenditureOptionsSchema,
  ExpenditureSchema,
  ListExpendituresQuery,
  RejectExpenditureBody,
  SavedExpenditureSchema,
  UpdateExpenditureBody,
  UploadExpenditureAttachmentQuery,
  WithdrawExpenditureQuery,
} from '@shared/schemas/expenditures.js';
import { idempotencyKeyOf, sendIdempotent } from '../../lib/idempotency.js';
import { ctxOf } from '../../plugins/auth.js';
import { receiptFile, receiptTooLarge, uploadReceipt } from './expenditure-attachments.service.js';
import * as service from './expenditures.service.js';

const tags = ['expenditures'];
/** A little over the file limit, so a file just above it gets the service's answer naming the limit. */
const UPLOAD_BODY_LIMIT = EXPENDITURE_ATTACHMENT_MAX_BYTES + 64 * 1024;

/** RFC 5987: the UTF-8 file name percent-encoded, with the few characters encodeURIComponent leaves that the RFC does not allow. */
const rfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const asciiFallback = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

/** The receipt upload takes raw bytes whatever content type the client claims; in its own plugin so JSON routes keep their parser. */
const receiptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError) => {
    throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? receiptTooLarge() : err;
  });
  app.post(
    '/expenditures/:id/attachment',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, params: IdParams, querystring: UploadExpenditureAttachmentQuery, response: { 201: ExpenditureSchema } } },
    async (req, reply) => {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return sendIdempotent(reply, await uploadReceipt(ctxOf(req), req.params.id, req.query, content, idempotencyKeyOf(req)));
    },
  );
};

export const expenditureRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(receiptRoutes);

  app.get('/projects/:id/expenditures', { schema: { tags, params: IdParams, querystring: ListExpendituresQuery, response: { 200: ExpenditureListSchema } } }, async (req) =>
    service.listExpenditures(ctxOf(req), req.params.id, req.query),
  );
  app.get('/projects/:id/expenditures/options', { schema: { tags, params: IdParams, response: { 200: ExpenditureOptionsSchema } } }, async (req) =>
    service.expenditureOptions(ctxOf(req), req.params.id),
  );
  app.post(
    '/projects/:id/expenditures',
    { schema: { tags, params: IdParams, body: CreateExpenditureBody, response: { 201: SavedExpenditureSchema } } },
    async (req, reply) => sendIdempotent(reply, await service.createExpenditure(ctxOf(req), req.params.id, req.body, idempotencyKeyOf(req))),
  );
  app.get('/expenditures/awaiting-my-approval', { schema: { tags, response: { 200: AwaitingApprovalSchema } } }, async (req) => service.awaitingMyApproval(ctxOf(req)));
  app.get('/expenditures/:id', { schema: { tags, params: IdParams, response: { 200: ExpenditureSchema } } }, async (req) => service.getExpenditure(ctxOf(req), req.params.id));
  app.put('/expenditures/:id', { schema: { tags, params: IdParams, body: UpdateExpenditureBody, response: { 200: SavedExpenditureSchema } } }, async (req) =>
    service.updateExpenditure(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/expenditures/:id', { schema: { tags, params: IdParams, querystring: WithdrawExpenditureQuery } }, async (req, reply) => {
    await service.withdrawExpenditure(ctxOf(req), req.params.id, req.query.version);
    return reply.code(204).send();
  });
  app.post('/expenditures/:id/approve', { schema: { tags, params: IdParams, body: ApproveExpenditureBody, response: { 200: ExpenditureSchema } } }, async (req, reply) =>
    sendIdempotent(reply, await service.approveExpenditure(ctxOf(req), req.params.id, req.body, idempotencyKeyOf(req))),
  );
  app.post('/expenditures/:id/reject', { schema: { tags, params: IdParams, body: RejectExpenditureBody, response: { 200: ExpenditureSchema } } }, async (req, reply) =>
    sendIdempotent(reply, await service.rejectExpenditure(ctxOf(req), req.params.id, req.body, idempotencyKeyOf(req))),
  );
  app.get('/expenditures/:id/attachment', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const file = await receiptFile(ctxOf(req), req.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.content.length))
      .header('content-disposition', `attachment; filename="${asciiFallback(file.fileName)}"; filename*=UTF-8''${rfc5987(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
};
