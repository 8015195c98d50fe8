import { describe, expect, it, vi } from 'vitest';
import type { Agreement } from '@shared/schemas/index.js';

// The form checks word problems in the interface language; the test reads them in English.
vi.mock('../../i18n/index.js', () => ({ currentLocale: () => 'en' }));
const { checkForm, initialForm, toBody } = await import('./form.js');

const project = { startDate: '2025-07-01', endDate: '2028-06-30' };
const donor = '0b6c0b1e-6f0a-4d7e-9a55-1b2f7f3c9d11';

describe('agreement form', () => {
  it('starts a new agreement over the project dates with the only donor chosen', () => {
    expect(initialForm(null, project, [donor], 'fr')).toMatchObject({ donorOrganisationId: donor, startDate: '2025-07-01', endDate: '2028-06-30', reportFrequency: 'quarter', reportDueDays: 30, reportLanguage: 'fr' });
    expect(initialForm(null, project, [donor, 'another'], 'en').donorOrganisationId).toBeNull();
  });

  it('fills the form from an agreement and sends it back unchanged', () => {
    const a = { donor: { id: donor }, agreementNumber: '72068823CA00012', title: 'T', startDate: '2026-07-01', endDate: '2028-06-30', reportFrequency: 'quarter', reportDueDays: 30, templateId: null, reportLanguage: 'en' } as unknown as Agreement;
    expect(toBody(initialForm(a, project, [], 'fr'))).toEqual({ donorOrganisationId: donor, agreementNumber: '72068823CA00012', title: 'T', startDate: '2026-07-01', endDate: '2028-06-30', reportFrequency: 'quarter', reportDueDays: 30, templateId: null, reportLanguage: 'en' });
  });

  it('names the empty donor, number and due days as required, and an end before the start', () => {
    const form = { ...initialForm(null, project, [], 'en'), reportDueDays: '' };
    expect(checkForm(form, 'en')).toEqual([
      { field: 'donorOrganisationId', message: 'This field is required.' },
      { field: 'agreementNumber', message: 'This field is required.' },
      { field: 'reportDueDays', message: 'This field is required.' },
    ]);
    const reversed = { ...initialForm(null, project, [donor], 'en'), agreementNumber: 'X', startDate: '2026-01-01', endDate: '2025-12-31' };
    expect(checkForm(reversed, 'en')).toEqual([{ field: 'endDate', message: 'The end date is before the start date.' }]);
    expect(checkForm({ ...reversed, reportDueDays: 200, endDate: '2026-12-31' }, 'en')).toEqual([{ field: 'reportDueDays', message: 'Must be at most 180.' }]);
  });
});
