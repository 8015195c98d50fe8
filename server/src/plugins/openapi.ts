import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI generated from the same Zod schemas the routes validate with. Served at /api/openapi.json. */
export const openapiPlugin = fp(async (app: FastifyInstance, opts: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Fieldbook API',
        description:
          'Programme monitoring, evaluation and donor reporting. Sign in with POST /api/auth/login; send the returned csrfToken in the x-csrf-token header on every state-changing request.',
        version: opts.version,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fb_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
});
