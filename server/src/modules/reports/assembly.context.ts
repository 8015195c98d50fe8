import type { Locale } from '@shared/locales.js';
import type { NarrativeSection } from '@shared/domain/submission-status.js';
import type { Iptt } from '@shared/schemas/monitoring.js';
import type { ReportSection } from '@shared/schemas/report-templates.js';
import type { ReportScope } from '@shared/schemas/reports.js';
import type { Granularity } from '@shared/schemas/monitoring.js';
import type { Ctx } from '../../lib/context.js';
import type { IpttScopeInfo } from '../analytics/iptt.scope.js';
import type { ReportBudget } from './assembly.budget.js';
import type { AttachmentRow } from './assembly.repository.js';
import type { ReportTexts } from './report.texts.js';

/** What a report is made from: a template version's sections applied to a scope, a period and a language. */
export interface AssemblyInput {
  /** Acts as the person who asked for the report: the figures are those they may see. */
  ctx: Ctx;
  scope: ReportScope;
  periodStart: string;
  periodEnd: string;
  language: Locale;
  sections: ReportSection[];
  templateName: string;
  title: string;
  /** The organisation the report is made for (its name and logo go on the cover). */
  organisationId: string;
  agreementId: string | null;
  generatedAt: string;
  /** Called as assembly moves on, for the job's progress. */
  onStep?: (step: 'figures' | 'narratives') => Promise<void>;
}

/** A narrative as the report prints it: in the report's language when an approved translation exists. */
export interface Passage {
  id: string;
  submissionId: string;
  section: NarrativeSection;
  projectId: string;
  resultNodeId: string | null;
  nodeCode: string | null;
  nodeTitle: string | null;
  organisation: string;
  periodKey: string;
  /** The language of what is printed. */
  language: Locale;
  text: string;
  /** An approved translation is printed instead of the original. */
  translated: boolean;
  /** The original is printed in another language than the report's (no approved translation). */
  untranslated: boolean;
}

/** Everything the section builders read, loaded once per report. */
export interface Loaded {
  input: AssemblyInput;
  T: ReportTexts;
  scopeInfo: IpttScopeInfo;
  granularity: Granularity;
  iptt: Iptt;
  passages: Passage[];
  attachments: AttachmentRow[];
  /** A programme or country report: narratives and annexes name their project. */
  consolidated: boolean;
  projects: Map<string, { code: string; title: string }>;
  /** Kinds (sex, age, disability…) of the categories in the IPTT. */
  categoryKinds: Map<string, string>;
  fmt: Formats;
  /** Budgets in force for the budget-vs-actual section (project reports read by money readers); null: the section is left out. */
  budgets?: ReportBudget[] | null;
}

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-u-nu-latn' };

export interface Formats {
  /** 30 September 2026, in the report's language. */
  date(iso: string): string;
  /** A period column's heading: a month in words (July 2026), any other period by its key (2026-Q3). */
  period(p: { key: string; start: string }, granularity: Granularity): string;
}

export function formatsOf(language: Locale): Formats {
  const date = new Intl.DateTimeFormat(INTL_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(INTL_LOCALE[language], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    date: (iso) => date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    period: (p, granularity) => (granularity === 'month' ? month.format(new Date(`${p.start}T00:00:00Z`)) : p.key),
  };
}
