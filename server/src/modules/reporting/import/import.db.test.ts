import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCategory, buildIndicator } from '../../../test/factories.js';
import { buildReportingWorld, buildRound, buildValue, type ReportingWorld } from '../../../test/reporting-factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let world: ReportingWorld;
let pct: { id: string; code: string };
let sex: Awaited<ReturnType<typeof buildCategory>>;
let age: Awaited<ReturnType<typeof buildCategory>>;
let month = 0;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  world = await buildReportingWorld(t.db);
  sex = await buildCategory(t.db, { organisationId: world.lead.id, code: 'sex', options: ['f', 'm'] });
  age = await buildCategory(t.db, { organisationId: world.lead.id, code: 'age', ages: [[0, 4], [5, null]] });
  await t.db.updateTable('disaggregation_options').set({ label: 'Femme', labels_json: '{}' }).where('id', '=', sex.options[0]!.id).execute();
  await t.db
    .insertInto('indicator_disaggregations')
    .values([
      { indicator_id: world.indicators[0]!.id, category_id: sex.id, position: 0 },
      { indicator_id: world.indicators[0]!.id, category_id: age.id, position: 1 },
    ])
    .execute();
  pct = await buildIndicator(t.db, { nodeId: world.node.id, type: 'percentage', code: 'PCT1' });
});
afterAll(() => t.close());

/** A fresh package of the partner for both places (each test its own round). */
async function newPackage(status: 'draft' | 'approved' = 'draft') {
  month++;
  const periodKey = `${2025 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
  const { submissions } = await buildRound(t.db, {
    projectId: world.project.id, periodType: 'month', periodKey,
    reporters: [{ organisationId: world.partner.id, locationIds: world.locations.map((l) => l.id), status, submittedBy: status === 'approved' ? world.users.partnerReporter.id : null }],
  });
  return submissions[0]!.id;
}

const values = (submissionId: string) =>
  t.db.selectFrom('indicator_values').selectAll().where('submission_id', '=', submissionId).orderBy('indicator_id').orderBy('location_id').orderBy('disaggregation_key').execute();

async function upload(submissionId: string, body: Buffer, type: string, opts: { dryRun?: boolean; user?: string; lang?: string } = {}) {
  const agent = await t.as(opts.user ?? world.users.partnerReporter.id, { 'accept-language': opts.lang ?? 'en' });
  return agent.request('POST', `/api/submissions/${submissionId}/import?dryRun=${opts.dryRun ? 'true' : 'false'}`, body, { 'content-type': type });
}

const i1 = () => world.indicators[0]!;
const [pA, pB] = [() => world.locations[0]!, () => world.locations[1]!];

describe('values template and import', () => {
  it('round-trips the template: fill with ExcelJS, upload, values stored; the same file again changes nothing', async () => {
    const id = await newPackage();
    const agent = await t.as(world.users.partnerReporter.id, { 'accept-language': 'fr' });
    const res = await agent.get(`/api/submissions/${id}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Values')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['indicator_code', 'indicator', 'result', 'location_pcode', 'location', 'disaggregation', 'disaggregation_codes', 'value', 'numerator', 'denominator', 'text', 'comment']);
    // 3 indicators × 2 places: i1 has the total and 2 × 2 combinations, the others the total only.
    expect(ws.actualRowCount).toBe(1 + 2 * 5 + 2 + 2);
    expect(wb.getWorksheet('about')!.state).toBe('hidden');
    expect(wb.getWorksheet('Instructions')!.getRow(1).getCell(1).value).toBe('Modèle de saisie des valeurs Fieldbook');
    const col = (name: string) => header.indexOf(name) + 1;
    let filled = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const code = row.getCell(col('indicator_code')).value;
      const combo = row.getCell(col('disaggregation_codes')).value;
      if (code === i1().code && row.getCell(col('location_pcode')).value === pA().pcode) {
        if (combo === null) row.getCell(col('value')).value = 10;
        else if (combo === 'sex=f|age=0-4') {
          expect(row.getCell(col('disaggregation')).value).toBe('Femme · 0-4');
          row.getCell(col('value')).value = 4;
          row.getCell(col('comment')).value = '=cmd|estimate';
        } else row.getCell(col('value')).value = 2;
        filled++;
      }
      if (code === 'PCT1' && row.getCell(col('location_pcode')).value === pB().pcode) {
        row.getCell(col('numerator')).value = 30;
        row.getCell(col('denominator')).value = 120;
        filled++;
      }
    });
    expect(filled).toBe(6);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const first = await upload(id, file, XLSX);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ dryRun: false, format: 'xlsx', rows: 14, created: 6, updated: 0, cleared: 0, unchanged: 8 });
    const stored = await values(id);
    expect(stored).toHaveLength(6);
    const p = stored.find((v) => v.indicator_id === pct.id)!;
    expect([p.value, p.numerator, p.denominator, p.location_id]).toEqual([25, 30, 120, pB().id]);
    const female04 = stored.find((v) => v.disaggregation_key === `${sex.options[0]!.id}|${age.options[0]!.id}`)!;
    expect([female04.value, female04.comment]).toEqual([4, '=cmd|estimate']);
    // Breakdown 4 + 2 + 2 + 2 = 10 = total: no warning.
    expect(first.json().problems).toEqual([]);

    const again = await upload(id, file, XLSX);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, cleared: 0, unchanged: 14 });
    // The downloaded template now carries the values (comment neutralised) and re-importing it changes nothing either.
    const filledTemplate = await agent.get(`/api/submissions/${id}/template.xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(filledTemplate.rawPayload as unknown as ExcelJS.Buffer);
    const comments: unknown[] = [];
    wb2.getWorksheet('Values')!.eachRow((row) => comments.push(row.getCell(12).value));
    expect(comments).toContain("'=cmd|estimate");
    const third = await upload(id, filledTemplate.rawPayload, XLSX);
    expect(third.json()).toMatchObject({ created: 0, updated: 0, cleared: 0, unchanged: 14 });
    expect(await t.db.selectFrom('value_history').select('id').where('submission_id', '=', id).execute()).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', '=', 'values.import').execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ format: 'xlsx', rows: 14 });
  });

  it('exports CSV with BOM and imports it back unchanged; a UTF-8 BOM file with comma and point decimals', async () => {
    const id = await newPackage();
    await buildValue(t.db, { submissionId: id, indicatorId: world.indicators[1]!.id, locationId: pA().id, value: 1234.5 });
    const agent = await t.as(world.users.partnerReporter.id);
    const csv = await agent.get(`/api/submissions/${id}/values.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain(`${world.indicators[1]!.code},`);
    expect(csv.body).toContain(',1234.5,');
    const back = await upload(id, csv.rawPayload, 'text/csv');
    expect(back.json()).toMatchObject({ format: 'csv', created: 0, updated: 0, cleared: 0, unchanged: 14 });

    const bom = Buffer.from(`\uFEFFindicator_code,location_pcode,value,comment\r\n${world.indicators[1]!.code},${pA().pcode},"1,250.75",révisé\r\n${world.indicators[1]!.code},${pB().pcode},,\r\n`, 'utf8');
    const res = await upload(id, bom, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, created: 0, updated: 1, cleared: 0, unchanged: 1 });
    const v = (await values(id)).find((r) => r.location_id === pA().id)!;
    expect([v.value, v.comment]).toEqual([1250.75, 'révisé']);
  });

  it('reads a French Excel CSV: semicolons, decimal comma, thousands with no-break spaces, Windows-1252 accents', async () => {
    const id = await newPackage();
    await buildValue(t.db, { submissionId: id, indicatorId: world.indicators[1]!.id, locationId: pB().id, value: 5 });
    const text = [
      'location;indicator_code;location_pcode;disaggregation_codes;value;numerator;denominator;comment',
      `Ville;${i1().code};${pA().pcode};;1\u00a0234,5;;;Données révisées à la hausse`,
      `Ville;${i1().code};${pA().pcode};age=0-4|sex=m;12,25;;;`,
      `Ville;PCT1;${pA().pcode};;;1.000;4\u00a0000;`,
      `Ville;${world.indicators[1]!.code};${pB().pcode};;;;;`,
    ].join('\r\n');
    const res = await upload(id, Buffer.from(text, 'latin1'), 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'csv', rows: 4, created: 3, updated: 0, cleared: 1, unchanged: 0 });
    const stored = await values(id);
    const total = stored.find((v) => v.indicator_id === i1().id && v.disaggregation_key === '')!;
    expect([total.value, total.comment]).toEqual([1234.5, 'Données révisées à la hausse']);
    expect(stored.find((v) => v.disaggregation_key === `${sex.options[1]!.id}|${age.options[0]!.id}`)!.value).toBe(12.25);
    expect(stored.find((v) => v.indicator_id === pct.id)!.value).toBe(25);
    // The breakdown (12.25) does not add up to the total: a warning, as on a grid save.
    expect(res.json().problems.length).toBeGreaterThan(0);
    expect(res.json().problems[0].severity).toBe('warning');
    const history = await t.db.selectFrom('value_history').selectAll().where('submission_id', '=', id).execute();
    expect(history).toHaveLength(1);
    expect(history[0]!.after_json).toBeNull();
  });

  it('refuses a broken file naming each row and column in French, and writes nothing', async () => {
    const id = await newPackage();
    const text = [
      'indicator_code;location_pcode;disaggregation_codes;value;numerator;denominator',
      `NOPE;${pA().pcode};;1;;`,
      `${i1().code};${pA().pcode};;douze;;`,
      `PCT1;${pA().pcode};;120;;`,
      `PCT1;${pB().pcode};;;50;40`,
      `${i1().code};${pB().pcode};;3;;`,
      `${i1().code};${pB().pcode};;4;;`,
      `${i1().code};${pB().pcode};sex=x;4;;`,
    ].join('\n');
    const res = await upload(id, Buffer.from(text, 'utf8'), 'text/csv', { lang: 'fr' });
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('import_failed');
    const details = body.details.map((d: { row: number; column: string; reason: string; message: string }) => [d.row, d.column, d.reason, d.message]);
    expect(details).toEqual([
      [2, 'indicator_code', 'unknown_code', expect.stringContaining('NOPE')],
      [3, 'value', 'not_a_number', "« douze » n'est pas un nombre."],
      [7, 'disaggregation_codes', 'duplicate_row', 'La même cellule (indicateur, lieu et ventilation) figure déjà à la ligne 6.'],
      [8, 'disaggregation_codes', 'unknown_option_code', expect.any(String)],
      [4, 'value', 'too_big', expect.stringContaining('100')],
      [5, 'numerator', 'numerator_above_denominator', expect.stringContaining('50')],
    ]);
    expect(body.message).toContain('6');
    expect(await values(id)).toEqual([]);
  });

  it('refuses the template of another package', async () => {
    const other = await newPackage();
    const id = await newPackage();
    const agent = await t.as(world.users.partnerReporter.id, { 'accept-language': 'fr' });
    const template = await agent.get(`/api/submissions/${other}/template.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    wb.getWorksheet('Values')!.getRow(2).getCell(8).value = 5;
    const res = await upload(id, Buffer.from(await wb.xlsx.writeBuffer()), XLSX, { lang: 'fr' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ sheet: 'about', reason: 'wrong_package', message: expect.stringContaining('autre paquet') })]);
    expect(await values(id)).toEqual([]);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const id = await newPackage();
    const file = Buffer.from(`indicator_code,location_pcode,value\n${world.indicators[1]!.code},${pA().pcode},7\n`);
    const res = await upload(id, file, 'text/plain', { dryRun: true });
    expect(res.json()).toMatchObject({ dryRun: true, rows: 1, created: 1 });
    expect(await values(id)).toEqual([]);
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()).toEqual([]);
  });

  it('honours an Idempotency-Key: a retried import replays the first answer and acts once', async () => {
    const id = await newPackage();
    const agent = await t.as(world.users.partnerReporter.id);
    const file = Buffer.from(`indicator_code,location_pcode,value\n${world.indicators[1]!.code},${pA().pcode},7\n`);
    const headers = { 'content-type': 'text/csv', 'idempotency-key': 'import-key-0001' };
    const first = await agent.request('POST', `/api/submissions/${id}/import`, file, headers);
    expect(first.json()).toMatchObject({ created: 1 });
    await t.db.updateTable('indicator_values').set({ value: 8 }).where('submission_id', '=', id).execute();
    const retry = await agent.request('POST', `/api/submissions/${id}/import`, file, headers);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect((await values(id)).map((v) => v.value)).toEqual([8]);
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()).toHaveLength(1);
  });

  it('answers 404 to a partner of another organisation and refuses an approved package', async () => {
    const id = await newPackage();
    const file = Buffer.from(`indicator_code,location_pcode,value\n${world.indicators[1]!.code},${pA().pcode},7\n`);
    expect((await upload(id, file, 'text/csv', { user: world.users.otherReporter.id })).statusCode).toBe(404);
    const other = await t.as(world.users.otherReporter.id);
    expect((await other.get(`/api/submissions/${id}/template.xlsx`)).statusCode).toBe(404);
    expect((await other.get(`/api/submissions/${id}/values.csv`)).statusCode).toBe(404);
    const approved = await newPackage('approved');
    const res = await upload(approved, file, 'text/csv');
    expect(res.statusCode).toBe(409);
    expect(await values(approved)).toEqual([]);
    // The approved package's template can still be read.
    expect((await (await t.as(world.users.viewer.id)).get(`/api/submissions/${approved}/template.xlsx`)).statusCode).toBe(200);
  });
});

describe('columns the file leaves out', () => {
  const i2 = () => world.indicators[1]!;
  const CSV = 'text/csv';

  /** A package holding four values, each with a comment; the percentage with its numerator and denominator. */
  async function packageWithComments() {
    const id = await newPackage();
    const stored = [
      { indicatorId: i1().id, locationId: pA().id, value: 10, comment: 'from the clinic register' },
      { indicatorId: i2().id, locationId: pA().id, value: 5, comment: 'estimate' },
      { indicatorId: i2().id, locationId: pB().id, value: 7, comment: 'late report' },
      { indicatorId: pct.id, locationId: pB().id, value: 25, numerator: 30, denominator: 120, comment: 'sample of 120' },
    ];
    for (const s of stored) {
      const row = await buildValue(t.db, { submissionId: id, indicatorId: s.indicatorId, locationId: s.locationId, value: s.value });
      await t.db.updateTable('indicator_values').set({ comment: s.comment, numerator: s.numerator ?? null, denominator: s.denominator ?? null }).where('id', '=', row.id).execute();
    }
    return id;
  }
  const contents = async (id: string) =>
    (await values(id)).map((v) => ({ indicator: v.indicator_id, location: v.location_id, value: v.value, numerator: v.numerator, denominator: v.denominator, comment: v.comment }));
  const history = (id: string) => t.db.selectFrom('value_history').selectAll().where('submission_id', '=', id).orderBy('changed_at').execute();

  it('keeps every stored comment, numerator and denominator when the file has no such columns; the check counts agree; again changes nothing', async () => {
    const id = await packageWithComments();
    const before = await contents(id);
    const file = Buffer.from(
      [
        'indicator_code,location_pcode,value',
        `${i1().code},${pA().pcode},12`,
        `${i2().code},${pA().pcode},5`,
        `${i2().code},${pB().pcode},`,
        `PCT1,${pB().pcode},25`,
      ].join('\n'),
    );
    const check = await upload(id, file, CSV, { dryRun: true });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ dryRun: true, rows: 4, created: 0, updated: 2, cleared: 0, unchanged: 2 });
    expect(await contents(id)).toEqual(before);

    const res = await upload(id, file, CSV);
    expect(res.json()).toMatchObject({ dryRun: false, rows: 4, created: 0, updated: 2, cleared: 0, unchanged: 2 });
    const after = await contents(id);
    // The value changes; an emptied value cell empties the value only, as the comment column is absent.
    expect(after.map((v) => [v.value, v.numerator, v.denominator, v.comment]).sort()).toEqual(
      [[12, null, null, 'from the clinic register'], [5, null, null, 'estimate'], [null, null, null, 'late report'], [25, 30, 120, 'sample of 120']].sort(),
    );
    const changes = (await history(id)).map((h) => [JSON.parse(h.before_json!).comment, JSON.parse(h.after_json!)]);
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['from the clinic register', { value: 12, numerator: null, denominator: null, text: null, comment: 'from the clinic register' }],
        ['late report', { value: null, numerator: null, denominator: null, text: null, comment: 'late report' }],
      ]),
    );

    const again = await upload(id, file, CSV);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, cleared: 0, unchanged: 4 });
    expect(await contents(id)).toEqual(after);
    expect(await history(id)).toHaveLength(2);
  });

  it('clears the comment of an empty cell in a present comment column, and only the cells the file lists', async () => {
    const id = await packageWithComments();
    const file = Buffer.from(
      [
        'indicator_code,location_pcode,value,comment',
        `${i1().code},${pA().pcode},10,`,
        `${i2().code},${pA().pcode},5,checked twice`,
        `PCT1,${pB().pcode},25,`,
      ].join('\r\n'),
    );
    const check = await upload(id, file, CSV, { dryRun: true });
    expect(check.json()).toMatchObject({ rows: 3, created: 0, updated: 3, cleared: 0, unchanged: 0 });
    const res = await upload(id, file, CSV);
    expect(res.json()).toMatchObject({ rows: 3, created: 0, updated: 3, cleared: 0, unchanged: 0 });
    const byPlace = Object.fromEntries((await contents(id)).map((v) => [`${v.indicator === pct.id ? 'PCT1' : v.indicator === i1().id ? 'i1' : 'i2'}@${v.location === pA().id ? 'A' : 'B'}`, v]));
    expect(byPlace['i1@A']).toMatchObject({ value: 10, comment: '' });
    expect(byPlace['i2@A']).toMatchObject({ value: 5, comment: 'checked twice' });
    expect(byPlace['i2@B']).toMatchObject({ value: 7, comment: 'late report' });
    // The numerator and denominator columns are absent: the ratio stays, the comment is cleared.
    expect(byPlace['PCT1@B']).toMatchObject({ value: 25, numerator: 30, denominator: 120, comment: '' });
    expect(await history(id)).toHaveLength(3);
    expect((await upload(id, file, CSV)).json()).toMatchObject({ updated: 0, unchanged: 3 });
  });

  it('takes a changed or emptied percentage from a file without ratio columns, instead of recomputing the stored ratio over it', async () => {
    const id = await packageWithComments();
    // Stored: PCT1 at B = 30 ÷ 120 = 25 %. The file says 40 %, without numerator and denominator.
    const changed = await upload(id, Buffer.from(['indicator_code,location_pcode,value', `PCT1,${pB().pcode},40`].join('\n')), CSV);
    expect(changed.json()).toMatchObject({ rows: 1, updated: 1, unchanged: 0 });
    const pctAtB = async () => (await contents(id)).find((v) => v.indicator === pct.id && v.location === pB().id);
    // The ratio no longer stands behind the figure; the comment column is absent, so the comment stays.
    expect(await pctAtB()).toMatchObject({ value: 40, numerator: null, denominator: null, comment: 'sample of 120' });
    // 33.33 for a stored 33.333… is the same figure: nothing changes and the ratio is kept.
    await t.db.updateTable('indicator_values').set({ value: (1 / 3) * 100, numerator: 1, denominator: 3 }).where('submission_id', '=', id).where('indicator_id', '=', pct.id).execute();
    const same = await upload(id, Buffer.from(['indicator_code,location_pcode,value', `PCT1,${pB().pcode},33.33`].join('\n')), CSV);
    expect(same.json()).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await pctAtB()).toMatchObject({ numerator: 1, denominator: 3 });
    // Emptied: the value goes, and the ratio with it.
    const emptied = await upload(id, Buffer.from(['indicator_code,location_pcode,value', `PCT1,${pB().pcode},`].join('\n')), CSV);
    expect(emptied.statusCode, emptied.body).toBe(200);
    expect(await pctAtB()).toMatchObject({ value: null, numerator: null, denominator: null, comment: 'sample of 120' });
  });

  it('reads an XLSX the same way: an absent comment column keeps comments, an empty trailing comment cell clears one', async () => {
    const id = await packageWithComments();
    const workbook = async (header: string[], rows: (string | number | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Values');
      ws.addRow(header);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const without = await workbook(['indicator_code', 'location_pcode', 'value'], [[i1().code, pA().pcode, 11], [i2().code, pB().pcode, 8]]);
    expect((await upload(id, without, XLSX, { dryRun: true })).json()).toMatchObject({ format: 'xlsx', updated: 2, unchanged: 0 });
    expect((await upload(id, without, XLSX)).json()).toMatchObject({ format: 'xlsx', updated: 2, unchanged: 0 });
    expect((await contents(id)).map((v) => [v.value, v.comment]).sort()).toEqual([[11, 'from the clinic register'], [5, 'estimate'], [8, 'late report'], [25, 'sample of 120']].sort());
    expect((await upload(id, without, XLSX)).json()).toMatchObject({ updated: 0, unchanged: 2 });

    // ExcelJS writes no cell for the empty trailing comment: the column is still present, so the comment is cleared.
    const withEmpty = await workbook(['indicator_code', 'location_pcode', 'value', 'comment'], [[i1().code, pA().pcode, 11, null], [i2().code, pB().pcode, 8, 'late report']]);
    expect((await upload(id, withEmpty, XLSX)).json()).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await contents(id)).map((v) => [v.value, v.comment]).sort()).toEqual([[11, ''], [5, 'estimate'], [8, 'late report'], [25, 'sample of 120']].sort());
    expect(await history(id)).toHaveLength(3);
  });
});
