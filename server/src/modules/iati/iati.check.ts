import type { IatiFix, IatiProblemReason } from '@shared/schemas/iati.js';
import { countryAlpha2 } from './iati.codes.js';
import type { ProjectBundle } from './iati.load.js';

/** A problem before translation (the service renders `reason` in the reader's language). */
export interface CheckProblem {
  severity: 'error' | 'warning';
  reason: IatiProblemReason;
  field: string;
  params: Record<string, string | number>;
  fix: IatiFix;
}

/** IATI identifiers must not contain these (IATI Standard, iati-identifier rules). */
const IDENTIFIER_FORBIDDEN = /[/&|?\s]/;

/**
 * What IATI requires of an activity and the project lacks (errors: the file would be invalid or
 * break IATI's rules), and what is worth fixing but exports anyway (warnings).
 */
export function checkBundle(b: ProjectBundle): CheckProblem[] {
  const p = b.project;
  const problems: CheckProblem[] = [];
  const onProject = (reason: IatiProblemReason, field: string, params: Record<string, string | number> = {}) =>
    problems.push({ severity: 'error', reason, field, params, fix: { kind: 'project', id: p.id } });

  // The lead organisation reports the activity: its identifier starts the activity's.
  if (!b.lead) onProject('iati_reporting_org_identifier', 'project.leadOrganisation', { organisation: '—' });
  else if (!b.lead.iati_identifier) {
    problems.push({
      severity: 'error', reason: 'iati_reporting_org_identifier', field: `organisations.${b.lead.id}.iatiIdentifier`,
      params: { organisation: b.lead.name }, fix: { kind: 'organisation', id: b.lead.id },
    });
  }
  if (IDENTIFIER_FORBIDDEN.test(p.code)) onProject('iati_identifier_characters', 'project.code', { code: p.code });
  if (!p.description.trim()) onProject('iati_no_description', 'project.description');
  if (b.countries.length === 0) onProject('iati_no_country', 'project.countries');
  b.countries.forEach((code, i) => {
    if (!countryAlpha2(code)) onProject('iati_unknown_country', `project.countries.${i}`, { code });
  });
  if (b.sectors.length === 0) onProject('iati_no_sector', 'project.sectors');

  const indicators = b.results.flatMap((r) => r.indicators);
  for (const i of indicators) {
    // IATI's baseline needs a year; a value without its date cannot say which.
    if (i.baseline_value !== null && !i.baseline_date) {
      problems.push({
        severity: 'error', reason: 'iati_baseline_year', field: `indicators.${i.id}.baselineDate`,
        params: { indicator: `${i.code} ${i.name}` }, fix: { kind: 'indicator', id: i.id },
      });
    }
  }

  const named = new Set([b.lead?.id]);
  for (const o of [...b.implementing, ...(b.donor ? [b.donor] : [])]) {
    if (o.iati_identifier || named.has(o.id)) continue;
    named.add(o.id);
    problems.push({
      severity: 'warning', reason: 'iati_participant_identifier', field: `organisations.${o.id}.iatiIdentifier`,
      params: { organisation: o.name }, fix: { kind: 'organisation', id: o.id },
    });
  }
  if (indicators.length === 0) problems.push({ severity: 'warning', reason: 'iati_no_results', field: 'project.results', params: {}, fix: { kind: 'framework', id: p.id } });
  return problems;
}
