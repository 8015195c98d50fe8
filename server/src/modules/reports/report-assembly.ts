import { RTL_LOCALES } from '@shared/locales.js';
import type { Iptt } from '@shared/schemas/monitoring.js';
import type { ReportSection, ReportSectionKind } from '@shared/schemas/report-templates.js';
import { getIptt } from '../analytics/iptt.service.js';
import { loadIpttScope } from '../analytics/iptt.scope.js';
import { budgetVsActual, loadReportBudgets, type ReportBudget } from './assembly.budget.js';
import { annexes, cover } from './assembly.cover.js';
import { type AssemblyInput, formatsOf, type Loaded } from './assembly.context.js';
import { disaggregationTables, executiveSummary, ipttTable, peopleReached } from './assembly.figures.js';
import { loadPassages, narrativeByResult, risksAndLessons } from './assembly.narratives.js';
import * as repo from './assembly.repository.js';
import type { ReportBlock, ReportDocSection, ReportDocument } from './document.types.js';
import { reportGranularity } from './report-period.js';
import { REPORT_TEXTS } from './report.texts.js';

/**
 * Turns a template version, a scope, a period and a language into a ReportDocument (what the
 * renderers print) and the data it was made from (kept with the report, so a figure in a donor's
 * hands can be traced back). Sections follow the template's order; switched-off sections are left
 * out, and so are sections whose data does not exist (budget vs actual without a budget in force, risks
 * and lessons in a period nobody wrote any, annexes without attachments…). A section's fixed text
 * comes first, as the template author wrote it.
 */
export interface ReportData {
  granularity: string;
  periods: Iptt['periods'];
  iptt: Iptt['rows'];
  narratives: { id: string; submissionId: string; section: string; resultNodeId: string | null; language: string; translated: boolean; untranslated: boolean; text: string }[];
  attachments: { id: string; fileName: string; size: number; submissionPeriod: string; organisationId: string }[];
  untranslatedCount: number;
  sections: { key: string; kind: ReportSectionKind; included: boolean }[];
  /** The budget figures printed (minor units of each budget's currency), when the section is. */
  budgets?: ReportBudget[];
}

export interface AssembledReport {
  document: ReportDocument;
  data: ReportData;
}

type Builder = (l: Loaded) => ReportBlock[] | null;

const BUILDERS: Record<Exclude<ReportSectionKind, 'cover'>, Builder> = {
  executive_summary: executiveSummary,
  narrative_by_result: narrativeByResult,
  iptt: ipttTable,
  disaggregation_tables: disaggregationTables,
  people_reached: peopleReached,
  // Project reports with a budget in force, for those who may see money (assembly.budget.ts).
  budget_vs_actual: budgetVsActual,
  risks_and_lessons: risksAndLessons,
  annexes,
  fixed_text: () => [],
};

async function load(input: AssemblyInput): Promise<Loaded> {
  // Names (results, indicators, places) come in the report's language.
  const ctx = { ...input.ctx, locale: input.language };
  const scopeInfo = await loadIpttScope(ctx, input.scope.type, input.scope.id, undefined);
  const granularity = reportGranularity(input.periodStart, input.periodEnd, scopeInfo.fyStartMonth);
  await input.onStep?.('figures');
  const iptt = await getIptt(ctx, {
    scope: input.scope.type, id: input.scope.id, granularity, from: input.periodStart, to: input.periodEnd,
    levels: [], locationIds: [], organisationIds: [], categoryIds: [], includePending: false,
  });
  const categoryIds = [...new Set(iptt.rows.flatMap((r) => (r.kind === 'disaggregation' ? [r.categoryId] : [])))];
  await input.onStep?.('narratives');
  const ownOrganisation = new Map(scopeInfo.scopes.map((s) => [s.projectId, s.organisationId]));
  const projectIds = scopeInfo.projects.map((p) => p.id);
  const period = { start: input.periodStart, end: input.periodEnd };
  const [categoryKinds, allPassages, attachments] = await Promise.all([
    repo.categoryKinds(ctx.db, categoryIds),
    loadPassages(ctx.db, { projectIds, ownOrganisation }, period, input.language),
    repo.approvedAttachments(ctx.db, projectIds, period.start, period.end),
  ]);
  // Only the passages the template prints count (and are kept with the report).
  const enabled = new Set(input.sections.filter((s) => s.enabled).map((s) => s.kind));
  const printed = (section: string) =>
    section === 'achievements' || section === 'next_steps' ? enabled.has('narrative_by_result') : enabled.has('risks_and_lessons');
  const passages = allPassages.filter((p) => printed(p.section));
  const budgets = enabled.has('budget_vs_actual') ? await loadReportBudgets(ctx, input) : null;
  return {
    budgets,
    input,
    T: REPORT_TEXTS[input.language],
    scopeInfo,
    granularity,
    iptt,
    passages,
    attachments: attachments.filter((a) => {
      const own = ownOrganisation.get(a.project_id);
      return own === null || own === undefined || own === a.organisation_id;
    }),
    consolidated: input.scope.type !== 'project',
    projects: new Map(scopeInfo.projects.map((p) => [p.id, { code: p.code, title: p.title }])),
    categoryKinds,
    fmt: formatsOf(input.language),
  };
}

function section(l: Loaded, s: ReportSection): ReportDocSection | null {
  if (!s.enabled || s.kind === 'cover') return null;
  const built = BUILDERS[s.kind](l);
  if (built === null) return null;
  // The report's language first, else the author's words (templates saved before translations have none).
  const text = s.texts?.[l.input.language]?.trim() || s.text.trim();
  const fixed: ReportBlock[] = text ? [{ type: 'paragraph', text, style: 'fixed' }] : [];
  const blocks = [...fixed, ...built];
  return blocks.length ? { key: s.key, title: s.titles?.[l.input.language]?.trim() || s.title, blocks } : null;
}

export async function assembleReport(input: AssemblyInput): Promise<AssembledReport> {
  const l = await load(input);
  const coverSection = input.sections.find((s) => s.kind === 'cover' && s.enabled);
  const sections = input.sections.map((s) => ({ s, built: section(l, s) }));
  const document: ReportDocument = {
    language: input.language,
    direction: RTL_LOCALES.has(input.language) ? 'rtl' : 'ltr',
    title: input.title,
    organisationName: (await repo.findOrganisation(input.ctx.db, input.organisationId))?.name ?? '',
    cover: coverSection ? await cover(l, coverSection) : null,
    sections: sections.flatMap((x) => (x.built ? [x.built] : [])),
    labels: l.T.labels,
  };
  const data: ReportData = {
    granularity: l.granularity,
    periods: l.iptt.periods,
    iptt: l.iptt.rows,
    narratives: l.passages.map((p) => ({
      id: p.id, submissionId: p.submissionId, section: p.section, resultNodeId: p.resultNodeId, language: p.language,
      translated: p.translated, untranslated: p.untranslated, text: p.text,
    })),
    attachments: l.attachments.map((a) => ({ id: a.id, fileName: a.file_name, size: Number(a.size_bytes), submissionPeriod: a.period_key, organisationId: a.organisation_id })),
    untranslatedCount: l.passages.filter((p) => p.untranslated).length,
    sections: sections.map((x) => ({ key: x.s.key, kind: x.s.kind, included: x.built !== null || (x.s.kind === 'cover' && x.s.enabled) })),
    ...(l.budgets?.length ? { budgets: l.budgets } : {}),
  };
  return { document, data };
}
