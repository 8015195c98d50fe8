import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NarrativeList } from '@shared/schemas/reporting.js';
import { nowIso } from '../../lib/clock.js';
import { newId, sha256 } from '../../lib/ids.js';
import { buildProgramme, buildProject, buildResultNode } from '../../test/factories.js';
import { buildReportingWorld, buildRound, type ReportingWorld } from '../../test/reporting-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A reporting world with the partner's package in the given status, and agents for everyone. */
async function world(status: 'draft' | 'submitted' | 'approved' = 'draft') {
  const w: ReportingWorld = await buildReportingWorld(t.db);
  const { submissions } = await buildRound(t.db, {
    projectId: w.project.id,
    reporters: [{ organisationId: w.partner.id, status, submittedBy: status === 'draft' ? null : w.users.partnerReporter.id }, { organisationId: w.other.id }],
  });
  const agents = {
    partner: await t.as(w.users.partnerReporter.id),
    other: await t.as(w.users.otherReporter.id),
    manager: await t.as(w.users.manager.id),
    viewer: await t.as(w.users.viewer.id),
  };
  return { w, submissionId: submissions[0]!.id, agents };
}

const url = (id: string) => `/api/submissions/${id}/narratives`;
const put = (agent: Agent, id: string, body: unknown, headers?: Record<string, string>) => agent.request('PUT', url(id), body, headers);
const audits = (submissionId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', submissionId).where('action', '=', 'submission.narratives').orderBy('at').execute();

describe('saving narratives', () => {
  it('stores sections for the package and for a result, in the given language, and lists them in reading order', async () => {
    const { w, submissionId, agents } = await world();
    const res = await put(agents.partner, submissionId, {
      language: 'fr',
      sections: [
        { section: 'challenges', text: 'Routes coupées en août.' },
        { section: 'achievements', resultNodeId: w.node.id, text: '40 agents formés.' },
        { section: 'achievements', text: 'Toutes les écoles visitées.' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as NarrativeList;
    expect(list.items.map((n) => [n.section, n.resultNodeId, n.language, n.text])).toEqual([
      ['achievements', null, 'fr', 'Toutes les écoles visitées.'],
      ['achievements', w.node.id, 'fr', '40 agents formés.'],
      ['challenges', null, 'fr', 'Routes coupées en août.'],
    ]);
    expect(list.items[0]!.updatedBy).toEqual({ id: w.users.partnerReporter.id, name: w.users.partnerReporter.name });
    expect(list).toMatchObject({ machineTranslation: false, canEdit: true, canTranslate: true });
    const submission = await t.db.selectFrom('submissions').select('source_language').where('id', '=', submissionId).executeTakeFirstOrThrow();
    expect(submission.source_language).toBe('fr');

    const [entry, ...more] = await audits(submissionId);
    expect(more).toEqual([]);
    expect(JSON.parse(entry!.before_json!)).toEqual({ language: 'en', sections: { challenges: null, [`achievements · ${w.node.code}`]: null, achievements: null } });
    expect(JSON.parse(entry!.after_json!)).toEqual({
      language: 'fr',
      sections: { challenges: 'Routes coupées en août.', [`achievements · ${w.node.code}`]: '40 agents formés.', achievements: 'Toutes les écoles visitées.' },
    });
    expect(entry!.organisation_id).toBe(w.partner.id);
  });

  it('replaces the sections given, leaves the others, and removes a section (with its translations) saved empty', async () => {
    const { submissionId, agents } = await world();
    await put(agents.partner, submissionId, { language: 'en', sections: [{ section: 'achievements', text: 'First.' }, { section: 'lessons', text: 'Learnt.' }, { section: 'next_steps', text: 'Next.' }] });
    const lessons = (await agents.partner.get(url(submissionId))).json<NarrativeList>().items.find((n) => n.section === 'lessons')!;
    await t.db.insertInto('narrative_translations').values({
      id: newId(), narrative_id: lessons.id, language: 'fr', text: 'Appris.', provenance: 'human', provider: null, source_hash: sha256('Learnt.'),
      reviewed: 0, reviewed_by: null, reviewed_at: null, updated_by: lessons.updatedBy.id, updated_at: nowIso(),
    }).execute();

    const res = await put(agents.partner, submissionId, { language: 'en', sections: [{ section: 'achievements', text: 'Second.' }, { section: 'lessons', text: '' }, { section: 'next_steps', text: 'Next.' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<NarrativeList>().items.map((n) => [n.section, n.text])).toEqual([['achievements', 'Second.'], ['next_steps', 'Next.']]);
    expect(await t.db.selectFrom('narrative_translations').selectAll().where('narrative_id', '=', lessons.id).execute()).toEqual([]);

    const entries = await audits(submissionId);
    expect(entries).toHaveLength(2);
    // Only what changed: next_steps was saved with the same text and is not named.
    expect(JSON.parse(entries[1]!.before_json!)).toEqual({ sections: { achievements: 'First.', lessons: 'Learnt.' } });
    expect(JSON.parse(entries[1]!.after_json!)).toEqual({ sections: { achievements: 'Second.', lessons: null } });
  });

  it('writes no audit entry when nothing changed', async () => {
    const { submissionId, agents } = await world();
    const body = { language: 'en', sections: [{ section: 'achievements', text: 'Same.' }, { section: 'challenges', text: '' }] };
    await put(agents.partner, submissionId, body);
    await put(agents.partner, submissionId, body);
    expect(await audits(submissionId)).toHaveLength(1);
  });

  it('refuses a result of another project and a section given twice, naming the field', async () => {
    const { w, submissionId, agents } = await world();
    const elsewhere = await buildProject(t.db, { programmeId: (await buildProgramme(t.db, { organisationId: w.lead.id })).id, leadOrganisationId: w.lead.id });
    const foreign = await buildResultNode(t.db, { projectId: elsewhere.id });
    const res = await put(agents.partner, submissionId, {
      language: 'en',
      sections: [{ section: 'achievements', resultNodeId: foreign.id, text: 'x' }, { section: 'challenges', text: 'a' }, { section: 'challenges', text: 'b' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string; reason: string }) => [d.field, d.reason])).toEqual([
      ['body.sections.0.resultNodeId', 'unknown_reference'],
      ['body.sections.2.section', 'duplicate'],
    ]);
    expect(await t.db.selectFrom('narratives').selectAll().where('submission_id', '=', submissionId).execute()).toEqual([]);
  });

  it('replays a retried save with the same Idempotency-Key instead of acting twice', async () => {
    const { submissionId, agents } = await world();
    const headers = { 'idempotency-key': 'narratives-save-001' };
    const first = await put(agents.partner, submissionId, { language: 'en', sections: [{ section: 'achievements', text: 'Once.' }] }, headers);
    const again = await put(agents.partner, submissionId, { language: 'en', sections: [{ section: 'achievements', text: 'Once.' }] }, headers);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await audits(submissionId)).toHaveLength(1);
  });
});

describe('who may read and write narratives', () => {
  it('hides a package of another organisation (404) and a draft from a viewer (404)', async () => {
    const { submissionId, agents } = await world();
    expect((await agents.other.get(url(submissionId))).statusCode).toBe(404);
    expect((await put(agents.other, submissionId, { language: 'en', sections: [] })).statusCode).toBe(404);
    expect((await agents.viewer.get(url(submissionId))).statusCode).toBe(404);
  });

  it('lets a round manager edit and translate any package', async () => {
    const { submissionId, agents } = await world();
    const res = await put(agents.manager, submissionId, { language: 'en', sections: [{ section: 'lessons', text: 'By the manager.' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ canEdit: true, canTranslate: true });
  });

  it('refuses edits once submitted or approved (409 invalid_transition for its reporter, 403 for a viewer), while the approved package stays readable by a viewer', async () => {
    const submitted = await world('submitted');
    const refused = await put(submitted.agents.partner, submitted.submissionId, { language: 'en', sections: [{ section: 'lessons', text: 'x' }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'invalid_transition' } });

    const approved = await world('approved');
    await t.db.insertInto('narratives').values({
      id: newId(), submission_id: approved.submissionId, section: 'achievements', result_node_id: null, language: 'en', text: 'Done.',
      updated_by: approved.w.users.partnerReporter.id, updated_at: nowIso(),
    }).execute();
    expect((await put(approved.agents.partner, approved.submissionId, { language: 'en', sections: [{ section: 'achievements', text: 'Changed.' }] })).statusCode).toBe(409);
    const seen = await approved.agents.viewer.get(url(approved.submissionId));
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ canEdit: false, canTranslate: false, items: [{ section: 'achievements', text: 'Done.' }] });
    expect((await put(approved.agents.viewer, approved.submissionId, { language: 'en', sections: [] })).statusCode).toBe(403);
  });

  it('asks a signed-out reader to sign in, and answers 404 for a package that does not exist', async () => {
    const { submissionId } = await world();
    expect((await t.anonymous().get(url(submissionId))).statusCode).toBe(401);
    const { agents } = await world();
    expect((await agents.manager.get(url(newId()))).statusCode).toBe(404);
  });
});
