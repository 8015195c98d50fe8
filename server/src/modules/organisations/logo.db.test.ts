import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplateWorld, type TemplateWorld } from '../../test/report-template-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { loadOrganisationLogo } from './logo.service.js';
import { makeJpegHeader, makePng } from './logo.test-images.js';

/** Organisation logos: PNG or JPEG read from the bytes, at most 1 MB, replaced and removed by admins, audited. */
let t: TestApp;
let w: TemplateWorld;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildTemplateWorld(t.db);
  admin = await t.as(w.users.admin.id);
});
afterAll(() => t.close());

const url = () => `/api/organisations/${w.lead.id}/logo`;
const upload = (content: Buffer, contentType = 'image/png') => admin.request('PUT', url(), content, { 'content-type': contentType });
const reasons = (res: { json(): unknown }) =>
  ((res.json() as { error: { details?: { field?: string; reason: string }[] } }).error.details ?? []).map((d) => `${d.field}:${d.reason}`);

describe('organisation logo', () => {
  it('stores a PNG, hands it back with its type, replaces it with a JPEG and removes it, each step audited', async () => {
    const png = makePng(120, 48, (x) => (x < 60 ? [0, 110, 90] : [240, 180, 0]));
    const put = await upload(png, 'application/octet-stream');
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ mediaType: 'image/png', width: 120, height: 48, size: png.length });

    const got = await admin.get(url());
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(png)).toBe(true);
    expect(await loadOrganisationLogo(t.db, w.lead.id)).toEqual({ mediaType: 'image/png', content: png, width: 120, height: 48 });

    // The type comes from the bytes: a JPEG sent as "image/png" is stored as a JPEG.
    const jpeg = makeJpegHeader(800, 300);
    expect((await upload(jpeg, 'image/png')).json()).toMatchObject({ mediaType: 'image/jpeg', width: 800, height: 300 });
    expect((await admin.get(url())).headers['content-type']).toBe('image/jpeg');
    expect(await loadOrganisationLogo(t.db, w.lead.id)).toMatchObject({ mediaType: 'image/jpeg', width: 800, height: 300 });

    expect((await admin.delete(url())).statusCode).toBe(204);
    expect((await admin.get(url())).statusCode).toBe(404);
    expect((await admin.delete(url())).statusCode).toBe(404);
    expect(await loadOrganisationLogo(t.db, w.lead.id)).toBeNull();

    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'organisation').where('entity_id', '=', w.lead.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['organisation.logo_update', 'organisation.logo_update', 'organisation.logo_delete']);
    expect(audit.every((a) => a.actor_user_id === w.users.admin.id && a.organisation_id === w.lead.id)).toBe(true);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ mediaType: 'image/png', size: png.length, width: 120, height: 48 });
    expect(audit[0]!.before_json).toBeNull();
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ mediaType: 'image/png' });
    expect(JSON.parse(audit[2]!.before_json!)).toMatchObject({ mediaType: 'image/jpeg' });
    // Never the bytes themselves.
    expect(audit.every((a) => (a.after_json ?? '').length < 300)).toBe(true);
  });

  it('refuses a text file named .png, an SVG, an empty body, a broken PNG and a huge image, storing nothing', async () => {
    const text = await upload(Buffer.from('This is not an image, only its name ends in .png\n'));
    expect(text.statusCode).toBe(400);
    expect(reasons(text)).toEqual(['body:logo_not_png_or_jpeg']);
    expect((text.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toBe('The logo must be a PNG or JPEG image; this file is neither.');
    expect(reasons(await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml'))).toEqual(['body:logo_not_png_or_jpeg']);
    expect(reasons(await upload(makePng(10, 10).subarray(0, 24)))).toEqual(['body:logo_not_png_or_jpeg']);
    expect(reasons(await upload(Buffer.alloc(0)))).toEqual(['body:empty_file']);
    expect(reasons(await upload(makeJpegHeader(5000, 200)))).toEqual(['body:logo_too_many_pixels']);
    expect(await t.db.selectFrom('organisation_logos').select('organisation_id').where('organisation_id', '=', w.lead.id).execute()).toEqual([]);
  });

  it('refuses a file over 1 MB with 413 naming the limit, in the reader’s language', async () => {
    const big = Buffer.concat([makePng(10, 10), Buffer.alloc(1024 * 1024)]);
    const res = await admin.request('PUT', url(), big, { 'content-type': 'image/png', 'accept-language': 'fr' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large', details: [{ field: 'body', reason: 'file_too_large', params: { maximum: 1 } }] } });
    const far = await upload(Buffer.alloc(3 * 1024 * 1024, 1));
    expect(far.statusCode).toBe(413);
    expect(reasons(far)).toEqual(['body:file_too_large']);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const res = await (await t.as(w.users.installationAdmin.id)).request('PUT', '/api/organisations/0b7a0d4c-5f4e-4c39-9a55-3f1c2a0e9b11/logo', makePng(4, 4), { 'content-type': 'image/png' });
    expect(res.statusCode).toBe(404);
  });
});
