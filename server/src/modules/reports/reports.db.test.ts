import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Iptt, IpttRow } from '@shared/schemas/monitoring.js';
import type { GeneratedReport } from '@shared/schemas/reports.js';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.js';
import { runPendingJobs } from '../jobs/jobs.runner.js';
import { buildOrganisation } from '../../test/factories.js';
import { buildReportWorld, buildTemplate, bumpTemplate, everySection, REPORT_TEXT, type ReportWorld } from './reports.test-world.js';

let t: TestApp;
let w: ReportWorld;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportWorld(t.db);
  manager = await t.as(w.users.manager.id);
});
afterAll(() => t.close());

const Q3 = { periodStart: '2026-07-01', periodEnd: '2026-09-30' };
const generate = (agent: Agent, over: Record<string, unknown> = {}) =>
  agent.post('/api/reports', { scope: { type: 'project', id: w.project.id }, templateId: w.template.id, ...Q3, language: 'en', agreementId: w.agreementId, ...over });

async function generated(agent: Agent, over: Record<string, unknown> = {}): Promise<GeneratedReport> {
  const res = await generate(agent, over);
  expect(res.statusCode, res.body).toBe(202);
  await runPendingJobs(t.db);
  const done = (await agent.get(`/api/reports/${(res.json() as GeneratedReport).id}`)).json() as GeneratedReport;
  expect(done.status, JSON.stringify(done.job)).toBe('done');
  return done;
}

const download = async (agent: Agent, report: GeneratedReport, format: 'docx' | 'xlsx' | 'pdf') => {
  const res = await agent.get(`/api/reports/${report.id}/files/${format}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};

/** The text of word/document.xml, paragraph by paragraph, and the heading texts by level. */
async function readDocx(content: Buffer) {
  const xml = await (await JSZip.loadAsync(content)).file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  const text = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const headings = (level: number) => paragraphs.filter((p) => p.includes(`<w:pStyle w:val="Heading${level}"/>`)).map((p) => decode(text(p)));
  return { xml, text: decode(paragraphs.map(text).join('\n')), headings };
}

let english: GeneratedReport;
beforeAll(async () => {
  english = await generated(manager);
});

describe('POST /api/reports', () => {
  it('answers 202 with a queued report and its job, then the job makes three files', async () => {
    const res = await generate(manager);
    expect(res.statusCode, res.body).toBe(202);
    const queued = res.json() as GeneratedReport;
    expect(queued).toMatchObject({
      status: 'queued', scope: { type: 'project', id: w.project.id }, templateVersion: 1, agreementNumber: 'NFCC-2026-MLI-0042', language: 'en', files: [],
      title: `Quarterly performance report — ${w.project.code} — 2026-Q3`, job: { status: 'queued', progress: 0 },
    });
    expect(english).toMatchObject({ status: 'done', job: { status: 'done', progress: 100 }, untranslatedCount: 1 });
    expect(english.files.map((f) => f.fileName)).toEqual(['docx', 'xlsx', 'pdf'].map((f) => `${w.project.code}_2026-Q3_report_en.${f}`));
    expect(english.files.every((f) => f.size > 0 && f.downloadUrl === `/api/reports/${english.id}/files/${f.format}`)).toBe(true);
  });

  it('writes real headings: the template sections in order, switched-off and data-less ones left out', async () => {
    const doc = await readDocx(await download(manager, english, 'docx'));
    expect(doc.headings(1)).toEqual(['Executive summary', 'Progress by result', 'Indicator performance tracking table', 'Disaggregated results', 'People reached', 'Risks and lessons learned', 'Annexes', 'Certification']);
    expect(doc.headings(2)).toEqual(expect.arrayContaining(['Key figures', '1 Children are protected from the worst forms of labour', 'Challenges and risks', 'Lessons learned']));
    expect(doc.text).toContain('This report covers the child protection response in Kayes.');
    expect(doc.text).toContain('NFCC-2026-MLI-0042');
    expect(doc.text).toContain(REPORT_TEXT.achievements);
    expect(doc.text).toContain('registre-kita-sept.pdf');
    expect(doc.text).not.toContain(REPORT_TEXT.draft);
    expect(doc.text).not.toContain(REPORT_TEXT.q2);
    expect(doc.text).not.toContain('Never printed.');
    // The cover: the template's name, and the cover section's fixed text (the donor's funding statement).
    expect(doc.text).toContain('Funded by the Nordic Fund for Children.');
  });

  it('prints a passage without an approved translation as written, flagged untranslated', async () => {
    const doc = await readDocx(await download(manager, english, 'docx'));
    expect(doc.text).toContain(REPORT_TEXT.challenges);
    const stored = await t.db.selectFrom('generated_reports').select('data_json').where('id', '=', english.id).executeTakeFirstOrThrow();
    const data = JSON.parse(stored.data_json!) as { narratives: { text: string; untranslated: boolean; language: string }[]; untranslatedCount: number };
    expect(data.untranslatedCount).toBe(1);
    expect(data.narratives.filter((n) => n.untranslated)).toEqual([expect.objectContaining({ text: REPORT_TEXT.challenges, language: 'fr' })]);
  });

  it('fills the XLSX IPTT with the same figures as GET /api/iptt for the period', async () => {
    const res = await manager.get(`/api/iptt?scope=project&id=${w.project.id}&granularity=quarter&from=${Q3.periodStart}&to=${Q3.periodEnd}`);
    expect(res.statusCode).toBe(200);
    const iptt = res.json() as Iptt;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(manager, english, 'xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets.find((s) => s.name.startsWith('IPTT'))!;
    expect(sheet, wb.worksheets.map((s) => s.name).join(', ')).toBeDefined();
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    for (const r of iptt.rows.filter((x): x is Extract<IpttRow, { kind: 'indicator' }> => x.kind === 'indicator')) {
      const line = values.find((v) => v[0] === r.code)!;
      expect(line, r.code).toBeDefined();
      const expected = [r.baseline, ...[r.lop, ...r.periods].flatMap((c) => [c.target, c.actual?.value ?? null, c.percentMet])];
      expect(Array.from(line.slice(3, 3 + expected.length), (v) => (v === undefined || v === '' ? null : v)), r.code).toEqual(expected);
    }
    const reached = values.find((v) => v[0] === 'OP1')!;
    // 50 + 25 approved children in Q3 (the draft's 999 stays out), against a quarterly target of 100.
    expect(reached.slice(7, 10)).toEqual([100, 75, 75]);
    const people = wb.worksheets.find((s) => s.name.startsWith('People reached'));
    expect(people).toBeDefined();
  });

  it('uses an approved French translation in a French report, and only an approved one', async () => {
    const french = await generated(manager, { language: 'fr' });
    expect(french.files[0]!.fileName).toBe(`${w.project.code}_2026-Q3_report_fr.docx`);
    const doc = await readDocx(await download(manager, french, 'docx'));
    expect(doc.text).toContain(REPORT_TEXT.lessonsFr);
    expect(doc.text).not.toContain(REPORT_TEXT.lessons);
    // Written in French: printed as it is, not flagged.
    expect(doc.text).toContain(REPORT_TEXT.challenges);
    // Its translation was never reviewed: the English original is printed and counted.
    expect(doc.text).toContain(REPORT_TEXT.achievements);
    expect(doc.text).not.toContain(REPORT_TEXT.achievementsFrDraft);
    expect(french.untranslatedCount).toBe(1);
    expect(doc.headings(2)).toContain('Chiffres clés');
    // The template's French title and fixed text; sections without a French title keep the author's.
    expect(doc.headings(1)[0]).toBe('Résumé analytique');
    expect(doc.headings(1)).toContain('Certification');
    expect(doc.text).toContain('Ce rapport couvre la réponse de protection de l’enfance à Kayes.');
    expect(doc.text).not.toContain('This report covers the child protection response in Kayes.');
    // The cover section's French title names the report, and its French statement is printed.
    expect(doc.xml).toContain('<w:pStyle w:val="Title"/>');
    expect(doc.text).toContain('Rapport trimestriel de performance');
    expect(doc.text).toContain('Financé par le Fonds nordique pour l’enfance.');
    expect(doc.text).not.toContain('Funded by the Nordic Fund for Children.');
  });

  it('refuses reporters and viewers who see the project (403), and people who do not (404)', async () => {
    for (const user of [w.users.viewer, w.users.leadReporter, w.users.partnerReporter]) expect((await generate(await t.as(user.id))).statusCode).toBe(403);
    expect((await generate(await t.as(w.outsider.id))).statusCode).toBe(404);
  });

  it('refuses a template of an organisation outside the project and an agreement of another project', async () => {
    const elsewhere = await buildOrganisation(t.db);
    const foreign = await buildTemplate(t.db, elsewhere.id, everySection(), 'Foreign');
    const res = await generate(manager, { templateId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { details: [{ field: 'body.templateId', reason: 'unknown_reference' }] } });
    const wrongAgreement = await generate(manager, { agreementId: crypto.randomUUID() });
    expect(wrongAgreement.json()).toMatchObject({ error: { details: [{ field: 'body.agreementId', reason: 'unknown_reference' }] } });
  });
});

describe('report history', () => {
  it('lists the project’s reports newest first for managers and viewers, not for reporters', async () => {
    const url = `/api/reports?scopeType=project&scopeId=${w.project.id}`;
    const list = (await manager.get(url)).json() as { items: GeneratedReport[] };
    expect(list.items.map((r) => r.id)).toContain(english.id);
    expect(list.items.map((r) => r.createdAt)).toEqual([...list.items.map((r) => r.createdAt)].sort().reverse());
    const viewer = await t.as(w.users.viewer.id);
    expect((await viewer.get(url)).statusCode).toBe(200);
    expect((await viewer.get(`/api/reports/${english.id}/files/docx`)).statusCode).toBe(200);
    const reporter = await t.as(w.users.leadReporter.id);
    expect((await reporter.get(url)).statusCode).toBe(403);
    expect((await reporter.get(`/api/reports/${english.id}`)).statusCode).toBe(403);
    expect((await (await t.as(w.outsider.id)).get(url)).statusCode).toBe(404);
  });

  it('audits downloads', async () => {
    await download(manager, english, 'pdf');
    const entries = await t.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', english.id).execute();
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['report.generate', 'report.generated', 'report.downloaded']));
  });

  it('regenerates with the same template version as a new report naming the old one', async () => {
    await bumpTemplate(t.db, w.template.id, [{ key: 'only', kind: 'fixed_text', title: 'Only this', enabled: true, text: 'x' }]);
    const res = await manager.post(`/api/reports/${english.id}/regenerate`);
    expect(res.statusCode, res.body).toBe(202);
    const again = res.json() as GeneratedReport;
    expect(again).toMatchObject({ regeneratedFrom: english.id, templateVersion: 1, periodStart: Q3.periodStart, periodEnd: Q3.periodEnd, language: 'en', agreementId: w.agreementId });
    expect(again.id).not.toBe(english.id);
    await runPendingJobs(t.db);
    const doc = await readDocx(await download(manager, (await manager.get(`/api/reports/${again.id}`)).json() as GeneratedReport, 'docx'));
    expect(doc.headings(1)).toContain('Indicator performance tracking table');
    expect((await (await t.as(w.users.viewer.id)).post(`/api/reports/${english.id}/regenerate`)).statusCode).toBe(403);
  });

  it('lets managers delete a report, audited, and refuses viewers', async () => {
    const doomed = await generated(manager);
    expect((await (await t.as(w.users.viewer.id)).delete(`/api/reports/${doomed.id}`)).statusCode).toBe(403);
    expect((await manager.delete(`/api/reports/${doomed.id}`)).statusCode).toBe(204);
    expect((await manager.get(`/api/reports/${doomed.id}`)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', doomed.id).where('action', '=', 'report.delete').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('consolidated reports', () => {
  it('makes a programme report for the programme’s managers over its projects', async () => {
    const scope = { type: 'programme', id: w.programme.id };
    // The project's M&E officer sees the programme but does not manage it.
    expect((await generate(manager, { scope, agreementId: null })).statusCode).toBe(403);
    expect((await generate(await t.as(w.users.viewer.id), { scope, agreementId: null })).statusCode).toBe(403);
    const pm = await t.as(w.programmeManager.id);
    const template = await buildTemplate(t.db, w.lead.id, everySection(), 'Programme report');
    const report = await generated(pm, { scope, agreementId: null, templateId: template.id });
    expect(report.files.map((f) => f.fileName)[0]).toBe(`${w.programme.code}_2026-Q3_report_en.docx`);
    const doc = await readDocx(await download(pm, report, 'docx'));
    expect(doc.headings(2)).toContain(`${w.project.code} — Child protection in Kayes`);
    expect(doc.text).toContain(REPORT_TEXT.achievements);
  });
});
