import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParams,
  ImportLocationsBody,
  ImportLocationsResult,
  ListLocationsQuery,
  LocationSchema,
  UpdateLocationBody,
} from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './locations.service.js';

const tags = ['locations'];

export const locationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/locations', { schema: { tags, querystring: ListLocationsQuery, response: { 200: z.object({ items: z.array(LocationSchema) }) } } }, async (req) =>
    service.listLocations(ctxOf(req), req.query),
  );
  app.get('/locations/:id', { schema: { tags, params: IdParams, response: { 200: LocationSchema } } }, async (req) =>
    service.getLocation(ctxOf(req), req.params.id),
  );
  app.patch('/locations/:id', { schema: { tags, params: IdParams, body: UpdateLocationBody, response: { 200: LocationSchema } } }, async (req) =>
    service.updateLocation(ctxOf(req), req.params.id, req.body),
  );
  // Whole GeoJSON files: the only route allowed more than the app's 1 MiB.
  const bodyLimit = 25 * 1024 * 1024;
  app.post('/locations/import', { bodyLimit, schema: { tags, body: ImportLocationsBody, response: { 200: ImportLocationsResult } } }, async (req) =>
    service.importLocations(ctxOf(req), req.body),
  );
};
