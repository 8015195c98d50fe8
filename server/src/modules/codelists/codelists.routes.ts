import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CodelistParams, CodelistResponse } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import { codelist } from './codelists.service.js';

export const codelistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/codelists/:name', { schema: { tags: ['codelists'], params: CodelistParams, response: { 200: CodelistResponse } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    // Codelists change with releases, not requests: let the browser keep them for an hour.
    void reply.header('cache-control', 'private, max-age=3600');
    return { items: codelist(req.params.name, ctx.locale) };
  });
};
