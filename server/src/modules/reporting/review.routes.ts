import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import {
  AddCommentBody, ApproveBody, ReopenBody, ResolveCommentBody, ReturnBody, ReviewCommentSchema, SubmissionSummarySchema, SubmitBody,
} from '@shared/schemas/reporting.js';
import { idempotencyKeyOf, sendIdempotent } from '../../lib/idempotency.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './review.service.js';

const tags = ['field reporting'];
const summary = { 200: SubmissionSummarySchema };

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/submissions/:id/submit', { schema: { tags, params: IdParams, body: SubmitBody, response: summary } }, async (req, reply) =>
    sendIdempotent(reply, await service.act(ctxOf(req), req.params.id, { action: 'submit', body: req.body }, idempotencyKeyOf(req))),
  );
  app.post('/submissions/:id/return', { schema: { tags, params: IdParams, body: ReturnBody, response: summary } }, async (req, reply) =>
    sendIdempotent(reply, await service.act(ctxOf(req), req.params.id, { action: 'return', body: req.body }, idempotencyKeyOf(req))),
  );
  app.post('/submissions/:id/approve', { schema: { tags, params: IdParams, body: ApproveBody, response: summary } }, async (req, reply) =>
    sendIdempotent(reply, await service.act(ctxOf(req), req.params.id, { action: 'approve', body: req.body }, idempotencyKeyOf(req))),
  );
  app.post('/submissions/:id/reopen', { schema: { tags, params: IdParams, body: ReopenBody, response: summary } }, async (req, reply) =>
    sendIdempotent(reply, await service.act(ctxOf(req), req.params.id, { action: 'reopen', body: req.body }, idempotencyKeyOf(req))),
  );
  app.post('/submissions/:id/comments', { schema: { tags, params: IdParams, body: AddCommentBody, response: { 201: ReviewCommentSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.addComment(ctxOf(req), req.params.id, req.body)),
  );
  app.post('/review-comments/:id/resolved', { schema: { tags, params: IdParams, body: ResolveCommentBody, response: { 200: ReviewCommentSchema } } }, async (req) =>
    service.resolveComment(ctxOf(req), req.params.id, req.body),
  );
};
