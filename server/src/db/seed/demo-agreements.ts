import { AgreementBody, CreateOrganisationBody, type AgreementInput } from '@shared/schemas/index.js';
import type { z } from 'zod';
import type { Ctx } from '../../lib/context.js';
import { templatesOf } from '../../modules/agreements/agreements.repository.js';
import { createAgreement } from '../../modules/agreements/agreements.service.js';
import { createOrganisation } from '../../modules/organisations/organisations.service.js';
import { findProject } from '../../modules/projects/projects.repository.js';
import { updateProject } from '../../modules/projects/projects.service.js';

/**
 * Funding agreements of the demo projects and the donors they need. Each models the current phase
 * of a grant, so the report calendar opens with a few overdue and due-soon reports rather than
 * years of reports filed before the organisation used Fieldbook.
 */
const NEW_DONORS: { key: string; data: z.input<typeof CreateOrganisationBody> }[] = [
  {
    key: 'USAID',
    data: { name: 'United States Agency for International Development', acronym: 'USAID', type: '10', countryCode: 'USA', iatiIdentifier: 'US-GOV-1', fiscalYearStartMonth: 10 },
  },
  {
    key: 'EU',
    data: { name: 'European Commission — Directorate-General for Neighbourhood and Enlargement', acronym: 'DG NEAR', type: '15', iatiIdentifier: 'XI-IATI-EC_NEAR' },
  },
];

/** Projects that had no donor and are funded by one of the new donors. */
const FUNDED_BY: Record<string, string> = { 'LASI-GH-04': 'USAID', 'MIGR-TN-01': 'EU' };

/** Which of the organisation's report templates (seeded just before, when there are any) an agreement prints with. */
type TemplateHint = 'usaid' | 'eu' | 'monthly' | null;

const AGREEMENTS: { project: string; donor: string; template: TemplateHint; data: Omit<AgreementInput, 'donorOrganisationId' | 'templateId'> }[] = [
  {
    project: 'LASI-GH-04', donor: 'USAID', template: 'usaid',
    data: {
      agreementNumber: '72068823CA00012', title: 'Focal Cities Ghana: Informal Workers at the Table — cooperative agreement',
      startDate: '2026-07-01', endDate: '2028-06-30', reportFrequency: 'quarter', reportDueDays: 30, reportLanguage: 'en',
    },
  },
  {
    project: 'MIGR-TN-01', donor: 'EU', template: 'eu',
    data: {
      agreementNumber: 'NDICI-GEO-NEAR/2025/463-118', title: 'Médenine: réintégration des migrants de retour — contrat de subvention',
      startDate: '2025-10-01', endDate: '2027-09-30', reportFrequency: 'semester', reportDueDays: 60, reportLanguage: 'fr',
    },
  },
  {
    project: 'CLM-KOL-01', donor: 'NFCC', template: 'monthly',
    data: {
      agreementNumber: 'NFCC-2026-041', title: 'Kolwezi catch-up schooling top-up: monthly updates',
      startDate: '2026-09-01', endDate: '2026-12-31', reportFrequency: 'month', reportDueDays: 30, reportLanguage: 'en',
    },
  },
  {
    project: 'CLM-SK-02', donor: 'NFCC', template: 'eu',
    data: {
      agreementNumber: 'NFCC-2025-031', title: 'Schools not Shafts, phase 2: annual narrative and financial report',
      startDate: '2025-04-01', endDate: '2027-06-30', reportFrequency: 'year', reportDueDays: 90, reportLanguage: 'en',
    },
  },
  {
    project: 'PROT-ML-01', donor: 'NFCC', template: null,
    data: {
      agreementNumber: 'NFCC-2026-007', title: 'Services de protection au centre et au nord du Mali — avenant 2026',
      startDate: '2026-07-15', endDate: '2026-12-31', reportFrequency: 'quarter', reportDueDays: 45, reportLanguage: 'fr',
    },
  },
];

const HINTS: Record<NonNullable<TemplateHint>, RegExp> = { usaid: /usaid|quarterly/i, eu: /\beu\b|interim|narrative/i, monthly: /monthly/i };

export interface AgreementSeedRefs {
  project: (code: string) => string;
  organisation: (key: string) => string;
}

export async function seedAgreements(ctx: Ctx, refs: AgreementSeedRefs): Promise<void> {
  const donors = new Map<string, string>();
  for (const d of NEW_DONORS) donors.set(d.key, (await createOrganisation(ctx, CreateOrganisationBody.parse(d.data))).id);
  const donor = (key: string) => donors.get(key) ?? refs.organisation(key);
  for (const [code, key] of Object.entries(FUNDED_BY)) await updateProject(ctx, refs.project(code), { donorOrganisationId: donor(key) });

  for (const a of AGREEMENTS) {
    const projectId = refs.project(a.project);
    const project = (await findProject(ctx.db, projectId))!;
    const templates = await templatesOf(ctx.db, project.organisation_id);
    const hint = a.template;
    const template = hint ? templates.find((t) => HINTS[hint].test(t.name)) : undefined;
    await createAgreement(ctx, projectId, AgreementBody.parse({ ...a.data, donorOrganisationId: donor(a.donor), templateId: template?.id ?? null }));
  }
}
