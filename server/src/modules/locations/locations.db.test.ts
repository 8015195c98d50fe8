import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

// The shared data folder sits next to the repository (../shared from its root), here and in CI.
const here = path.dirname(fileURLToPath(import.meta.url));
const COD_PROVINCES = path.resolve(here, '../../../../../shared/external/boundaries/cod-adm1-provinces.geojson');

let t: TestApp;
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db);
  const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
  adminId = user.id;
  admin = await t.as(user.id);
});
afterAll(() => t.close());

let n = 0;
/** A made-up three-letter country code per test, so that imports do not meet each other's places. */
const newCountry = () => {
  const i = n++;
  return `X${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
};

const importFile = (content: string, more: Record<string, unknown> = {}) => admin.post('/api/locations/import', { format: 'csv', content, ...more });
const byPcode = (pcode: string) => t.db.selectFrom('locations').selectAll().where('pcode', '=', pcode).executeTakeFirst();
const countUnder = async (country: string) =>
  Number((await t.db.selectFrom('locations').select((eb) => eb.fn.countAll<number>().as('n')).where('pcode', 'like', `${country}%`).executeTakeFirstOrThrow()).n);
const importAudits = () => t.db.selectFrom('audit_log').selectAll().where('action', '=', 'location.import').orderBy('at').execute();

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const feature = (properties: Record<string, unknown>, geometry: unknown = square(0)) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('importing a CSV file', () => {
  it('reads semicolons and a byte-order mark (Excel in French), with names in other languages, and audits the import', async () => {
    const c = newCountry();
    const csv = `\uFEFFpcode;name;level;parent_pcode;name_fr;name_ar\r\n${c};Country ${c};country;;Pays ${c};\r\n${c}01;Mopti;admin1;${c};Mopti;موبتي\r\n${c}0101;Djenné;admin2;${c}01;;\r\n`;
    const res = await importFile(csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    const region = await byPcode(`${c}01`);
    expect(region).toMatchObject({ name: 'Mopti', level: 'admin1', parent_id: (await byPcode(c))!.id });
    expect(JSON.parse(region!.names_json)).toEqual({ fr: 'Mopti', ar: 'موبتي' });
    expect(await byPcode(`${c}0101`)).toMatchObject({ name: 'Djenné', parent_id: region!.id });
    const entry = (await importAudits()).at(-1)!;
    expect(entry).toMatchObject({ actor_user_id: adminId, entity_type: 'location' });
    expect(JSON.parse(entry.after_json!)).toEqual({ format: 'csv', created: 3, updated: 0, unchanged: 0, pcodes: [c, `${c}01`, `${c}0101`] });
  });

  it('accepts children listed before their parents', async () => {
    const c = newCountry();
    const res = await importFile(`pcode,name,level,parent_pcode\n${c}01,Child,admin1,${c}\n${c},Parent,country,\n`);
    expect(res.json().created).toBe(2);
    expect((await byPcode(`${c}01`))!.parent_id).toBe((await byPcode(c))!.id);
  });

  it('reports every bad row by row and field, and writes nothing', async () => {
    const c = newCountry();
    const auditsBefore = (await importAudits()).length;
    const csv = [
      'pcode,name,level,parent_pcode',
      `${c},Country,country,`, // 2: fine
      `${c}01,,admin1,${c}`, // 3: no name
      `${c}02,Region,province,${c}`, // 4: unknown level
      `${c}03,Region,admin1,${c}99`, // 5: unknown parent
      `${c}01,Twice,admin1,${c}`, // 6: duplicate P-code
      `bad code!,Region,admin1,${c}`, // 7: invalid P-code
      `${c}04,Region,admin1,`, // 8: no parent
      `${c}05,Under itself,admin1,${c}06`, // 9: parent is not a higher level
      `${c}06,Sibling,admin1,${c}`, // 10: fine
    ].join('\n');
    const res = await importFile(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import_failed');
    expect(res.json().error.message).toBe('The file was not imported: 7 problems were found. Nothing was changed.');
    expect(res.json().error.details.map((d: { row: number; field: string; reason: string }) => [d.row, d.field, d.reason])).toEqual([
      [3, 'name', 'required'],
      [4, 'level', 'unknown_level'],
      [5, 'parent_pcode', 'unknown_parent'],
      [6, 'pcode', 'duplicate_in_file'],
      [7, 'pcode', 'invalid_format'],
      [8, 'parent_pcode', 'required'],
      [9, 'parent_pcode', 'parent_level'],
    ]);
    expect(res.json().error.details[3].message).toBe('This P-code appears more than once in the file (also on row 3).');
    expect(await countUnder(c)).toBe(0);
    expect((await importAudits()).length).toBe(auditsBefore);
  });

  it('reports the file’s own line numbers when blank lines are skipped', async () => {
    const c = newCountry();
    const res = await importFile(`pcode,name,level,parent_pcode\n${c},Country,country,\n\n\n${c}01,,admin1,${c}\n`);
    expect(res.json().error.details).toEqual([expect.objectContaining({ row: 5, field: 'name', reason: 'required' })]);
  });

  it('names a missing column', async () => {
    const res = await importFile('code,name,level\nX1,Somewhere,country\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ row: 1, field: 'pcode', reason: 'missing_column' })]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const c = newCountry();
    const csv = `pcode,name,level,parent_pcode,name_fr\n${c},Country,country,,Pays\n${c}01,Region,admin1,${c},Région\n`;
    expect((await importFile(csv)).json().created).toBe(2);
    const stored = await byPcode(`${c}01`);
    const auditsBefore = (await importAudits()).length;
    expect((await importFile(csv)).json()).toEqual({ created: 0, updated: 0, unchanged: 2, dryRun: false });
    expect(await byPcode(`${c}01`)).toEqual(stored);
    expect((await importAudits()).length).toBe(auditsBefore);
  });

  it('updates a renamed place and keeps the rest', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level,parent_pcode\n${c},Country,country,\n${c}01,Segou,admin1,${c}\n`);
    const res = await importFile(`pcode,name,level,parent_pcode\n${c},Country,country,\n${c}01,Ségou,admin1,${c}\n`);
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: 1, dryRun: false });
    expect((await byPcode(`${c}01`))!.name).toBe('Ségou');
    expect(JSON.parse((await importAudits()).at(-1)!.after_json!).pcodes).toEqual([`${c}01`]);
  });

  it('refuses to move a place down to the level of places stored under it, and changes nothing', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level,parent_pcode\n${c},Country,country,\n${c}01,North,admin1,${c}\n${c}02,South,admin1,${c}\n${c}0101,District,admin2,${c}01\n`);
    const res = await importFile(`pcode,name,level,parent_pcode\n${c}01,North,admin2,${c}02\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { row: 2, field: 'level', reason: 'parent_level', params: { level: 'admin2', parentLevel: 'admin2' }, message: 'A admin2 cannot sit under a admin2.' },
    ]);
    expect(await byPcode(`${c}01`)).toMatchObject({ level: 'admin1', parent_id: (await byPcode(c))!.id });
  });

  it('moves a place down a level when the same file moves its children down too', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level,parent_pcode\n${c},Country,country,\n${c}01,North,admin1,${c}\n${c}02,South,admin1,${c}\n${c}0101,District,admin2,${c}01\n`);
    const res = await importFile(`pcode,name,level,parent_pcode\n${c}01,North,admin2,${c}02\n${c}0101,District,admin3,${c}01\n`);
    expect(res.json()).toEqual({ created: 0, updated: 2, unchanged: 0, dryRun: false });
  });

  it('only reports what would change in a dry run, and writes nothing', async () => {
    const c = newCountry();
    const auditsBefore = (await importAudits()).length;
    const res = await importFile(`pcode,name,level,parent_pcode\n${c},Country,country,\n${c}01,Region,admin1,${c}\n`, { dryRun: true });
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: true });
    expect(await countUnder(c)).toBe(0);
    expect((await importAudits()).length).toBe(auditsBefore);
  });
});

describe('importing a GeoJSON file', () => {
  it('maps P-code, name and parent from the named properties and keeps the geometry', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level\n${c},Country,country\n`);
    const geojson = collection(
      feature({ ADM1_PCODE: `${c}01`, ADM1_EN: 'North', PARENT: c, name_fr: 'Nord' }, square(0)),
      feature({ ADM1_PCODE: `${c}02`, ADM1_EN: 'South', PARENT: c }, { type: 'MultiPolygon', coordinates: [square(2).coordinates] }),
    );
    const res = await admin.post('/api/locations/import', {
      format: 'geojson', level: 'admin1', pcodeProperty: 'ADM1_PCODE', nameProperty: 'ADM1_EN', parentPcodeProperty: 'PARENT', content: geojson,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(2);
    const north = await byPcode(`${c}01`);
    expect(north).toMatchObject({ name: 'North', level: 'admin1', parent_id: (await byPcode(c))!.id });
    expect(JSON.parse(north!.names_json)).toEqual({ fr: 'Nord' });
    expect(JSON.parse(north!.geometry_json!)).toEqual(square(0));
    const listed = await admin.get(`/api/locations?countryPcode=${c}`);
    expect(listed.json().items.map((l: { pcode: string; hasGeometry: boolean }) => [l.pcode, l.hasGeometry])).toEqual([
      [`${c}01`, true],
      [`${c}02`, true],
    ]);
  });

  it('keeps a stored geometry when the same places come again from a CSV file', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level\n${c},Country,country\n`);
    await admin.post('/api/locations/import', { format: 'geojson', level: 'admin1', parentPcode: c, content: collection(feature({ pcode: `${c}01`, name: 'Region' })) });
    const res = await importFile(`pcode,name,level,parent_pcode\n${c}01,Region,admin1,${c}\n`);
    expect(res.json()).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
    expect((await byPcode(`${c}01`))!.geometry_json).not.toBeNull();
  });

  it('reports features by number and field, and writes nothing', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level\n${c},Country,country\n`);
    const geojson = collection(
      feature({ pcode: `${c}01`, name: 'Fine' }),
      feature({ pcode: `${c}02` }),
      feature({ pcode: `${c}03`, name: 'Point' }, { type: 'Point', coordinates: [0, 0] }),
    );
    const res = await admin.post('/api/locations/import', { format: 'geojson', level: 'admin1', parentPcode: c, content: geojson });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { row: number; field: string; reason: string }) => [d.row, d.field, d.reason])).toEqual([
      [2, 'name', 'required'],
      [3, 'geometry', 'invalid_geometry'],
    ]);
    expect(await countUnder(c)).toBe(1);
  });

  it('refuses a file that is not a FeatureCollection', async () => {
    const res = await admin.post('/api/locations/import', { format: 'geojson', level: 'admin1', content: '{"type":"Feature"}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ reason: 'unreadable_file', params: { format: 'GeoJSON FeatureCollection' } })]);
  });

  it('imports the 26 provinces of DR Congo from the OCHA boundaries file', async () => {
    const content = fs.readFileSync(COD_PROVINCES, 'utf8');
    expect((await importFile('pcode,name,level\nCOD,République démocratique du Congo,country\n')).statusCode).toBe(200);
    const res = await admin.post('/api/locations/import', {
      format: 'geojson', level: 'admin1', pcodeProperty: 'PCode', nameProperty: 'NOM', parentPcode: 'COD', content,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 26, updated: 0, unchanged: 0, dryRun: false });
    const country = (await byPcode('COD'))!;
    const provinces = await admin.get(`/api/locations?parentId=${country.id}`);
    expect(provinces.json().items).toHaveLength(26);
    expect(provinces.json().items.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['Kinshasa', 'Haut-Katanga', 'Kasaï-Oriental', 'Sud-Kivu']));
    expect(provinces.json().items.every((l: { hasGeometry: boolean; level: string }) => l.hasGeometry && l.level === 'admin1')).toBe(true);
    const again = await admin.post('/api/locations/import', { format: 'geojson', level: 'admin1', pcodeProperty: 'PCode', nameProperty: 'NOM', parentPcode: 'COD', content });
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 26, dryRun: false });
  });
});

describe('editing and reading places', () => {
  it('renames a place and audits before and after', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level\n${c},Country,country\n`);
    const id = (await byPcode(c))!.id;
    const res = await admin.patch(`/api/locations/${id}`, { name: 'Renamed', names: { fr: 'Renommé' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Renamed', names: { fr: 'Renommé' } });
    const [entry] = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'location.update').where('entity_id', '=', id).execute();
    expect(entry?.actor_user_id).toBe(adminId);
    expect(JSON.parse(entry!.before_json!)).toEqual({ name: 'Country', names: {} });
    expect(JSON.parse(entry!.after_json!)).toEqual({ name: 'Renamed', names: { fr: 'Renommé' } });
  });

  it('finds places by name in another language, P-code or level', async () => {
    const c = newCountry();
    await importFile(`pcode,name,level,parent_pcode,name_ar\n${c},Country,country,,\n${c}01,Tombouctou,admin1,${c},تمبكتو\n${c}02,Gao,admin1,${c},\n`);
    const viewer = await t.as((await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id })).id);
    const pcodes = async (query: string) => (await viewer.get(`/api/locations?countryPcode=${c}&${query}`)).json().items.map((l: { pcode: string }) => l.pcode);
    expect(await pcodes(`q=${encodeURIComponent('تمبكتو')}`)).toEqual([`${c}01`]);
    expect(await pcodes(`q=${c.toLowerCase()}02`)).toEqual([`${c}02`]);
    expect(await pcodes('level=admin1')).toEqual([`${c}01`, `${c}02`]);
  });

  it('answers 404 for an unknown place', async () => {
    expect((await admin.get('/api/locations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
