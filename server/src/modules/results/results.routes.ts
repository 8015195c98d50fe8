import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateIndicatorBody,
  CreateResultNodeBody,
  DeleteIndicatorQuery,
  DeleteResultNodeQuery,
  FrameworkSchema,
  IdParams,
  IndicatorContributionsSchema,
  IndicatorHistorySchema,
  IndicatorSchema,
  MoveIndicatorBody,
  MoveResultNodeBody,
  OkSchema,
  ResultNodeSchema,
  UpdateFrameworkBody,
  UpdateIndicatorBody,
  UpdateResultNodeBody,
} from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import { listContributions } from './contributions.service.js';
import * as frameworks from './framework.service.js';
import * as indicators from './indicators.service.js';

const tags = ['results framework'];

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  // A framework belongs to a project or to a programme; the routes are the same under either owner.
  for (const kind of ['project', 'programme'] as const) {
    const base = `/${kind}s/:id/framework`;
    app.get(base, { schema: { tags, params: IdParams, response: { 200: FrameworkSchema } } }, async (req) =>
      frameworks.getFramework(ctxOf(req), { kind, id: req.params.id }),
    );
    app.patch(base, { schema: { tags, params: IdParams, body: UpdateFrameworkBody, response: { 200: FrameworkSchema } } }, async (req) =>
      frameworks.updateFramework(ctxOf(req), { kind, id: req.params.id }, req.body),
    );
    app.post(
      `${base}/nodes`,
      { schema: { tags, params: IdParams, body: CreateResultNodeBody, response: { 201: ResultNodeSchema } } },
      async (req, reply) => reply.status(201).send(await frameworks.createNode(ctxOf(req), { kind, id: req.params.id }, req.body)),
    );
  }
  app.patch('/result-nodes/:id', { schema: { tags, params: IdParams, body: UpdateResultNodeBody, response: { 200: ResultNodeSchema } } }, async (req) =>
    frameworks.updateNode(ctxOf(req), req.params.id, req.body),
  );
  app.post('/result-nodes/:id/move', { schema: { tags, params: IdParams, body: MoveResultNodeBody, response: { 200: FrameworkSchema } } }, async (req) =>
    frameworks.moveNode(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/result-nodes/:id', { schema: { tags, params: IdParams, querystring: DeleteResultNodeQuery, response: { 200: OkSchema } } }, async (req) => {
    await frameworks.deleteNode(ctxOf(req), req.params.id, req.query.confirm);
    return { ok: true as const };
  });
  app.post(
    '/result-nodes/:id/indicators',
    { schema: { tags, params: IdParams, body: CreateIndicatorBody, response: { 201: IndicatorSchema } } },
    async (req, reply) => reply.status(201).send(await indicators.createIndicator(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/indicators/:id', { schema: { tags, params: IdParams, response: { 200: IndicatorSchema } } }, async (req) =>
    indicators.getIndicator(ctxOf(req), req.params.id),
  );
  app.patch('/indicators/:id', { schema: { tags, params: IdParams, body: UpdateIndicatorBody, response: { 200: IndicatorSchema } } }, async (req) =>
    indicators.updateIndicator(ctxOf(req), req.params.id, req.body),
  );
  app.post('/indicators/:id/move', { schema: { tags, params: IdParams, body: MoveIndicatorBody, response: { 200: FrameworkSchema } } }, async (req) =>
    indicators.moveIndicator(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/indicators/:id', { schema: { tags, params: IdParams, querystring: DeleteIndicatorQuery, response: { 200: OkSchema } } }, async (req) => {
    await indicators.deleteIndicator(ctxOf(req), req.params.id, req.query.confirm);
    return { ok: true as const };
  });
  app.get('/indicators/:id/history', { schema: { tags, params: IdParams, response: { 200: IndicatorHistorySchema } } }, async (req) =>
    indicators.indicatorHistory(ctxOf(req), req.params.id),
  );
  app.get('/indicators/:id/contributions', { schema: { tags, params: IdParams, response: { 200: IndicatorContributionsSchema } } }, async (req) =>
    listContributions(ctxOf(req), req.params.id),
  );
};
