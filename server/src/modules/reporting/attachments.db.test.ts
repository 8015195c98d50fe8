import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '@shared/schemas/reporting.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildReportingWorld, buildRound } from '../../test/reporting-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { files } from './attachments.test-files.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function world(status: 'draft' | 'approved' = 'draft') {
  const w = await buildReportingWorld(t.db);
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

const upload = (agent: Agent, submissionId: string, content: Buffer, name: string, contentType = 'application/octet-stream', extra: Record<string, string> = {}) =>
  agent.request('POST', `/api/submissions/${submissionId}/attachments?name=${encodeURIComponent(name)}&description=${encodeURIComponent('Attendance, Mopti')}`, content, {
    'content-type': contentType,
    ...extra,
  });

/** Stores an attachment straight in the database (for the per-package limit and status cases). */
async function stored(submissionId: string, userId: string, name = 'list.csv') {
  const id = newId();
  await t.db.insertInto('attachments').values({ id, submission_id: submissionId, file_name: name, content_type: 'text/csv', size_bytes: 3, sha256: 'x', description: '', uploaded_by: userId, created_at: nowIso() }).execute();
  await t.db.insertInto('attachment_contents').values({ attachment_id: id, content: Buffer.from('a,b') }).execute();
  return id;
}

describe('uploading and downloading evidence', () => {
  it('stores a file and gives the very same bytes back, with headers that keep a browser from running it', async () => {
    const { w, submissionId, agents } = await world();
    const res = await upload(agents.partner, submissionId, files.png, "Formation d'agents (août).png", 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json();
    expect(attachment).toEqual({
      id: expect.any(String), fileName: "Formation d'agents (août).png", contentType: 'image/png', sizeBytes: files.png.length, description: 'Attendance, Mopti',
      uploadedBy: { id: w.users.partnerReporter.id, name: w.users.partnerReporter.name }, createdAt: expect.any(String),
    });

    const download = await agents.manager.get(`/api/attachments/${attachment.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(files.png)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Formation d'agents (ao_t).png"; filename*=UTF-8''Formation%20d%27agents%20%28ao%C3%BBt%29.png`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe('sandbox');

    const list = await agents.viewer.get(`/api/submissions/${submissionId}/attachments`);
    expect(list.statusCode).toBe(404);
    expect((await agents.partner.get(`/api/submissions/${submissionId}/attachments`)).json()).toEqual({ items: [attachment], canEdit: true });

    const [entry] = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', attachment.id).execute();
    expect(entry).toMatchObject({ action: 'attachment.upload', organisation_id: w.partner.id, before_json: null });
    expect(JSON.parse(entry!.after_json!)).toEqual({
      submissionId, fileName: "Formation d'agents (août).png", contentType: 'image/png', sizeBytes: files.png.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), description: 'Attendance, Mopti',
    });
  });

  it.each([
    ['pdf', 'application/pdf', 'report.pdf'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data.xlsx'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'minutes.docx'],
    ['csv', 'text/csv', 'list.csv'],
  ] as const)('accepts %s, typed from its bytes whatever the client claims', async (file, type, name) => {
    const { submissionId, agents } = await world();
    const res = await upload(agents.partner, submissionId, files[file], name, 'text/html');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: type, fileName: name });
    const back = await agents.partner.get(`/api/attachments/${res.json().id}/content`);
    expect(back.rawPayload.equals(files[file])).toBe(true);
  });

  it('refuses a program, a page renamed .pdf and a macro workbook, naming the file', async () => {
    const { submissionId, agents } = await world();
    for (const [file, name] of [['exe', 'setup.pdf'], ['html', 'report.pdf'], ['xlsm', 'data.xlsx']] as const) {
      const res = await upload(agents.partner, submissionId, files[file], name, 'application/pdf');
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.details).toEqual([{ field: 'body', reason: 'file_type_not_allowed', params: { name }, message: expect.stringContaining(name) }]);
    }
    expect(await t.db.selectFrom('attachments').selectAll().where('submission_id', '=', submissionId).execute()).toEqual([]);
  });

  it('refuses a file over 10 MB with 413, just over the limit and far over it', async () => {
    const { submissionId, agents } = await world();
    const justOver = Buffer.concat([files.pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - files.pdf.length, 0x20)]);
    const farOver = Buffer.concat([files.pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES * 2, 0x20)]);
    for (const body of [justOver, farOver]) {
      const res = await upload(agents.partner, submissionId, body, 'big.pdf', 'application/pdf');
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'payload_too_large', details: [{ field: 'body', reason: 'file_too_large', params: { maximum: 10 } }] });
    }
    const exactly = Buffer.concat([files.pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES - files.pdf.length, 0x20)]);
    expect((await upload(agents.partner, submissionId, exactly, 'limit.pdf')).statusCode).toBe(201);
  });

  it('refuses an empty file and the 51st file of a package', async () => {
    const { w, submissionId, agents } = await world();
    expect((await upload(agents.partner, submissionId, Buffer.alloc(0), 'empty.csv')).json().error.details).toMatchObject([{ reason: 'empty_file' }]);
    for (let i = 0; i < 50; i++) await stored(submissionId, w.users.partnerReporter.id, `list-${i}.csv`);
    const res = await upload(agents.partner, submissionId, files.csv, 'one-more.csv');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject([{ reason: 'too_many_attachments', params: { maximum: 50 } }]);
  });

  it('acts once for an upload retried with the same Idempotency-Key', async () => {
    const { submissionId, agents } = await world();
    const headers = { 'idempotency-key': 'upload-retry-0001' };
    const first = await upload(agents.partner, submissionId, files.jpeg, 'photo.jpg', 'image/jpeg', headers);
    const again = await upload(agents.partner, submissionId, files.jpeg, 'photo.jpg', 'image/jpeg', headers);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    expect(await t.db.selectFrom('attachments').selectAll().where('submission_id', '=', submissionId).execute()).toHaveLength(1);
  });
});

describe('who may see and change evidence', () => {
  it("hides another organisation's package and its files (404)", async () => {
    const { w, submissionId, agents } = await world();
    const id = await stored(submissionId, w.users.partnerReporter.id);
    expect((await agents.other.get(`/api/submissions/${submissionId}/attachments`)).statusCode).toBe(404);
    expect((await upload(agents.other, submissionId, files.csv, 'x.csv')).statusCode).toBe(404);
    expect((await agents.other.get(`/api/attachments/${id}/content`)).statusCode).toBe(404);
    expect((await agents.other.delete(`/api/attachments/${id}`)).statusCode).toBe(404);
    expect((await agents.viewer.get(`/api/attachments/${id}/content`)).statusCode).toBe(404);
    expect((await agents.partner.get(`/api/attachments/${newId()}/content`)).statusCode).toBe(404);
  });

  it('lets the reporter remove a file while the package is editable, with an audit entry', async () => {
    const { w, submissionId, agents } = await world();
    const res = await upload(agents.partner, submissionId, files.csv, 'list.csv');
    const id = res.json().id as string;
    expect((await agents.partner.delete(`/api/attachments/${id}`)).statusCode).toBe(204);
    expect(await t.db.selectFrom('attachment_contents').selectAll().where('attachment_id', '=', id).execute()).toEqual([]);
    const entries = await t.db.selectFrom('audit_log').select(['action', 'before_json', 'organisation_id']).where('entity_id', '=', id).orderBy('at').execute();
    expect(entries.map((e) => e.action)).toEqual(['attachment.upload', 'attachment.delete']);
    expect(JSON.parse(entries[1]!.before_json!)).toMatchObject({ fileName: 'list.csv', contentType: 'text/csv', sizeBytes: files.csv.length });
    expect(entries[1]!.organisation_id).toBe(w.partner.id);
  });

  it('once approved: viewers download, nobody uploads or deletes (409 for those who could edit it before, 403 for the rest)', async () => {
    const { w, submissionId, agents } = await world('approved');
    const id = await stored(submissionId, w.users.partnerReporter.id);
    const download = await agents.viewer.get(`/api/attachments/${id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('a,b');
    expect((await agents.viewer.get(`/api/submissions/${submissionId}/attachments`)).json()).toMatchObject({ canEdit: false, items: [{ id }] });
    for (const agent of [agents.partner, agents.manager]) {
      expect((await upload(agent, submissionId, files.csv, 'late.csv')).statusCode).toBe(409);
      expect((await agent.delete(`/api/attachments/${id}`)).statusCode).toBe(409);
    }
    expect((await upload(agents.viewer, submissionId, files.csv, 'late.csv')).statusCode).toBe(403);
    expect((await agents.viewer.delete(`/api/attachments/${id}`)).statusCode).toBe(403);
    expect(await t.db.selectFrom('attachments').select('id').where('submission_id', '=', submissionId).execute()).toEqual([{ id }]);
  });
});
