import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Serves the built web app; any non-API path that is not a file gets index.html (client-side routing). */
export const webPlugin = fp(async (app: FastifyInstance, opts: { root: string }) => {
  if (!fs.existsSync(path.join(opts.root, 'index.html'))) {
    app.log.warn(`web build not found in ${opts.root}; run "npm run build" to serve the interface`);
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    index: false,
    // Hashed asset names can be cached for a year; index.html must always be revalidated.
    setHeaders: (res, file) => {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(opts.root, path.normalize(url));
    if (file.startsWith(opts.root) && url !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(opts.root, file));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
});
