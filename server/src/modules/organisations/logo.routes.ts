import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import { ORGANISATION_LOGO_MAX_BYTES, OrganisationLogoInfoSchema } from '@shared/schemas/report-templates.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './logo.service.js';

const tags = ['organisations'];
/** A little over the limit, so a file just above it gets the service's answer naming the limit. */
const UPLOAD_BODY_LIMIT = ORGANISATION_LOGO_MAX_BYTES + 64 * 1024;

/** The logo is uploaded as the raw request body, like attachments: the type is read from the bytes. */
export const organisationLogoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError) => {
    throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? service.logoTooLarge() : err;
  });

  app.put(
    '/organisations/:id/logo',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, params: IdParams, response: { 200: OrganisationLogoInfoSchema } } },
    async (req) => service.putLogo(ctxOf(req), req.params.id, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
  );
  app.get('/organisations/:id/logo', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const logo = await service.getLogo(ctxOf(req), req.params.id);
    return reply
      .header('content-type', logo.mediaType)
      .header('content-length', String(logo.content.length))
      .header('last-modified', new Date(logo.updatedAt).toUTCString())
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-cache')
      .send(logo.content);
  });
  app.delete('/organisations/:id/logo', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteLogo(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
};
