import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '@shared/schemas/jobs.js';
import { runJobsCommand } from '../../cli/commands/jobs.js';
import { addMs, nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { loadActor } from '../auth/auth.service.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { registerJobHandler } from './jobs.registry.js';
import { claimJob, findJob } from './jobs.repository.js';
import { MAX_ATTEMPTS, runPendingJobs } from './jobs.runner.js';
import { enqueueJob } from './jobs.service.js';

let t: TestApp;
let creator: { id: string };
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db);
  creator = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'me_officer', scopeType: 'organisation', scopeId: org.id }] });
  ctx = { db: t.db, actor: await loadActor(t.db, creator.id), requestId: 'test', ip: null, locale: 'en' };
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const enqueue = (kind: string, payload: unknown = {}) => enqueueJob(ctx, { kind, payload, organisationId: null });
const job = async (id: string) => (await findJob(t.db, id))!;

describe('claiming', () => {
  it('lets exactly one of two racing claims take a job', async () => {
    registerJobHandler('test.never-run', async () => ({}));
    const id = await enqueue('test.never-run');
    const now = nowIso();
    const claim = (runnerId: string) => claimJob(t.db, id, { runnerId, now, retryBefore: now, lockedUntil: addMs(now, 60_000) });
    const results = await Promise.all([claim('a'), claim('b'), claim('c')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await job(id);
    expect(row.status).toBe('running');
    expect(row.attempts).toBe(1);
    expect(['a', 'b', 'c'][results.indexOf(true)]).toBe(row.locked_by);
    await t.db.updateTable('jobs').set({ status: 'done' }).where('id', '=', id).execute();
  });

  it('never runs a job twice when two runners work at once', async () => {
    const runs = new Map<string, number>();
    const active = new Set<string>();
    let overlap = false;
    registerJobHandler('test.slow', async (j) => {
      if (active.has(j.id)) overlap = true;
      active.add(j.id);
      runs.set(j.id, (runs.get(j.id) ?? 0) + 1);
      await j.progress(50);
      await sleep(15);
      active.delete(j.id);
      return { result: { ok: true } };
    });
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => enqueue('test.slow', { i })));
    const [a, b] = await Promise.all([runPendingJobs(t.db), runPendingJobs(t.db)]);
    expect(a + b).toBe(8);
    expect(overlap).toBe(false);
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
    for (const id of ids) expect((await job(id)).status).toBe('done');
  });

  it('picks up a job whose runner stopped renewing its lease, and leaves a live lease alone', async () => {
    registerJobHandler('test.resume', async () => ({ result: { resumed: true } }));
    const expired = await enqueue('test.resume');
    const live = await enqueue('test.resume');
    const set = (id: string, until: string) =>
      t.db.updateTable('jobs').set({ status: 'running', locked_by: 'crashed-server', locked_until: until, attempts: 1, started_at: nowIso() }).where('id', '=', id).execute();
    await set(expired, addMs(nowIso(), -1000));
    await set(live, addMs(nowIso(), 60_000));
    expect(await runPendingJobs(t.db)).toBe(1);
    expect(await job(expired)).toMatchObject({ status: 'done', attempts: 2, result_json: JSON.stringify({ resumed: true }) });
    expect(await job(live)).toMatchObject({ status: 'running', locked_by: 'crashed-server', attempts: 1 });
  });

  it('fails a job whose runners died on every attempt', async () => {
    registerJobHandler('test.doomed', async () => ({}));
    const id = await enqueue('test.doomed');
    await t.db.updateTable('jobs').set({ status: 'running', locked_by: 'x', locked_until: addMs(nowIso(), -1), attempts: MAX_ATTEMPTS }).where('id', '=', id).execute();
    await runPendingJobs(t.db);
    expect(await job(id)).toMatchObject({ status: 'failed', error_code: 'internal_error' });
  });

  it('leaves queued jobs of kinds it has no handler for', async () => {
    const id = await enqueue('test.unknown-kind');
    expect(await runPendingJobs(t.db)).toBe(0);
    expect((await job(id)).status).toBe('queued');
  });
});

describe('outcomes', () => {
  it('fails a job at once with the code of the AppError its handler throws', async () => {
    let calls = 0;
    registerJobHandler('test.refused', async () => {
      calls++;
      throw new AppError('validation_failed', [{ field: 'templateId', reason: 'unknown_reference' }]);
    });
    const id = await enqueue('test.refused');
    await runPendingJobs(t.db);
    expect(calls).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'failed', error_code: 'validation_failed', attempts: 1 });
    const body = (await (await t.as(creator.id, { 'accept-language': 'fr' })).get(`/api/jobs/${id}`)).json() as Job;
    expect(body.error?.code).toBe('validation_failed');
    expect(body.error?.message).toContain("L'élément référencé n'existe pas.");
  });

  it('retries a handler that crashes and fails the job after the last attempt', async () => {
    let calls = 0;
    registerJobHandler('test.crashing', async () => {
      calls++;
      throw new Error('disk full');
    });
    const id = await enqueue('test.crashing');
    await runPendingJobs(t.db);
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(await job(id)).toMatchObject({ status: 'failed', error_code: 'internal_error', attempts: MAX_ATTEMPTS });
    expect((await job(id)).error_message).not.toContain('disk full');
  });

  it('stops a handler whose lease was taken over and keeps the other runner’s work', async () => {
    registerJobHandler('test.stolen', async (j) => {
      await t.db.updateTable('jobs').set({ locked_by: 'another-server' }).where('id', '=', j.id).execute();
      await j.progress(10, 'step');
      return { result: { wrote: true } };
    });
    const id = await enqueue('test.stolen');
    await runPendingJobs(t.db);
    expect(await job(id)).toMatchObject({ status: 'running', locked_by: 'another-server', result_json: null, progress: 0 });
    await t.db.updateTable('jobs').set({ status: 'done' }).where('id', '=', id).execute();
  });

  it('runs queued jobs from the command line', async () => {
    registerJobHandler('test.cli', async () => ({ result: { n: 1 } }));
    const id = await enqueue('test.cli');
    const lines: string[] = [];
    expect(await runJobsCommand(t.db, (l) => lines.push(l))).toBe(1);
    expect((await job(id)).status).toBe('done');
    expect(lines.join('\n')).toMatch(/1 job\(s\) run/);
  });
});

describe('GET /api/jobs/:id', () => {
  it('shows progress while the job runs, then its result and file', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    registerJobHandler('test.export', async (j) => {
      await j.progress(40, 'Écriture des valeurs');
      reached();
      await gate;
      return { result: { rows: 3 }, file: { fileName: 'valeurs-été.csv', mediaType: 'text/csv; charset=utf-8', content: Buffer.from('a,b\n1,2\n') } };
    });
    const id = await enqueue('test.export');
    const agent = await t.as(creator.id);
    expect((await agent.get(`/api/jobs/${id}`)).json()).toMatchObject({ status: 'queued', progress: 0, downloadUrl: null });

    const running = runPendingJobs(t.db);
    await atGate;
    expect((await agent.get(`/api/jobs/${id}`)).json()).toMatchObject({ status: 'running', progress: 40, progressNote: 'Écriture des valeurs', downloadUrl: null });
    expect((await agent.get(`/api/jobs/${id}/file`)).statusCode).toBe(404);
    release();
    await running;

    const done = (await agent.get(`/api/jobs/${id}`)).json() as Job;
    expect(done).toMatchObject({ status: 'done', progress: 100, result: { rows: 3 }, downloadUrl: `/api/jobs/${id}/file`, error: null });
    const file = await agent.get(done.downloadUrl!);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''valeurs-%C3%A9t%C3%A9.csv");
    expect(file.body).toBe('a,b\n1,2\n');
  });

  it('answers 404 to anyone but the creator and installation admins', async () => {
    registerJobHandler('test.private', async () => ({ file: { fileName: 'x.txt', mediaType: 'text/plain', content: Buffer.from('secret') } }));
    const id = await enqueue('test.private');
    await runPendingJobs(t.db);
    const org = await buildOrganisation(t.db);
    const colleague = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: org.id }] });
    const admin = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
    const other = await t.as(colleague.id);
    expect((await other.get(`/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/jobs/${id}/file`)).statusCode).toBe(404);
    expect((await (await t.as(admin.id)).get(`/api/jobs/${id}`)).statusCode).toBe(200);
    expect((await t.anonymous().get(`/api/jobs/${id}`)).statusCode).toBe(401);
  });
});
