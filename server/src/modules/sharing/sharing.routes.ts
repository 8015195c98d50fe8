import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import {
  CreatedShareLinkSchema,
  CreateShareLinkBody,
  SharedFileParams,
  SharedTokenParams,
  SharedViewQuery,
  SharedViewSchema,
  ShareLinkListQuery,
  ShareLinkListSchema,
  ShareLinkSchema,
} from '@shared/schemas/sharing.js';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../plugins/auth.js';
import * as shared from './shared-view.service.js';
import * as service from './sharing.service.js';

const tags = ['sharing'];

/** A file name any Content-Disposition reader accepts, with the original in filename* (RFC 6266). */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

const visit = (req: FastifyRequest): shared.Visit => ({ db: req.server.db, ip: req.ip, requestId: req.id, locale: req.locale });

export const sharingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/share-links', { schema: { tags, body: CreateShareLinkBody, response: { 201: CreatedShareLinkSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createShareLink(ctxOf(req), req.body, app.config.PUBLIC_URL)),
  );
  app.get('/share-links', { schema: { tags, querystring: ShareLinkListQuery, response: { 200: ShareLinkListSchema } } }, async (req) =>
    service.listShareLinks(ctxOf(req), req.query.projectId),
  );
  app.post('/share-links/:id/revoke', { schema: { tags, params: IdParams, response: { 200: ShareLinkSchema } } }, async (req) =>
    service.revokeShareLink(ctxOf(req), req.params.id),
  );

  // What a link shows, to anyone holding it: no session, no CSRF (reads only).
  const open = { public: true };
  app.get(
    '/shared/:token',
    { config: open, schema: { tags, security: [], params: SharedTokenParams, querystring: SharedViewQuery, response: { 200: SharedViewSchema } } },
    async (req, reply) => {
      void reply.header('x-robots-tag', 'noindex');
      return shared.getSharedView(visit(req), req.params.token, req.query.granularity);
    },
  );
  app.get('/shared/:token/files/:format', { config: open, schema: { tags, security: [], params: SharedFileParams } }, async (req, reply) => {
    const file = await shared.getSharedFile(visit(req), req.params.token, req.params.format);
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', disposition(file.fileName))
      .header('x-robots-tag', 'noindex')
      .send(file.content);
  });
};
