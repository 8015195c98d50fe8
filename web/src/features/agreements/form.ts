import type { Locale } from '@shared/locales.js';
import { type Agreement, AgreementBody, type AgreementInput, type ReportFrequency } from '@shared/schemas/index.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { type FieldProblem, zodProblems } from '../projects/form-errors.js';

/** The agreement dialog's values, as the inputs hold them (the due days may be half-typed). */
export interface AgreementForm {
  donorOrganisationId: string | null;
  agreementNumber: string;
  title: string;
  startDate: string;
  endDate: string;
  reportFrequency: ReportFrequency;
  reportDueDays: number | string;
  templateId: string | null;
  reportLanguage: Locale;
}

export const FORM_FIELDS = ['donorOrganisationId', 'agreementNumber', 'title', 'startDate', 'endDate', 'reportFrequency', 'reportDueDays', 'templateId', 'reportLanguage'] as const;

/** An agreement as it is, or a new one over the project's dates, quarterly, due 30 days after, with the only donor chosen. */
export function initialForm(agreement: Agreement | null, project: { startDate: string; endDate: string }, donorIds: string[], locale: Locale): AgreementForm {
  if (agreement) {
    return {
      donorOrganisationId: agreement.donor.id,
      agreementNumber: agreement.agreementNumber,
      title: agreement.title,
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      reportFrequency: agreement.reportFrequency,
      reportDueDays: agreement.reportDueDays,
      templateId: agreement.templateId,
      reportLanguage: agreement.reportLanguage,
    };
  }
  return {
    donorOrganisationId: donorIds.length === 1 ? donorIds[0]! : null,
    agreementNumber: '',
    title: '',
    startDate: project.startDate,
    endDate: project.endDate,
    reportFrequency: 'quarter',
    reportDueDays: 30,
    templateId: null,
    reportLanguage: locale,
  };
}

export const toBody = (f: AgreementForm): AgreementInput => ({
  donorOrganisationId: f.donorOrganisationId ?? '',
  agreementNumber: f.agreementNumber,
  title: f.title,
  startDate: f.startDate,
  endDate: f.endDate,
  reportFrequency: f.reportFrequency,
  reportDueDays: typeof f.reportDueDays === 'number' ? f.reportDueDays : Number.NaN,
  templateId: f.templateId,
  reportLanguage: f.reportLanguage,
});

/** The browser's own check, worded like the server's: the shared schema, then the end date after the start. */
export function checkForm(f: AgreementForm, locale: Locale): FieldProblem[] {
  const parsed = AgreementBody.safeParse(toBody(f));
  // An empty choice or number is "required", not "not a valid uuid" or "expected number".
  const empty = new Set([...(f.donorOrganisationId ? [] : ['donorOrganisationId']), ...(typeof f.reportDueDays === 'number' ? [] : ['reportDueDays'])]);
  const problems = (parsed.success ? [] : zodProblems(parsed.error)).map((p) => (empty.has(p.field) ? { ...p, message: errorMessage('required', locale) } : p));
  if (parsed.success && parsed.data.endDate < parsed.data.startDate) problems.push({ field: 'endDate', message: errorMessage('end_before_start', locale) });
  return problems;
}
