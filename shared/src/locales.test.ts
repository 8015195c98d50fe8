import { describe, expect, it } from 'vitest';
import { isLocale, LOCALES, pickLocale, RTL_LOCALES } from './locales.js';

describe('pickLocale', () => {
  it.each([
    // header, expected, why
    ['fr', 'fr', 'a bare supported language'],
    ['fr-FR', 'fr', 'a region of a supported language'],
    ['es-419', 'es', 'a numeric region (Latin America)'],
    ['ar-EG,ar;q=0.9', 'ar', 'Arabic with a region'],
    ['FR-ca', 'fr', 'tags in any letter case'],
    ['zh-Hant-TW', 'en', 'script and region of an unsupported language'],
    ['de-DE,de;q=0.9,es;q=0.8,en;q=0.7', 'es', 'the first supported language by preference'],
    ['en;q=0.2, fr;q=0.9', 'fr', 'q-values, not order, decide'],
    ['ar;q=0.5, es', 'es', 'a missing q means 1'],
    ['  es-ES ;q=0.8 ,  fr ;q=0.9', 'fr', 'spaces around tags and parameters'],
    ['fr;q=0, en-GB;q=0.1', 'en', 'q=0 means not acceptable, even when nothing better is supported'],
    ['fr;q=0', 'en', 'only an unacceptable language falls back'],
    ['fr;q=abc, es;q=0.5', 'es', 'an unreadable q-value drops the tag'],
    ['*', 'en', 'a wildcard falls back'],
    ['', 'en', 'an empty header falls back'],
    ['de, it', 'en', 'only unsupported languages fall back'],
  ])('%s → %s (%s)', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });

  it('falls back to the given language when the header is missing or unusable', () => {
    expect(pickLocale(undefined, 'fr')).toBe('fr');
    expect(pickLocale('de-CH', 'ar')).toBe('ar');
  });

  it('keeps the order of a list such as navigator.languages', () => {
    expect(pickLocale(['de-AT', 'ar-MA', 'fr'])).toBe('ar');
    expect(pickLocale(['pt-BR'], 'es')).toBe('es');
  });

  it('keeps the header’s order between equal q-values', () => {
    expect(pickLocale('es;q=0.5, fr;q=0.5')).toBe('es');
    expect(pickLocale('fr;q=0.5, es;q=0.5')).toBe('fr');
  });
});

describe('isLocale', () => {
  it('accepts exactly the four interface languages', () => {
    expect(LOCALES.filter(isLocale)).toEqual(['en', 'fr', 'es', 'ar']);
    expect([null, undefined, 'EN', 'fr-FR', 'de', 1].some(isLocale)).toBe(false);
  });

  it('lays out Arabic, and only Arabic, right to left', () => {
    expect(LOCALES.filter((l) => RTL_LOCALES.has(l))).toEqual(['ar']);
  });
});
