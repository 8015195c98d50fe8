import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReportSection, ReportTemplateInputSchema } from '@shared/schemas/report-templates.js';
import type { Ctx } from '../../lib/context.js';
import { putLogo } from '../../modules/organisations/logo.service.js';
import { createTemplate } from '../../modules/report-templates/report-templates.service.js';

/**
 * The demo workspace's donor report templates, modelled on common formats: a USAID-style quarterly
 * performance report, an EU-style interim narrative report and a short monthly update, with the
 * fixed wording those donors ask for. Made through the templates service (validated, audited,
 * version 1), with the lead organisation's logo for the covers.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

const section = (key: string, kind: ReportSection['kind'], title: string, text = '', enabled = true): ReportSection => ({ key, kind, title, enabled, text });

export const DEMO_REPORT_TEMPLATES: { name: string; description: string; sections: ReportSection[] }[] = [
  {
    name: 'USAID quarterly performance report',
    description: 'Quarterly performance report for USAID-funded activities: IPTT against annual targets, progress by result, disaggregated results and beneficiaries reached.',
    sections: [
      section(
        'cover',
        'cover',
        'Cover page',
        'This report is made possible by the generous support of the American people through the United States Agency for International Development (USAID). ' +
          'The contents are the responsibility of Sahel Action International and do not necessarily reflect the views of USAID or the United States Government.',
      ),
      section(
        'executive-summary',
        'executive_summary',
        'Executive summary',
        "In no more than one page: the quarter's main achievements against the activity's results, significant challenges and how they were addressed, and any change in the operating context.",
      ),
      section(
        'iptt',
        'iptt',
        'Indicator performance tracking table (IPTT)',
        'Results for the quarter and for the fiscal year to date against annual and life-of-activity targets. A deviation of more than 10 % from the target is explained under the result concerned.',
      ),
      section(
        'progress-by-result',
        'narrative_by_result',
        'Progress by result',
        'For each result: key achievements this quarter, challenges and the actions taken to address them, and the activities planned for the next quarter.',
      ),
      section(
        'disaggregation',
        'disaggregation_tables',
        'Disaggregated results',
        'Results disaggregated by sex, age and location, as defined in the Performance Indicator Reference Sheets (PIRS).',
      ),
      section(
        'people-reached',
        'people_reached',
        'Beneficiaries reached',
        'Individuals reached this quarter, by sex, age group and disability status. A person reached by more than one activity is counted once.',
      ),
      section(
        'budget',
        'budget_vs_actual',
        'Financial summary: budget and expenditure',
        'Expenditure for the quarter and cumulative expenditure against the approved budget, by major line item. Variances above 10 % are explained.',
      ),
      section(
        'risks-lessons',
        'risks_and_lessons',
        'Risks, lessons learned and adaptive management',
        'Collaborating, learning and adapting (CLA): risks that affected implementation and their mitigation, what was learned this quarter and how the activity adapted.',
      ),
      section('annexes', 'annexes', 'Annexes', 'Annex A lists the supporting documents submitted with the reports of the quarter: attendance lists, training reports and photographs taken with consent.'),
    ],
  },
  {
    name: 'EU interim narrative report',
    description: 'Interim narrative report for an EU grant contract, following the headings of the EU interim narrative report form.',
    sections: [
      section(
        'cover',
        'cover',
        'Interim narrative report',
        'This document has been produced with the financial assistance of the European Union. The contents of this document are the sole responsibility of Sahel Action International ' +
          'and can under no circumstances be regarded as reflecting the position of the European Union.',
      ),
      section(
        'summary',
        'executive_summary',
        '1. Executive summary of the Action',
        "Please give a global overview of the Action's implementation for the reporting period (no more than one page).",
      ),
      section(
        'results-activities',
        'narrative_by_result',
        '2. Results and activities',
        'What is your assessment of the results of the Action so far? Include observations on the performance and the achievement of outputs and outcomes in relation to the specific and overall objectives, ' +
          'and on whether the Action has had any unforeseen positive or negative results.\n' +
          'For each result, describe the activities carried out during the reporting period in line with the description of the Action (Annex I of the grant contract), and explain any delay or change.',
      ),
      section('logframe', 'iptt', '3. Logframe indicators', 'The indicators of the updated logframe matrix, with their baselines, targets and current values at the end of the reporting period.'),
      section(
        'target-groups',
        'people_reached',
        '4. Final beneficiaries and target groups',
        'Final beneficiaries and target groups reached during the reporting period, including the numbers of women and men.',
      ),
      section(
        'risks',
        'risks_and_lessons',
        '5. Risks and lessons learnt',
        'Please list the risks that may have jeopardised the realisation of some activities and explain how they have been tackled. What lessons have been learnt, and how are they taken into account?',
      ),
      section(
        'visibility',
        'fixed_text',
        '6. Visibility',
        'Communication and visibility actions during the reporting period followed the EU guidance on communicating and raising EU visibility for external actions: ' +
          'the EU emblem and the funding statement appear on publications, training materials and signboards at project sites.',
      ),
      section('annexes', 'annexes', 'Annexes', 'The supporting documents listed below are available on request.'),
    ],
  },
  {
    name: 'Monthly donor update',
    description: 'A short monthly update for donors: what happened, key figures and the indicators at a glance.',
    sections: [
      section('cover', 'cover', 'Monthly update'),
      section('in-brief', 'executive_summary', 'This month in brief', 'What happened this month, what changed, and anything that needs the donor’s attention.'),
      section('key-figures', 'people_reached', 'Key figures: people reached'),
      section('indicators', 'iptt', 'Indicators at a glance'),
    ],
  },
];

/** The templates and logo of the lead organisation; returns template ids by name (for agreements that name a template). */
export async function seedReportTemplates(ctx: Ctx, organisationId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const t of DEMO_REPORT_TEMPLATES) {
    const created = await createTemplate(ctx, ReportTemplateInputSchema.parse({ organisationId, ...t }));
    ids.set(t.name, created.id);
  }
  await putLogo(ctx, organisationId, fs.readFileSync(path.join(here, 'assets', 'sai-logo.png')));
  return ids;
}
