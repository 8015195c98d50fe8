import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '@shared/schemas/jobs.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPivotWorld, type PivotWorld } from '../analytics/pivot.test-world.js';
import { runPendingJobs } from '../jobs/jobs.service.js';

/** The large values export as a background job: queued, run, and its file the same rows as the HXL CSV. */
let t: TestApp;
let w: PivotWorld;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildPivotWorld(t.db);
  manager = await t.as(w.users.manager.id);
});
afterAll(() => t.close());

async function runExport(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post(`/api/projects/${w.project.id}/exports`, body);
  expect(res.statusCode, res.body).toBe(202);
  const queued = res.json() as Job;
  expect(queued).toMatchObject({ kind: 'values.export', status: 'queued', progress: 0 });
  await runPendingJobs(t.db);
  const job = (await agent.get(`/api/jobs/${queued.id}`)).json() as Job;
  expect(job, JSON.stringify(job)).toMatchObject({ status: 'done', progress: 100, downloadUrl: `/api/jobs/${queued.id}/file` });
  const file = await agent.get(job.downloadUrl!);
  expect(file.statusCode).toBe(200);
  return { job, file };
}

const csvLines = async (agent: Agent, query = '') =>
  parse((await agent.get(`/api/projects/${w.project.id}/values.hxl.csv${query}`)).rawPayload.toString('utf8'), { bom: true }) as string[][];

async function xlsxLines(content: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    lines.push(Array.from({ length: width }, (_, i) => {
      const v = row.getCell(i + 1).value;
      return v === null || v === undefined ? '' : String(v);
    }));
  });
  return lines;
}

describe('values export job', () => {
  it('makes an XLSX that ExcelJS reads back with the same rows as the HXL CSV', async () => {
    const { job, file } = await runExport(manager, { format: 'xlsx' });
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toMatch(/fieldbook-values-.+\.xlsx/);
    const csv = await csvLines(manager);
    const xlsx = await xlsxLines(file.rawPayload);
    expect(xlsx.length).toBe(csv.length);
    expect(xlsx).toEqual(csv);
    expect(job.result).toEqual({ rows: csv.length - 2, format: 'xlsx' });
  });

  it('makes CSV and HXL CSV files, pending values only when allowed and asked for', async () => {
    const hxl = await runExport(manager, { format: 'hxl', includePending: true });
    expect(parse(hxl.file.rawPayload.toString('utf8'), { bom: true })).toEqual(await csvLines(manager, '?includePending=true'));
    const plain = parse((await runExport(manager, { format: 'csv', from: '2025-04-01', to: '2025-06-30' })).file.rawPayload.toString('utf8'), { bom: true }) as string[][];
    const withTags = await csvLines(manager, '?from=2025-04-01&to=2025-06-30');
    expect(plain).toEqual([withTags[0], ...withTags.slice(2)]);

    const viewer = await t.as(w.users.viewer.id);
    const forViewer = parse((await runExport(viewer, { format: 'csv', includePending: true })).file.rawPayload.toString('utf8'), { bom: true }) as string[][];
    expect(forViewer.some((line) => line.includes('2025-Q3'))).toBe(false);
  });

  it('audits the request; another organisation gets 404 and never sees the job', async () => {
    const res = await manager.post(`/api/projects/${w.project.id}/exports`, { format: 'xlsx' });
    const id = (res.json() as Job).id;
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_type', 'actor_user_id']).where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'values_export.create', entity_type: 'job', actor_user_id: w.users.manager.id }]);

    const stranger = await buildOrganisation(t.db);
    const user = await t.as((await buildUser(t.db, { organisationId: stranger.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: stranger.id }] })).id);
    expect((await user.post(`/api/projects/${w.project.id}/exports`, { format: 'xlsx' })).statusCode).toBe(404);
    expect((await user.get(`/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await manager.post(`/api/projects/${w.project.id}/exports`, { format: 'pdf' })).statusCode).toBe(400);
  });
});
