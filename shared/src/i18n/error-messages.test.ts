import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors.js';
import { LOCALES } from '../locales.js';
import { errorCatalogues, errorMessage, errorMessageKeys } from './error-messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error message catalogues', () => {
  it('have exactly the same keys in every language', () => {
    for (const locale of LOCALES) expect(Object.keys(errorCatalogues[locale]).sort()).toEqual([...errorMessageKeys].sort());
  });

  it('have a message for every error code', () => {
    expect(ERROR_CODES.filter((code) => !errorMessageKeys.includes(code))).toEqual([]);
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    it.each(errorMessageKeys)('%s uses the same placeholders as English', (key) => {
      expect(placeholders(errorCatalogues[locale][key]!)).toEqual(placeholders(errorCatalogues.en[key]!));
    });

    it('is translated, not copied from English, for every error code', () => {
      expect(ERROR_CODES.filter((code) => errorCatalogues[locale][code] === errorCatalogues.en[code])).toEqual([]);
    });
  });

  it('have no empty or untrimmed messages', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(errorCatalogues[locale])) expect(text, `${locale}.${key}`).toBe(text.trim());
      expect(Object.values(errorCatalogues[locale]).filter((text) => text.length === 0)).toEqual([]);
    }
  });
});

describe('errorMessage', () => {
  it('writes calendar dates the way each language does, and quotes anything that is not a real day as given', () => {
    const range = { start: '2026-01-01', end: '2026-12-31' };
    expect(errorMessage('date_outside_plan', 'en', range)).toBe('The date must fall within the work plan (1 Jan 2026 to 31 Dec 2026).');
    expect(errorMessage('date_outside_plan', 'fr', range)).toBe('La date doit se situer dans le plan de travail (du 1 janv. 2026 au 31 déc. 2026).');
    expect(errorMessage('date_outside_plan', 'es', range)).toContain('1 ene 2026');
    // Latin digits in Arabic, as in the rest of the interface.
    expect(errorMessage('date_outside_plan', 'ar', range)).toMatch(/01\u200f?\/01\u200f?\/2026/);
    expect(errorMessage('date_out_of_range', 'en', { min: '2026-02-30', max: 'tomorrow' })).toBe('The date must be between 2026-02-30 and tomorrow.');
    expect(errorMessage('too_long', 'en', { maximum: 2026 })).toBe('Must be at most 2026 characters.');
    // What the user typed stays as typed, even when it looks like a date: they look for it in their file.
    expect(errorMessage('not_a_number', 'en', { value: '2026-03-15' })).toContain('"2026-03-15"');
  });

  it('fills placeholders from the params', () => {
    expect(errorMessage('too_long', 'en', { maximum: 200 })).toBe('Must be at most 200 characters.');
    expect(errorMessage('too_many_requests', 'fr', { minutes: 15 })).toBe('Trop de tentatives. Attendez 15 minutes et réessayez.');
    expect(errorMessage('duplicate_in_file', 'es', { otherRow: 7 })).toBe('Este P-code aparece más de una vez en el archivo (también en la fila 7).');
  });

  it('leaves a placeholder visible when its param is missing, rather than printing undefined', () => {
    expect(errorMessage('unknown_code', 'en')).toBe('Unknown code "{code}".');
  });

  it('answers with the key itself for an unknown key', () => {
    expect(errorMessage('no_such_reason', 'ar')).toBe('no_such_reason');
  });

  it('gives Arabic text for Arabic readers', () => {
    expect(errorMessage('forbidden', 'ar')).toBe('ليست لديك صلاحية القيام بذلك.');
  });
});
