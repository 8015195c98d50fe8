import type { Agreement } from '@shared/schemas/index.js';

/**
 * What the generate dialog reads of a project's funding agreements (GET /api/projects/:id/agreements):
 * the number and donor for the cover, the agreement's report language and template as defaults.
 */
export type AgreementOption = Pick<Agreement, 'id' | 'agreementNumber' | 'title' | 'donor' | 'reportLanguage' | 'templateId'>;

/** "NFCC-2026-007 · NFCC": short enough to stay whole in the field; the option list adds the agreement's title. */
export const agreementLabel = (a: AgreementOption) => `${a.agreementNumber} · ${a.donor.acronym ?? a.donor.name}`;
