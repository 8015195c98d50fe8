import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_TEMPLATES, LEVEL_COUNT } from '@shared/domain/framework-templates.js';
import { INDICATOR_TYPES } from '@shared/schemas/results.js';
import { PROJECT_STATUSES } from '@shared/schemas/projects.js';
import { ORGANISATION_TYPES } from '@shared/schemas/organisations.js';
import alpha3To2 from './data/country-alpha3-to-alpha2.json' with { type: 'json' };
import { activityDates, countryAlpha2, evenPercentages, FEATURE_DESIGNATIONS, formatValue, indicatorMeasure, narratives, resultType } from './iati.codes.js';
import { IATI_DIR } from './iati.test-validator.js';

/** The codes of one official IATI codelist (withdrawn ones left out). */
function codelist(file: string): Set<string> {
  const xml = fs.readFileSync(path.join(IATI_DIR, 'codelists', file), 'utf8');
  const items = xml.split(/<codelist-item(?=[\s>])/).slice(1).filter((item) => !item.startsWith(' status="withdrawn"'));
  return new Set(items.map((item) => /<code>([^<]+)<\/code>/.exec(item)![1]!.trim()));
}

const sum = (parts: string[]) => parts.reduce((s, p) => s + Math.round(Number(p) * 100), 0);

describe('IATI code mappings', () => {
  it('splits 100 into even shares that add up to exactly 100', () => {
    expect(evenPercentages(1)).toEqual(['100']);
    expect(evenPercentages(2)).toEqual(['50', '50']);
    expect(evenPercentages(3)).toEqual(['33.34', '33.33', '33.33']);
    expect(evenPercentages(7)).toEqual(['14.29', '14.29', '14.29', '14.29', '14.28', '14.28', '14.28']);
    for (let n = 1; n <= 60; n++) expect(sum(evenPercentages(n))).toBe(10_000);
    expect(evenPercentages(0)).toEqual([]);
  });

  it('converts every ISO alpha-3 country to an alpha-2 code of the IATI Country codelist', () => {
    const countries = codelist('non-embedded/Country.xml');
    const table = Object.entries(alpha3To2 as Record<string, string>);
    expect(table.length).toBeGreaterThan(240);
    expect(table.filter(([, a2]) => !countries.has(a2))).toEqual([]);
    // Every current IATI country can be reached from its alpha-3 code.
    expect([...countries].filter((a2) => !table.some(([, v]) => v === a2))).toEqual([]);
    expect([countryAlpha2('MLI'), countryAlpha2('COD'), countryAlpha2('TUN'), countryAlpha2('GHA'), countryAlpha2('XXX')]).toEqual(['ML', 'CD', 'TN', 'GH', null]);
  });

  it('maps statuses, organisation types, levels, measures and dates to codes in the IATI codelists', () => {
    const statuses = codelist('embedded-2.03/ActivityStatus.xml');
    expect(PROJECT_STATUSES.filter((s) => !statuses.has(s))).toEqual([]);
    const types = codelist('non-embedded/OrganisationType.xml');
    expect(ORGANISATION_TYPES.filter((t) => !types.has(t))).toEqual([]);
    const resultTypes = codelist('non-embedded/ResultType.xml');
    for (const template of FRAMEWORK_TEMPLATES) for (let level = 0; level < LEVEL_COUNT; level++) expect(resultTypes.has(resultType(template, level))).toBe(true);
    expect([resultType('fcdo', 0), resultType('fcdo', 1), resultType('fcdo', 2), resultType('fcdo', 3), resultType('usaid', 2)]).toEqual(['3', '2', '1', '9', '2']);
    const measures = codelist('non-embedded/IndicatorMeasure.xml');
    expect(INDICATOR_TYPES.map(indicatorMeasure).filter((m) => !measures.has(m))).toEqual([]);
    expect(['number', 'percentage', 'qualitative'].map(indicatorMeasure)).toEqual(['1', '2', '5']);
    const features = codelist('non-embedded/LocationType.xml');
    expect(Object.values(FEATURE_DESIGNATIONS).filter((f) => !features.has(f!))).toEqual([]);
    const dateTypes = codelist('embedded-2.03/ActivityDateType.xml');
    expect(activityDates('4', '2020-01-01', '2021-12-31', '2026-01-01').every((d) => dateTypes.has(d.type))).toBe(true);
  });

  it('says a project started only when its status says so and the date has passed', () => {
    const types = (status: string, today = '2026-01-01') => activityDates(status, '2025-01-01', '2027-12-31', today).map((d) => d.type);
    expect(types('1')).toEqual(['1', '3']);
    expect(types('2')).toEqual(['1', '2', '3']);
    expect(types('2', '2024-06-01')).toEqual(['1', '3']);
    expect(types('5')).toEqual(['1', '3']);
    expect(activityDates('4', '2020-01-01', '2021-12-31', '2026-01-01').map((d) => d.type)).toEqual(['1', '2', '3', '4']);
  });

  it('writes figures without floating-point noise', () => {
    expect([formatValue(0.1 + 0.2), formatValue(1500), formatValue(-0), formatValue(66.66666666666667), formatValue(2.5)]).toEqual(['0.3', '1500', '0', '66.666667', '2.5']);
  });

  it('gives one narrative per language, the base text in the default language', () => {
    expect(narratives('Safe water', JSON.stringify({ fr: 'Eau potable', es: ' ', en: 'Ignored: the base text is English', ar: 'مياه مأمونة' }), 'en')).toEqual([
      { text: 'Safe water', lang: null },
      { text: 'Eau potable', lang: 'fr' },
      { text: 'مياه مأمونة', lang: 'ar' },
    ]);
    expect(narratives('', '{}', 'en')).toEqual([]);
    expect(narratives('Eau', 'not json', 'fr')).toEqual([{ text: 'Eau', lang: null }]);
  });
});
