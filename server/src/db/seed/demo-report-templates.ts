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

/** The French title (and fixed text) used when a report is made in French (the EU's French forms word the EU ones). */
const inFrench = (s: ReportSection, title: string, text?: string): ReportSection => ({ ...s, titles: { fr: title }, ...(text ? { texts: { fr: text } } : {}) });

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
      inFrench(
        section(
          'cover',
          'cover',
          'Interim narrative report',
          'This document has been produced with the financial assistance of the European Union. The contents of this document are the sole responsibility of Sahel Action International ' +
            'and can under no circumstances be regarded as reflecting the position of the European Union.',
        ),
        'Rapport narratif intermédiaire',
        'Le présent document a été réalisé avec l’aide financière de l’Union européenne. Le contenu de ce document relève de la seule responsabilité de Sahel Action International ' +
          'et ne peut en aucun cas être considéré comme reflétant la position de l’Union européenne.',
      ),
      inFrench(
        section(
          'summary',
          'executive_summary',
          '1. Executive summary of the Action',
          "Please give a global overview of the Action's implementation for the reporting period (no more than one page).",
        ),
        '1. Résumé de l’Action',
        'Veuillez donner une vue d’ensemble de la mise en œuvre de l’Action pour la période de rapport (une page au maximum).',
      ),
      inFrench(
        section(
          'results-activities',
          'narrative_by_result',
          '2. Results and activities',
          'What is your assessment of the results of the Action so far? Include observations on the performance and the achievement of outputs and outcomes in relation to the specific and overall objectives, ' +
            'and on whether the Action has had any unforeseen positive or negative results.\n' +
            'For each result, describe the activities carried out during the reporting period in line with the description of the Action (Annex I of the grant contract), and explain any delay or change.',
        ),
        '2. Résultats et activités',
        'Quelle est votre évaluation des résultats de l’Action à ce jour ? Incluez des observations sur la performance et l’atteinte des réalisations et des effets au regard des objectifs spécifiques et global, ' +
          'et indiquez si l’Action a eu des résultats positifs ou négatifs imprévus.\n' +
          'Pour chaque résultat, décrivez les activités menées pendant la période de rapport conformément à la description de l’Action (annexe I du contrat de subvention), et expliquez tout retard ou changement.',
      ),
      inFrench(
        section('logframe', 'iptt', '3. Logframe indicators', 'The indicators of the updated logframe matrix, with their baselines, targets and current values at the end of the reporting period.'),
        '3. Indicateurs du cadre logique',
        'Les indicateurs du cadre logique actualisé, avec leurs valeurs de référence, leurs cibles et leurs valeurs actuelles à la fin de la période de rapport.',
      ),
      inFrench(
        section(
          'target-groups',
          'people_reached',
          '4. Final beneficiaries and target groups',
          'Final beneficiaries and target groups reached during the reporting period, including the numbers of women and men.',
        ),
        '4. Bénéficiaires finaux et groupes cibles',
        'Bénéficiaires finaux et groupes cibles atteints pendant la période de rapport, y compris le nombre de femmes et d’hommes.',
      ),
      inFrench(
        section(
          'risks',
          'risks_and_lessons',
          '5. Risks and lessons learnt',
          'Please list the risks that may have jeopardised the realisation of some activities and explain how they have been tackled. What lessons have been learnt, and how are they taken into account?',
        ),
        '5. Risques et enseignements tirés',
        'Veuillez énumérer les risques qui ont pu compromettre la réalisation de certaines activités et expliquer comment ils ont été traités. Quels enseignements ont été tirés, et comment sont-ils pris en compte ?',
      ),
      inFrench(
        section(
          'visibility',
          'fixed_text',
          '6. Visibility',
          'Communication and visibility actions during the reporting period followed the EU guidance on communicating and raising EU visibility for external actions: ' +
            'the EU emblem and the funding statement appear on publications, training materials and signboards at project sites.',
        ),
        '6. Visibilité',
        'Les actions de communication et de visibilité menées pendant la période de rapport ont suivi les orientations de l’UE en matière de communication et de visibilité des actions extérieures : ' +
          'l’emblème de l’UE et la mention du financement figurent sur les publications, les supports de formation et les panneaux des sites du projet.',
      ),
      inFrench(section('annexes', 'annexes', 'Annexes', 'The supporting documents listed below are available on request.'), 'Annexes', 'Les pièces justificatives énumérées ci-dessous sont disponibles sur demande.'),
    ],
  },
  {
    name: 'Monthly donor update',
    description: 'A short monthly update for donors: what happened, key figures and the indicators at a glance.',
    sections: [
      inFrench(section('cover', 'cover', 'Monthly update'), 'Point mensuel'),
      inFrench(
        section('in-brief', 'executive_summary', 'This month in brief', 'What happened this month, what changed, and anything that needs the donor’s attention.'),
        'Ce mois-ci en bref',
        'Ce qui s’est passé ce mois-ci, ce qui a changé et tout ce qui demande l’attention du bailleur.',
      ),
      inFrench(section('key-figures', 'people_reached', 'Key figures: people reached'), 'Chiffres clés : personnes atteintes'),
      inFrench(section('indicators', 'iptt', 'Indicators at a glance'), 'Les indicateurs en un coup d’œil'),
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
