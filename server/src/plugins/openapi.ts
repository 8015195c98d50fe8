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
          'Programme monitoring, evaluation and donor reporting. Scripts and tools send a personal API token (made on the profile page) as `Authorization: Bearer fbk_…` and read everything their user may read, with no CSRF header. The browser signs in with POST /api/auth/login and sends the returned csrfToken in the x-csrf-token header on every state-changing request.',
        version: opts.version,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (fbk_…). It cannot manage tokens or sessions.' },
          session: { type: 'apiKey', in: 'cookie', name: 'fb_session' },
        },
      },
      // Either one: a token, or the browser's session cookie.
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
});
