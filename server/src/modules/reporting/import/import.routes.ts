import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { ImportValuesQuery, ImportValuesResult } from '@shared/schemas/reporting.js';
import { AppError } from '../../../lib/errors.js';
import { idempotencyKeyOf, sendIdempotent } from '../../../lib/idempotency.js';
import { ctxOf } from '../../../plugins/auth.js';
import { MAX_UPLOAD_BYTES } from './columns.js';
import { importValues } from './import.service.js';

const tags = ['field reporting'];
const CONTENT_TYPES = ['text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

export const importValuesRoutes: FastifyPluginAsyncZod = async (app) => {
  // In this plugin only: the file is the raw body; the service tells XLSX from CSV by its bytes.
  app.addContentTypeParser(CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError) => {
    throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? new AppError('import_failed', [{ reason: 'file_too_large', params: { maximum: MAX_UPLOAD_BYTES / 1024 / 1024 } }]) : err;
  });

  app.post(
    '/submissions/:id/import',
    { bodyLimit: MAX_UPLOAD_BYTES, schema: { tags, params: IdParams, querystring: ImportValuesQuery, response: { 200: ImportValuesResult } } },
    async (req, reply) => {
      const buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const name = typeof req.headers['x-file-name'] === 'string' ? decodeURIComponent(req.headers['x-file-name']).slice(0, 200) : 'upload';
      const answer = await importValues(ctxOf(req), req.params.id, { fileName: name, buffer }, { dryRun: req.query.dryRun, idempotencyKey: idempotencyKeyOf(req) });
      return sendIdempotent(reply, answer);
    },
  );
};
