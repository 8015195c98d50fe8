import type { ReportSection } from '@shared/schemas/report-templates.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId, sha256 } from '../../lib/ids.js';
import { refreshSubmissionFacts } from '../analytics/facts.js';
import { buildCategory, buildOrganisation, buildUser } from '../../test/factories.js';
import { buildReportingWorld, buildRound, buildValue } from '../../test/reporting-factories.js';
import { fixtureLogoPng } from './render.fixtures.js';

/**
 * A project in central Mali for report tests: calendar 2026, two indicators (children reached, by
 * sex; child-friendly spaces), quarterly targets, approved Q2 and Q3 packages of the lead and its
 * partner with values, narratives in English and French (one with a reviewed French translation,
 * one with an unreviewed one), attachments, a draft package that must stay out, an agreement with a
 * donor, the lead's logo and a template using every kind of section.
 */
export const REPORT_TEXT = {
  achievements: 'Teachers in Kita enrolled 40 children who had left school for the gold mines.',
  achievementsFrDraft: 'Brouillon de traduction non relu.',
  challenges: 'Les pluies ont coupé la route de Kita pendant deux semaines.',
  lessons: 'Evening sessions doubled attendance in farming villages.',
  lessonsFr: 'Les séances du soir ont doublé la participation dans les villages agricoles.',
  draft: 'This package is still a draft and must not be printed.',
  q2: 'Second quarter text, outside the report period.',
};

export const everySection = (): ReportSection[] => [
  { key: 'cover', kind: 'cover', title: 'Cover', enabled: true, text: 'Funded by the Nordic Fund for Children.', titles: { fr: 'Rapport trimestriel de performance' }, texts: { fr: 'Financé par le Fonds nordique pour l’enfance.' } },
  { key: 'summary', kind: 'executive_summary', title: 'Executive summary', enabled: true, text: 'This report covers the child protection response in Kayes.', titles: { fr: 'Résumé analytique', es: '' }, texts: { fr: 'Ce rapport couvre la réponse de protection de l’enfance à Kayes.' } },
  { key: 'progress', kind: 'narrative_by_result', title: 'Progress by result', enabled: true, text: '' },
  { key: 'iptt', kind: 'iptt', title: 'Indicator performance tracking table', enabled: true, text: '' },
  { key: 'groups', kind: 'disaggregation_tables', title: 'Disaggregated results', enabled: true, text: '' },
  { key: 'people', kind: 'people_reached', title: 'People reached', enabled: true, text: '' },
  { key: 'budget', kind: 'budget_vs_actual', title: 'Budget versus actual', enabled: true, text: '' },
  { key: 'risks', kind: 'risks_and_lessons', title: 'Risks and lessons learned', enabled: true, text: '' },
  { key: 'annexes', kind: 'annexes', title: 'Annexes', enabled: true, text: '' },
  { key: 'signature', kind: 'fixed_text', title: 'Certification', enabled: true, text: 'We certify that this report is accurate.' },
  { key: 'off', kind: 'fixed_text', title: 'Switched off', enabled: false, text: 'Never printed.' },
];

export async function buildTemplate(db: Database, organisationId: string, sections: ReportSection[], name = 'Quarterly performance report') {
  const now = nowIso();
  const id = newId();
  await db.insertInto('report_templates').values({ id, organisation_id: organisationId, name, description: '', version: 1, archived: 0, created_by: null, created_at: now, updated_at: now }).execute();
  await db.insertInto('report_template_versions').values({ template_id: id, version: 1, name, sections_json: JSON.stringify(sections), created_by: null, created_at: now }).execute();
  return { id };
}

/** A new version of a template with other sections (what a regenerated report must not pick up). */
export async function bumpTemplate(db: Database, templateId: string, sections: ReportSection[]) {
  const now = nowIso();
  await db.insertInto('report_template_versions').values({ template_id: templateId, version: 2, name: 'Renamed template', sections_json: JSON.stringify(sections), created_by: null, created_at: now }).execute();
  await db.updateTable('report_templates').set({ version: 2, name: 'Renamed template' }).where('id', '=', templateId).execute();
}

async function narrative(db: Database, o: { submissionId: string; section: string; language: string; text: string; resultNodeId?: string | null; userId: string }) {
  const row = { id: newId(), submission_id: o.submissionId, section: o.section, result_node_id: o.resultNodeId ?? null, language: o.language, text: o.text, updated_by: o.userId, updated_at: nowIso() };
  await db.insertInto('narratives').values(row).execute();
  return row;
}

async function translation(db: Database, o: { narrativeId: string; original: string; language: string; text: string; reviewed: boolean; userId: string }) {
  const now = nowIso();
  await db
    .insertInto('narrative_translations')
    .values({
      id: newId(), narrative_id: o.narrativeId, language: o.language, text: o.text, provenance: 'human', provider: null, source_hash: sha256(o.original),
      reviewed: o.reviewed ? 1 : 0, reviewed_by: o.reviewed ? o.userId : null, reviewed_at: o.reviewed ? now : null, updated_by: o.userId, updated_at: now,
    })
    .execute();
}

export async function buildReportWorld(db: Database) {
  const w = await buildReportingWorld(db);
  await db.updateTable('projects').set({ start_date: '2026-01-01', end_date: '2026-12-31', code: `CLM-KAY-${w.project.id.slice(0, 4)}`, title: 'Child protection in Kayes' }).where('id', '=', w.project.id).execute();
  const project = (await db.selectFrom('projects').selectAll().where('id', '=', w.project.id).executeTakeFirstOrThrow());
  const reach = w.indicators[0]!;
  const spaces = w.indicators[1]!;
  await db.updateTable('result_nodes').set({ code: '1', title: 'Children are protected from the worst forms of labour' }).where('id', '=', w.node.id).execute();
  await db.updateTable('indicators').set({ code: 'OP1', name: 'Children reached by protection services', unit: 'children', lop_target: 400 }).where('id', '=', reach.id).execute();
  await db.updateTable('indicators').set({ code: 'OP2', name: 'Functional child-friendly spaces', unit: 'spaces', time_aggregation: 'latest', lop_target: 12 }).where('id', '=', spaces.id).execute();
  const sex = await buildCategory(db, { organisationId: w.lead.id, code: 'sex', options: ['F', 'M'] });
  await db.updateTable('disaggregation_categories').set({ kind: 'sex', name: 'Sex' }).where('id', '=', sex.id).execute();
  await db.updateTable('disaggregation_options').set({ label: 'Female' }).where('id', '=', sex.options[0]!.id).execute();
  await db.updateTable('disaggregation_options').set({ label: 'Male' }).where('id', '=', sex.options[1]!.id).execute();
  await db.insertInto('indicator_disaggregations').values({ indicator_id: reach.id, category_id: sex.id, position: 0 }).execute();
  const [F, M] = sex.options.map((o) => o.id) as [string, string];
  const now = nowIso();
  const target = (indicatorId: string, period: string, value: number) => ({ id: newId(), indicator_id: indicatorId, period_key: period, location_id: null, disaggregation_key: '', value, created_at: now, updated_at: now });
  await db.insertInto('indicator_targets').values([...['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((q) => target(reach.id, q, 100)), target(spaces.id, '2026-Q3', 6)]).execute();

  const [placeA, placeB] = w.locations.map((l) => l.id) as [string, string];
  const userId = w.users.manager.id;
  const q3 = await buildRound(db, {
    projectId: w.project.id, periodKey: '2026-Q3',
    reporters: [
      { organisationId: w.lead.id, locationIds: [placeA], status: 'approved' },
      { organisationId: w.partner.id, locationIds: [placeB], status: 'approved' },
      { organisationId: w.other.id, locationIds: [placeB], status: 'draft' },
    ],
  });
  const [lead, partner, draft] = [q3.submissions[0]!, q3.submissions[1]!, q3.submissions[2]!];
  const values: [string, string, string, number, string?][] = [
    [lead.id, reach.id, placeA, 50], [lead.id, reach.id, placeA, 30, F], [lead.id, reach.id, placeA, 20, M], [lead.id, spaces.id, placeA, 4],
    [partner.id, reach.id, placeB, 25], [partner.id, reach.id, placeB, 15, F], [partner.id, reach.id, placeB, 10, M], [partner.id, spaces.id, placeB, 3],
    [draft.id, reach.id, placeB, 999],
  ];
  for (const [submissionId, indicatorId, locationId, value, key] of values) await buildValue(db, { submissionId, indicatorId, locationId, value, disaggregationKey: key ?? '' });
  const q2 = await buildRound(db, { projectId: w.project.id, periodKey: '2026-Q2', reporters: [{ organisationId: w.lead.id, locationIds: [placeA], status: 'approved' }] });
  await buildValue(db, { submissionId: q2.submissions[0]!.id, indicatorId: reach.id, locationId: placeA, value: 60 });
  for (const s of [lead, partner, q2.submissions[0]!]) await refreshSubmissionFacts(db, s.id);

  const achievements = await narrative(db, { submissionId: lead.id, section: 'achievements', language: 'en', text: REPORT_TEXT.achievements, resultNodeId: w.node.id, userId });
  await translation(db, { narrativeId: achievements.id, original: achievements.text, language: 'fr', text: REPORT_TEXT.achievementsFrDraft, reviewed: false, userId });
  await narrative(db, { submissionId: partner.id, section: 'challenges', language: 'fr', text: REPORT_TEXT.challenges, userId });
  const lessons = await narrative(db, { submissionId: partner.id, section: 'lessons', language: 'en', text: REPORT_TEXT.lessons, userId });
  await translation(db, { narrativeId: lessons.id, original: lessons.text, language: 'fr', text: REPORT_TEXT.lessonsFr, reviewed: true, userId });
  await narrative(db, { submissionId: draft.id, section: 'achievements', language: 'en', text: REPORT_TEXT.draft, userId });
  await narrative(db, { submissionId: q2.submissions[0]!.id, section: 'achievements', language: 'en', text: REPORT_TEXT.q2, userId });
  await db
    .insertInto('attachments')
    .values({ id: newId(), submission_id: partner.id, file_name: 'registre-kita-sept.pdf', content_type: 'application/pdf', size_bytes: 20480, sha256: sha256('x'), description: 'Attendance register, Kita', uploaded_by: userId, created_at: now })
    .execute();

  const donor = await buildOrganisation(db, { name: 'Nordic Fund for Children and Communities', type: '10', acronym: 'NFCC' });
  await db.insertInto('project_organisations').values({ project_id: w.project.id, organisation_id: donor.id, role: 'donor' }).execute();
  const agreementId = newId();
  await db
    .insertInto('agreements')
    .values({
      id: agreementId, project_id: w.project.id, donor_organisation_id: donor.id, agreement_number: 'NFCC-2026-MLI-0042', title: '', start_date: '2026-01-01', end_date: '2026-12-31',
      report_frequency: 'quarter', report_due_days: 30, template_id: null, report_language: 'en', created_at: now, updated_at: now,
    })
    .execute();
  await db.insertInto('organisation_logos').values({ organisation_id: w.lead.id, media_type: 'image/png', content: fixtureLogoPng(), updated_at: now }).execute();
  const template = await buildTemplate(db, w.lead.id, everySection());
  const programmeManager = await buildUser(db, { organisationId: w.lead.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: w.programme.id }] });
  const outsider = await buildUser(db, { organisationId: w.other.id, grants: [] });
  return { ...w, project, reach, spaces, F, M, agreementId, template, programmeManager, outsider };
}
export type ReportWorld = Awaited<ReturnType<typeof buildReportWorld>>;
