import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Framework, Indicator, ResultNode } from '@shared/schemas/index.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildUser } from '../../test/factories.js';
import type { Agent, TestApp } from '../../test/test-app.js';

/** Shared set-up for the framework workbook tests: an organisation with sex and age categories, a project with two places. */
export interface World {
  orgId: string;
  programmeId: string;
  pm: Agent;
  viewer: Agent;
  outsider: Agent;
  categories: { sex: Category; age: Category };
}
type Category = { id: string; code: string; options: { id: string; code: string }[] };

async function category(db: Database, organisationId: string, code: string, name: string, options: string[]): Promise<Category> {
  const now = nowIso();
  const id = newId();
  await db.insertInto('disaggregation_categories').values({ id, organisation_id: organisationId, code, name, names_json: JSON.stringify({ fr: `${name} (fr)` }), kind: 'custom', position: 0, created_at: now, updated_at: now }).execute();
  const rows = options.map((o, position) => ({ id: newId(), category_id: id, code: o, label: o, labels_json: '{}', position, min_age: null, max_age: null, created_at: now, updated_at: now }));
  await db.insertInto('disaggregation_options').values(rows).execute();
  return { id, code, options: rows.map((r) => ({ id: r.id, code: r.code })) };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const org = await buildOrganisation(t.db);
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  const other = await buildOrganisation(t.db);
  const pm = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }] });
  const viewer = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'viewer', scopeType: 'programme', scopeId: programme.id }] });
  const outsider = await buildUser(t.db, { organisationId: other.id, grants: [{ role: 'programme_manager', scopeType: 'organisation', scopeId: other.id }] });
  return {
    orgId: org.id,
    programmeId: programme.id,
    pm: await t.as(pm.id),
    viewer: await t.as(viewer.id),
    outsider: await t.as(outsider.id),
    categories: {
      sex: await category(t.db, org.id, `sex${Date.now() % 100000}`, 'Sex', ['female', 'male']),
      age: await category(t.db, org.id, `age${Date.now() % 100000}`, 'Age', ['0-17', '18+']),
    },
  };
}

export interface SmallFramework {
  projectId: string;
  code: string;
  pcodes: string[];
  nodes: Record<string, ResultNode>;
  indicators: Record<string, Indicator>;
}

/**
 * A project (2025–2026) with two places and a small framework built through the API: a goal, an
 * outcome with a disaggregated count, an output with a percentage, quarterly targets on both.
 */
export async function buildSmallFramework(t: TestApp, w: World, goalTitle = 'Children in mining areas are protected'): Promise<SmallFramework> {
  const project = await buildProject(t.db, { programmeId: w.programmeId, leadOrganisationId: w.orgId });
  const { admin1, admin2 } = await buildLocationTree(t.db, 'COD');
  await t.db.insertInto('project_locations').values([{ project_id: project.id, location_id: admin1.id }, { project_id: project.id, location_id: admin2.id }]).execute();
  const post = async <T>(url: string, body: unknown) => {
    const res = await w.pm.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as T;
  };
  const goal = await post<ResultNode>(`/api/projects/${project.id}/framework/nodes`, { parentId: null, level: 0, code: 'G', title: goalTitle, titles: { fr: 'Les enfants sont protégés' } });
  const outcome = await post<ResultNode>(`/api/projects/${project.id}/framework/nodes`, { parentId: goal.id, level: 1, code: 'O1', title: 'Children are in school', description: 'Withdrawn and enrolled' });
  const output = await post<ResultNode>(`/api/projects/${project.id}/framework/nodes`, { parentId: outcome.id, level: 2, code: 'OP1.1', title: 'Committees work' });
  const enrolled = await post<Indicator>(`/api/result-nodes/${outcome.id}/indicators`, {
    code: 'OC1', name: 'Children enrolled', names: { fr: 'Enfants inscrits' }, type: 'number', unit: 'children', baselineValue: 0, baselineDate: '2025-01-15',
    lopTarget: 1200, meansOfVerification: 'School registers', frequency: 'quarter', responsible: 'M&E officer', categoryIds: [w.categories.sex.id, w.categories.age.id],
  });
  const share = await post<Indicator>(`/api/result-nodes/${output.id}/indicators`, {
    code: 'OP1.1a', name: 'Share of committees meeting monthly', type: 'percentage', unit: '%', direction: 'increase', timeAggregation: 'latest',
    locationAggregation: 'average', baselineValue: 12.5, lopTarget: 80, frequency: 'quarter',
  });
  const [female, male] = w.categories.sex.options;
  const put = async (id: string, targets: unknown[]) => {
    const res = await w.pm.request('PUT', `/api/indicators/${id}/targets`, { targets, why: { reason: 'donor_requirement' } });
    expect(res.statusCode, res.body).toBe(200);
  };
  await put(enrolled.id, [
    { period: '2025-Q1', value: 100 },
    { period: '2025-Q2', value: 200 },
    { period: '2025-Q2', optionIds: [female!.id], value: 110 },
    { period: '2025-Q2', optionIds: [male!.id], value: 90 },
    { period: '2025-Q2', locationId: admin2.id, value: 50 },
    { period: 'LOP', optionIds: [female!.id], value: 650 },
  ]);
  await put(share.id, [
    { period: '2025-Q1', value: 20 },
    { period: '2025-Q3', value: 40.5 },
  ]);
  return {
    projectId: project.id,
    code: project.code,
    pcodes: [admin1.pcode, admin2.pcode],
    nodes: { G: goal, O1: outcome, 'OP1.1': output },
    indicators: { OC1: enrolled, 'OP1.1a': share },
  };
}

export const loadXlsx = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
};

export const toBase64 = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

/** Removes rows by number (1-based) and closes the gap; ExcelJS's spliceRows leaves trailing rows in place. */
export function removeRows(ws: ExcelJS.Worksheet, ...numbers: number[]) {
  const kept: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (!numbers.includes(n)) kept.push((row.values as unknown[]).slice(1));
  });
  const last = ws.rowCount;
  for (let n = 1; n <= last; n++) ws.getRow(n).values = [];
  kept.forEach((values, i) => (ws.getRow(i + 1).values = values as ExcelJS.CellValue[]));
}

/** Rows of a sheet as objects keyed by the header row. */
export function sheetRows(wb: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = wb.getWorksheet(name)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return out;
}

/** What a framework looks like to a reader, without timestamps: two reads are equal when nothing changed. */
export async function frameworkState(t: TestApp, agent: Agent, projectId: string) {
  const f = (await agent.get(`/api/projects/${projectId}/framework`)).json() as Framework;
  const targets = await Promise.all(f.indicators.map(async (i) => (await agent.get(`/api/indicators/${i.id}/targets`)).json().targets));
  const strip = <T extends { updatedAt: string }>({ updatedAt: _u, ...rest }: T) => rest;
  return { nodes: f.nodes.map(strip), indicators: f.indicators.map(strip), targets };
}

export const auditCount = async (db: Database) => Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
