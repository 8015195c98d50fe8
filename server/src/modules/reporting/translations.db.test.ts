import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Narrative } from '@shared/schemas/reporting.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { buildReportingWorld, buildRound } from '../../test/reporting-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { machineTranslate } from './translations.service.js';

/** A LibreTranslate stand-in: answers as `answer` says and keeps every request body. */
function provider(answer: (body: Record<string, string>, res: http.ServerResponse) => void) {
  const received: { url: string; body: Record<string, string> }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, string>;
      received.push({ url: req.url ?? '', body });
      answer(body, res);
    });
  });
  return {
    received,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
const reply = (res: http.ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const good = provider((body, res) => reply(res, 200, { translatedText: `${body.target}: ${body.q}` }));
const broken = provider((_body, res) => reply(res, 500, { error: 'Internal Server Error' }));
const silent = provider(() => undefined);
let t: TestApp;
let urls: { good: string; broken: string; silent: string };

beforeAll(async () => {
  urls = { good: await good.start(), broken: await broken.start(), silent: await silent.start() };
  t = await createTestApp({ TRANSLATE_URL: urls.good, TRANSLATE_API_KEY: 'lt-key' });
});
afterAll(async () => {
  await t.close();
  await Promise.all([good.stop(), broken.stop(), silent.stop()]);
});

/** A package of the partner in French, with one achievements narrative, and agents for everyone. */
async function world(status: 'draft' | 'approved' = 'draft') {
  const w = await buildReportingWorld(t.db);
  const { submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id }, { organisationId: w.other.id }] });
  const submissionId = submissions[0]!.id;
  const agents = {
    partner: await t.as(w.users.partnerReporter.id),
    other: await t.as(w.users.otherReporter.id),
    manager: await t.as(w.users.manager.id),
    viewer: await t.as(w.users.viewer.id),
  };
  const saved = await agents.partner.request('PUT', `/api/submissions/${submissionId}/narratives`, { language: 'fr', sections: [{ section: 'achievements', text: 'Nous avons formé 40 agents.' }] });
  expect(saved.statusCode, saved.body).toBe(200);
  if (status === 'approved') await t.db.updateTable('submissions').set({ status, submitted_by: w.users.partnerReporter.id }).where('id', '=', submissionId).execute();
  const narrativeId = (saved.json() as { items: Narrative[] }).items[0]!.id;
  return { w, submissionId, narrativeId, agents };
}

const machine = (agent: Agent, id: string, language: string) => agent.post(`/api/narratives/${id}/translations/${language}/machine`);
const human = (agent: Agent, id: string, language: string, text: string) => agent.request('PUT', `/api/narratives/${id}/translations/${language}`, { text });
const review = (agent: Agent, id: string, language: string, reviewed: boolean) => agent.post(`/api/narratives/${id}/translations/${language}/reviewed`, { reviewed });
const audits = (narrativeId: string) => t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', narrativeId).orderBy('at').execute();

describe('machine translation', () => {
  it('sends the original to the provider and stores its answer as a machine translation, not yet reviewed', async () => {
    const { w, narrativeId, agents } = await world();
    const res = await machine(agents.partner, narrativeId, 'en');
    expect(res.statusCode, res.body).toBe(200);
    expect(good.received.at(-1)).toEqual({ url: '/translate', body: { q: 'Nous avons formé 40 agents.', source: 'fr', target: 'en', format: 'text', api_key: 'lt-key' } });
    const narrative = res.json() as Narrative;
    expect(narrative.translations).toEqual([
      {
        language: 'en', text: 'en: Nous avons formé 40 agents.', provenance: 'machine', provider: new URL(urls.good).host, reviewed: false, reviewedBy: null,
        outdated: false, updatedAt: expect.any(String), updatedBy: { id: w.users.partnerReporter.id, name: w.users.partnerReporter.name },
      },
    ]);
    const [entry] = await audits(narrativeId);
    expect(entry).toMatchObject({ action: 'narrative.translation.machine', organisation_id: w.partner.id, before_json: null });
    expect(JSON.parse(entry!.after_json!)).toEqual({ language: 'en', text: 'en: Nous avons formé 40 agents.', provenance: 'machine', provider: new URL(urls.good).host, reviewed: false });
  });

  it("refuses the narrative's own language", async () => {
    const { narrativeId, agents } = await world();
    const res = await machine(agents.partner, narrativeId, 'fr');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject([{ field: 'params.language', reason: 'same_as_original' }]);
  });

  it("hides another organisation's draft (404); an approved package is seen by all but translated by its reporter and managers only (403)", async () => {
    const draft = await world();
    expect((await machine(draft.agents.other, draft.narrativeId, 'en')).statusCode).toBe(404);
    expect((await human(draft.agents.viewer, draft.narrativeId, 'en', 'x')).statusCode).toBe(404);
    const { narrativeId, agents } = await world('approved');
    expect((await machine(agents.other, narrativeId, 'en')).statusCode).toBe(403);
    expect((await machine(agents.viewer, narrativeId, 'en')).statusCode).toBe(403);
    expect((await human(agents.viewer, narrativeId, 'en', 'x')).statusCode).toBe(403);
    expect(await t.db.selectFrom('narrative_translations').selectAll().where('narrative_id', '=', narrativeId).execute()).toEqual([]);
  });

  it('still translates an approved package (for its reporter and for reviewers)', async () => {
    const { narrativeId, agents } = await world('approved');
    expect((await machine(agents.partner, narrativeId, 'ar')).statusCode).toBe(200);
    expect((await human(agents.manager, narrativeId, 'es', 'Formamos a 40 agentes.')).statusCode).toBe(200);
  });

  describe('when the provider fails', () => {
    const ctxFor = async (w: Awaited<ReturnType<typeof world>>['w']): Promise<Ctx> => ({
      db: t.db,
      actor: { userId: w.users.partnerReporter.id, email: w.users.partnerReporter.email, name: w.users.partnerReporter.name, organisationId: w.partner.id, locale: 'en', grants: [{ role: 'partner_reporter', scopeType: 'project', scopeId: w.project.id }] },
      requestId: 'test', ip: null, locale: 'en',
    });
    const failure = async (p: Promise<unknown>) => {
      const err = await p.then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      return err as AppError;
    };

    it('answers 502 naming the provider and its status, and stores nothing', async () => {
      const { w, narrativeId } = await world();
      const err = await failure(machineTranslate(await ctxFor(w), narrativeId, 'en', { TRANSLATE_URL: urls.broken, TRANSLATE_API_KEY: undefined }));
      expect([err.status, err.code]).toEqual([502, 'upstream_failed']);
      expect(err.details).toEqual([{ field: 'provider', reason: 'translation_provider_failed', params: { provider: new URL(urls.broken).host, status: 'HTTP 500: Internal Server Error' } }]);
      expect(await t.db.selectFrom('narrative_translations').selectAll().where('narrative_id', '=', narrativeId).execute()).toEqual([]);
    });

    it('gives up on a provider that never answers', async () => {
      const { w, narrativeId } = await world();
      const started = Date.now();
      const err = await failure(machineTranslate(await ctxFor(w), narrativeId, 'en', { TRANSLATE_URL: urls.silent, TRANSLATE_API_KEY: undefined }, 300));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(err.details[0]!.params).toEqual({ provider: new URL(urls.silent).host, status: 'no answer within 300 ms' });
    });

    it('says clearly when no provider is configured', async () => {
      const { w, narrativeId } = await world();
      const err = await failure(machineTranslate(await ctxFor(w), narrativeId, 'en', { TRANSLATE_URL: undefined, TRANSLATE_API_KEY: undefined }));
      expect([err.status, err.details]).toEqual([409, [{ field: 'params.language', reason: 'machine_translation_unavailable' }]]);
    });
  });
});

describe('human translations and review', () => {
  it('a correction by a person replaces the machine provenance and clears the review', async () => {
    const { w, narrativeId, agents } = await world();
    await machine(agents.partner, narrativeId, 'en');
    expect((await review(agents.manager, narrativeId, 'en', true)).json<Narrative>().translations[0]).toMatchObject({ reviewed: true, reviewedBy: { id: w.users.manager.id, name: w.users.manager.name } });

    const res = await human(agents.partner, narrativeId, 'en', 'We trained 40 community workers.');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Narrative>().translations).toEqual([
      expect.objectContaining({ language: 'en', text: 'We trained 40 community workers.', provenance: 'human', provider: null, reviewed: false, reviewedBy: null, outdated: false }),
    ]);
    expect((await audits(narrativeId)).map((a) => a.action)).toEqual(['narrative.translation.machine', 'narrative.translation.review', 'narrative.translation.human']);
  });

  it('only round managers mark a translation reviewed, or take the mark back', async () => {
    const { narrativeId, agents } = await world();
    await human(agents.partner, narrativeId, 'en', 'We trained 40 workers.');
    expect((await review(agents.partner, narrativeId, 'en', true)).statusCode).toBe(403);
    expect((await review(agents.other, narrativeId, 'en', true)).statusCode).toBe(404);
    expect((await review(agents.manager, narrativeId, 'ar', true)).statusCode).toBe(404);
    expect((await review(agents.manager, narrativeId, 'en', true)).json<Narrative>().translations[0]!.reviewed).toBe(true);
    const back = await review(agents.manager, narrativeId, 'en', false);
    expect(back.json<Narrative>().translations[0]).toMatchObject({ reviewed: false, reviewedBy: null });
    const row = await t.db.selectFrom('narrative_translations').selectAll().where('narrative_id', '=', narrativeId).executeTakeFirstOrThrow();
    expect([row.reviewed, row.reviewed_by, row.reviewed_at]).toEqual([0, null, null]);
  });

  it('marks a translation outdated once the original changes, and current again when retranslated', async () => {
    const { submissionId, narrativeId, agents } = await world();
    await human(agents.partner, narrativeId, 'en', 'We trained 40 workers.');
    await agents.partner.request('PUT', `/api/submissions/${submissionId}/narratives`, { language: 'fr', sections: [{ section: 'achievements', text: 'Nous avons formé 45 agents.' }] });
    const list = (await agents.partner.get(`/api/submissions/${submissionId}/narratives`)).json<{ items: Narrative[] }>();
    expect(list.items[0]!.translations[0]).toMatchObject({ text: 'We trained 40 workers.', outdated: true });
    const again = await machine(agents.partner, narrativeId, 'en');
    expect(again.json<Narrative>().translations[0]).toMatchObject({ text: 'en: Nous avons formé 45 agents.', outdated: false, provenance: 'machine' });
  });

  it('refuses an empty translation', async () => {
    const { narrativeId, agents } = await world();
    expect((await human(agents.partner, narrativeId, 'en', '   ')).statusCode).toBe(400);
  });
});
