import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportWorkPlanResultT, PlannedActivity, WorkPlan } from '@shared/schemas/workplans.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildWorkPlanWorld } from '../../test/workplans-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Detail = { sheet?: string; row?: number; column?: string; reason: string; message: string };
const where = (res: { json(): unknown }) =>
  ((res.json() as { error: { details?: Detail[] } }).error.details ?? []).map((d) => `${d.sheet}!${d.row}:${d.column}:${d.reason}`);

/** A plan of two activities (one with a formula-looking title) and three milestones. */
async function world() {
  const w = await buildWorkPlanWorld(t.db);
  const manager = await t.as(w.users.manager.id);
  const plan = (await manager.post(`/api/projects/${w.project.id}/work-plans`, { year: 2026, title: 'AOP 2026' })).json() as WorkPlan;
  const add = async (body: Record<string, unknown>) => {
    const res = await manager.post(`/api/work-plans/${plan.id}/activities`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as PlannedActivity;
  };
  const a1 = await add({
    code: 'A1', title: 'Kumasi market forums', resultNodeId: w.activityNode.id, plannedStart: '2026-02-01', plannedEnd: '2026-06-30',
    responsible: 'K. Mensah', team: 'Kumasi city team', organisationId: w.partner.id, locationId: w.locations[0]!.id,
    status: 'on_track', percentComplete: 40, actualStart: '2026-02-03', statusNote: 'Four of six held',
    milestones: [
      { kind: 'milestone', title: 'Venues booked', dueDate: '2026-02-15', doneDate: '2026-02-12' },
      { kind: 'deliverable', title: 'Forum report', dueDate: '2026-07-15' },
    ],
  });
  const a2 = await add({
    code: 'A2', title: '=HYPERLINK("http://evil.example","Click")', plannedStart: '2026-03-01', plannedEnd: '2026-12-15', team: '+Accra team',
    milestones: [{ kind: 'milestone', title: '@launch', dueDate: '2026-04-01' }],
  });
  return { w, manager, plan, a1, a2 };
}

async function exported(agent: Agent, planId: string): Promise<Buffer> {
  const res = await agent.get(`/api/work-plans/${planId}/export.xlsx`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
}

const load = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
};
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const importFile = (agent: Agent, planId: string, buf: Buffer, dryRun = false) =>
  agent.post(`/api/work-plans/${planId}/import`, { contentBase64: buf.toString('base64'), dryRun });

const snapshot = async (planId: string) => ({
  activities: await t.db.selectFrom('planned_activities').selectAll().where('work_plan_id', '=', planId).orderBy('code').execute(),
  milestones: await t.db
    .selectFrom('activity_milestones as m')
    .innerJoin('planned_activities as a', 'a.id', 'm.activity_id')
    .selectAll('m')
    .where('a.work_plan_id', '=', planId)
    .orderBy('m.id')
    .execute(),
  audit: (await t.db.selectFrom('audit_log').select('id').execute()).length,
});

describe('work plan workbook', () => {
  it('exports values only, with formula-looking text neutralised', async () => {
    const { w, plan } = await world();
    const wb = await load(await exported(await t.as(w.users.viewer.id), plan.id));
    const acts = wb.getWorksheet('Activities')!;
    expect((acts.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Code', 'Title', 'Result code', 'Planned start', 'Planned end', 'Responsible', 'Team', 'Organisation', 'Location P-code', 'Status', '% complete', 'Actual start', 'Actual end', 'Note',
    ]);
    const row2 = (acts.getRow(2).values as unknown[]).slice(1);
    expect(row2.slice(0, 3)).toEqual(['A1', 'Kumasi market forums', '1.1.1']);
    expect((row2[3] as Date).toISOString().slice(0, 10)).toBe('2026-02-01');
    expect(row2.slice(5, 11)).toEqual(['K. Mensah', 'Kumasi city team', w.partner.name, w.locations[0]!.pcode, 'on_track', 40]);
    // No formula anywhere: the title is the text with an apostrophe before it.
    expect(acts.getCell('B3').value).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(acts.getCell('G3').value).toBe("'+Accra team");
    const ms = wb.getWorksheet('Milestones')!;
    expect((ms.getRow(1).values as unknown[]).slice(1)).toEqual(['Activity code', 'Kind', 'Title', 'Due', 'Done']);
    expect(ms.actualRowCount).toBe(4);
    expect(ms.getCell('C4').value).toBe("'@launch");
  });

  it('imports its own export without changing anything', async () => {
    const { manager, plan } = await world();
    const before = await snapshot(plan.id);
    const buf = await exported(manager, plan.id);
    const dry = await importFile(manager, plan.id, buf, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, activities: { created: 0, updated: 0, unchanged: 2 }, milestones: { total: 3, changed: 0 } });
    const res = await importFile(manager, plan.id, buf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as ImportWorkPlanResultT).toEqual({ dryRun: false, activities: { created: 0, updated: 0, unchanged: 2 }, milestones: { total: 3, changed: 0 } });
    expect(await snapshot(plan.id)).toEqual(before);
  });

  it('adds and changes activities from the file, audited, and a dry run writes nothing', async () => {
    const { manager, plan, a1 } = await world();
    const wb = await load(await exported(manager, plan.id));
    const acts = wb.getWorksheet('Activities')!;
    acts.getCell('K2').value = 60;
    acts.addRow(['A3', 'Accra youth forums', '1.1.1', '2026-05-01', '2026-09-30', '', 'Accra city team', '', '', 'not_started', 0]);
    wb.getWorksheet('Milestones')!.addRow(['A3', 'deliverable', 'Youth forum report', '2026-10-15']);
    const buf = await save(wb);
    const before = await snapshot(plan.id);
    const dry = await importFile(manager, plan.id, buf, true);
    expect(dry.json()).toMatchObject({ activities: { created: 1, updated: 1, unchanged: 1 } });
    expect(await snapshot(plan.id)).toEqual(before);
    const res = await importFile(manager, plan.id, buf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, activities: { created: 1, updated: 1, unchanged: 1 }, milestones: { total: 4, changed: 1 } });
    const got = (await manager.get(`/api/work-plans/${plan.id}`)).json() as WorkPlan;
    expect(got.activities.map((a) => [a.code, a.percentComplete, a.version])).toEqual([['A1', 60, 2], ['A2', 0, 1], ['A3', 0, 1]]);
    expect(got.activities[2]!.milestones).toMatchObject([{ kind: 'deliverable', title: 'Youth forum report', dueDate: '2026-10-15' }]);
    // A1 kept its milestone ids.
    expect(got.activities[0]!.milestones.map((m) => m.id)).toEqual(a1.milestones.map((m) => m.id));
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', 'in', [a1.id, plan.id]).orderBy('at').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['planned_activity.create', 'planned_activity.import', 'work_plan.create', 'work_plan.import']);
  });

  it('lists every bad row by sheet, row and column, and applies nothing', async () => {
    const { w, manager, plan } = await world();
    const wb = await load(await exported(manager, plan.id));
    const acts = wb.getWorksheet('Activities')!;
    acts.getCell('K2').value = 60; // a good change, which must not be applied either
    acts.getCell('J3').value = 'done'; // done without 100 % and without an actual end
    acts.addRow(['A1', 'Duplicate code', '', '2026-01-01', '2026-02-01']);
    acts.addRow(['A4', 'Bad cells', '9.9.9', '2026-13-01', '2026-02-01', '', '', 'Nobody Inc', 'XX-NONE', 'finished', 'lots']);
    acts.addRow(['A5', 'Backwards', '', '2026-05-01', '2026-04-01', '', '', '', '', 'on_track', 20, '2026-03-01', '2026-02-01']);
    wb.getWorksheet('Milestones')!.addRow(['A9', 'gift', 'Orphan', 'soon']);
    const before = await snapshot(plan.id);
    const res = await importFile(manager, plan.id, await save(wb));
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe('import_failed');
    expect(where(res)).toEqual([
      'Activities!3:% complete:done_needs_full_percent',
      'Activities!3:Actual end:done_needs_actual_end',
      'Activities!4:Code:duplicate_code',
      'Activities!5:Planned start:invalid_date',
      'Activities!5:Status:not_in_list',
      'Activities!5:% complete:not_a_number',
      'Activities!5:Result code:unknown_result_code',
      'Activities!5:Organisation:unknown_project_organisation',
      'Activities!5:Location P-code:unknown_project_location',
      'Activities!6:Planned end:end_before_start',
      'Activities!6:Actual end:end_before_start',
      'Milestones!5:Activity code:unknown_activity_code',
      'Milestones!5:Kind:not_in_list',
      'Milestones!5:Due:invalid_date',
    ]);
    // In the reader's language.
    const fr = await (await t.as(w.users.manager.id, { 'accept-language': 'fr' })).post(`/api/work-plans/${plan.id}/import`, { contentBase64: (await save(wb)).toString('base64') });
    expect((fr.json() as { error: { details: Detail[] } }).error.details[0]!.message).toBe('Une activité terminée est réalisée à 100 %.');
    expect(await snapshot(plan.id)).toEqual(before);
  });

  it('in an approved plan, changes progress only and names the row and column of a planned change', async () => {
    const { w, manager, plan } = await world();
    await manager.post(`/api/work-plans/${plan.id}/approve`, { version: 1 });
    const wb = await load(await exported(manager, plan.id));
    const acts = wb.getWorksheet('Activities')!;
    acts.getCell('E2').value = new Date('2026-08-31T00:00:00Z');
    acts.getCell('F3').value = 'Someone else';
    acts.addRow(['A7', 'New activity', '', '2026-05-01', '2026-06-01']);
    const before = await snapshot(plan.id);
    const refused = await importFile(manager, plan.id, await save(wb));
    expect(refused.statusCode).toBe(400);
    expect(where(refused)).toEqual([
      'Activities!2:Planned end:plan_approved_use_change_request',
      'Activities!3:Responsible:plan_approved_progress_only',
      'Activities!4:Code:plan_approved_use_change_request',
    ]);
    expect((refused.json() as { error: { details: Detail[] } }).error.details[0]!.message).toContain('change request');
    expect(await snapshot(plan.id)).toEqual(before);

    const progress = await load(await exported(manager, plan.id));
    const sheet = progress.getWorksheet('Activities')!;
    sheet.getCell('J2').value = 'done';
    sheet.getCell('K2').value = 100;
    sheet.getCell('M2').value = '2026-06-28';
    progress.getWorksheet('Milestones')!.getCell('E3').value = '2026-07-10';
    const ok = await importFile(manager, plan.id, await save(progress));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ activities: { created: 0, updated: 1, unchanged: 1 }, milestones: { changed: 1 } });
    const got = (await manager.get(`/api/work-plans/${plan.id}`)).json() as WorkPlan;
    expect(got.activities[0]).toMatchObject({ status: 'done', percentComplete: 100, actualEnd: '2026-06-28', plannedEnd: '2026-06-30' });
    expect(got.activities[0]!.milestones.map((m) => m.doneDate)).toEqual(['2026-02-12', '2026-07-10']);
    // Viewers and reporters do not import.
    expect((await importFile(await t.as(w.users.viewer.id), plan.id, await save(progress))).statusCode).toBe(403);
    expect((await importFile(await t.as(w.users.partnerReporter.id), plan.id, await save(progress))).statusCode).toBe(403);
  });

  it('refuses a file that is not a workbook', async () => {
    const { manager, plan } = await world();
    const res = await importFile(manager, plan.id, Buffer.from('code,title\nA1,x\n'));
    expect([res.statusCode, where(res)]).toEqual([400, ['undefined!undefined:undefined:unreadable_file']]);
  });
});
