import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CodelistParams, CodelistQuery, CodelistResponse } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import { codelist } from './codelists.service.js';

export const codelistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/codelists/:name', { schema: { tags: ['codelists'], params: CodelistParams, querystring: CodelistQuery, response: { 200: CodelistResponse } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    // Codelists change with releases, not requests: let the browser keep them for an hour.
    void reply.header('cache-control', 'private, max-age=3600').header('vary', 'accept-language, cookie');
    return { items: codelist(req.params.name, req.query.lang ?? ctx.locale) };
  });
};
