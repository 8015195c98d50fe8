import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '@shared/errors.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { uniqueViolation } from '../lib/db-errors.js';
import { AppError, type DetailInput } from '../lib/errors.js';
import { issuesToDetails } from '@shared/validation.js';

/** The one error handler: every failure leaves as `{ error: { code, message, details } }` in the reader's language. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) void reply.header(k, v);
      return send(request, reply, err.status, err.code, err.details, err.params);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = err.validation.map((v) => ({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }));
      return send(request, reply, 400, 'validation_failed', issuesToDetails(issues, where));
    }
    const unique = uniqueViolation(err);
    if (unique) {
      return send(request, reply, 409, 'conflict', [{ ...(unique.field ? { field: unique.field } : {}), reason: 'duplicate' }]);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(request, reply, err.statusCode ?? 400, 'malformed_request');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(request, reply, 413, 'payload_too_large');
    }
    if (err instanceof SyntaxError && err.statusCode === 400) return send(request, reply, 400, 'malformed_request');
    request.log.error({ err }, 'unhandled error');
    return send(request, reply, 500, 'internal_error', [], { requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'not_found'));
});

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  details: DetailInput[] = [],
  params: Record<string, string | number> = {},
) {
  const locale = request.locale ?? 'en';
  const count = details.length;
  const body: ErrorBody = {
    error: {
      code,
      message: errorMessage(code, locale, { count, ...params }),
      requestId: request.id,
      ...(details.length
        ? {
            details: details.map((d) => ({
              ...d,
              message: errorMessage(d.reason, locale, d.params),
            })),
          }
        : {}),
    },
  };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}
