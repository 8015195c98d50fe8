import type { FrameworkTemplate } from '@shared/domain/framework-templates.js';
import { LOCALES } from '@shared/locales.js';
import alpha3To2 from './data/country-alpha3-to-alpha2.json' with { type: 'json' };

/**
 * How Fieldbook's values become IATI codes. Every code written here is checked against the IATI
 * codelists in iati.codelists.test.ts, so a mapping cannot drift from the standard.
 */

const countries: Record<string, string | undefined> = alpha3To2;

/** ISO 3166-1 alpha-3 (how projects and the place tree store countries) → the IATI Country code (alpha-2). */
export const countryAlpha2 = (alpha3: string): string | null => countries[alpha3] ?? null;

/**
 * IATI ResultType (1 output, 2 outcome, 3 impact, 9 other) of each framework level, by template.
 * Level 0 is the top. Activities are not results in IATI's sense; USAID's two intermediate-result
 * levels are both outcomes.
 */
const RESULT_TYPES: Record<FrameworkTemplate, readonly string[]> = {
  fcdo: ['3', '2', '1', '9'],
  eu: ['3', '2', '1', '9'],
  usaid: ['3', '2', '2', '1'],
  custom: ['3', '2', '1', '9'],
};
export const resultType = (template: string, level: number): string => RESULT_TYPES[template as FrameworkTemplate]?.[level] ?? '9';

/** IATI IndicatorMeasure: 1 unit, 2 percentage, 3 nominal (a yes/no answer), 5 qualitative. */
export function indicatorMeasure(type: string): string {
  switch (type) {
    case 'percentage':
      return '2';
    case 'yes_no':
      return '3';
    case 'qualitative':
      return '5';
    default:
      return '1';
  }
}

/** IATI ActivityDateType codes: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
export interface ActivityDate {
  type: '1' | '2' | '3' | '4';
  isoDate: string;
}

/**
 * Planned dates always; the start counts as actual once the status says work began (implementation,
 * finalisation, closed, suspended) and the date has passed, the end once the project is closed.
 * IATI does not accept actual dates in the future.
 */
export function activityDates(status: string, start: string, end: string, today: string): ActivityDate[] {
  const dates: ActivityDate[] = [{ type: '1', isoDate: start }];
  if (['2', '3', '4', '6'].includes(status) && start <= today) dates.push({ type: '2', isoDate: start });
  dates.push({ type: '3', isoDate: end });
  if (status === '4' && end <= today) dates.push({ type: '4', isoDate: end });
  return dates;
}

/**
 * 100 split evenly over `n` items, in hundredths so the parts add up to exactly 100: the first
 * items take the remainder (3 → 33.34, 33.33, 33.33).
 */
export function evenPercentages(n: number): string[] {
  if (n <= 0) return [];
  const each = Math.floor(10_000 / n);
  const remainder = 10_000 - each * n;
  return Array.from({ length: n }, (_, i) => formatHundredths(each + (i < remainder ? 1 : 0)));
}

const formatHundredths = (h: number) => (h % 100 === 0 ? String(h / 100) : (h / 100).toFixed(2).replace(/0$/, ''));

/** A figure as IATI's value attribute: plain decimal notation, floating-point noise rounded off. */
export function formatValue(value: number): string {
  const rounded = Number(value.toFixed(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** IATI location feature designation (LocationType codelist) for an admin level; none for a site. */
export const FEATURE_DESIGNATIONS: Record<string, string | undefined> = { country: 'PCLI', admin1: 'ADM1', admin2: 'ADM2', admin3: 'ADM3' };

/** A narrative: its text and language (null = the activity's default language, written without xml:lang). */
export interface Narrative {
  text: string;
  lang: string | null;
}

/**
 * One narrative per language: the base text in the default language, then each translation in
 * another interface language. A translation in the default language itself is left out, since the
 * base text is the one the project wrote.
 */
export function narratives(base: string, translationsJson: string, defaultLanguage: string): Narrative[] {
  const out: Narrative[] = [];
  const text = xmlText(base).trim();
  if (text) out.push({ text, lang: null });
  let translations: Record<string, unknown> = {};
  try {
    translations = JSON.parse(translationsJson || '{}') as Record<string, unknown>;
  } catch {
    // A damaged translations column leaves the base text alone rather than failing the export.
  }
  for (const lang of LOCALES) {
    const value = translations[lang];
    if (lang === defaultLanguage || typeof value !== 'string') continue;
    const translated = xmlText(value).trim();
    if (translated) out.push({ text: translated, lang });
  }
  return out;
}

/**
 * Text XML 1.0 can carry: control characters (other than tab, line feed and carriage return),
 * lone surrogates and the two non-characters are dropped. xmlbuilder2 escapes < & " but passes
 * these through, which would make the file unreadable.
 */
export const xmlText = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
