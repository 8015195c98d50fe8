import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { IatiActivity } from './iati.model.js';
import { IATI_DIR, validateIatiFiles, validateIatiXml, xmlFilesUnder } from './iati.test-validator.js';
import { iatiActivitiesXml } from './iati.xml.js';

const xpath = (xml: string, expression: string) => execFileSync('xmllint', ['--xpath', expression, '-'], { input: xml }).toString('utf8').replace(/\n$/, '');

/** An activity using every element the writer knows, as the service would hand it over. */
export function sampleActivity(over: Partial<IatiActivity> = {}): IatiActivity {
  return {
    identifier: 'GB-CHC-1187654-SERP-ML-01',
    defaultLanguage: 'en',
    defaultCurrency: 'XOF',
    lastUpdated: '2026-01-15T10:00:00.000Z',
    reportingOrg: { ref: 'GB-CHC-1187654', type: '21', name: [{ text: 'Sahel Action International', lang: null }] },
    title: [{ text: 'Mopti and Ségou Community Schools', lang: null }, { text: 'Écoles communautaires de Mopti et Ségou', lang: 'fr' }],
    description: [{ text: 'Temporary learning spaces for displaced children.', lang: null }],
    participants: [
      { role: '2', ref: 'GB-CHC-1187654', type: '21', name: [{ text: 'Sahel Action International', lang: null }] },
      { role: '1', ref: 'SE-0-SE-6-2021004512', type: '10', name: [{ text: 'Nordic Fund for Children and Communities', lang: null }] },
      { role: '4', ref: null, type: '22', name: [{ text: "Association Malienne pour la Protection de l'Enfance", lang: null }] },
    ],
    status: '2',
    dates: [{ type: '1', isoDate: '2023-09-01' }, { type: '2', isoDate: '2023-09-01' }, { type: '3', isoDate: '2026-08-31' }],
    countries: [{ code: 'ML', percentage: '100' }],
    locations: [
      { ref: 'ML05', name: [{ text: 'Mopti', lang: null }], countryCode: 'ML', featureDesignation: 'ADM1' },
      { ref: 'ML-SITE-7', name: [{ text: 'École de Sévaré', lang: null }], countryCode: 'ML', featureDesignation: null },
    ],
    sectors: [{ code: '11220', percentage: '50' }, { code: '11240', percentage: '50' }],
    results: [
      {
        type: '1',
        title: [{ text: 'Children learn in safe spaces', lang: null }],
        description: [],
        indicators: [
          {
            id: 'i1', measure: '1', ascending: true,
            title: [{ text: 'Number of children enrolled', lang: null }, { text: "Nombre d'enfants inscrits", lang: 'fr' }],
            description: [{ text: 'Children on the register.', lang: null }],
            baseline: { year: 2023, isoDate: '2023-09-01', value: '0' },
            periods: [
              {
                start: '2024-01-01', end: '2024-03-31',
                targets: [{ value: '200', dimensions: [] }, { value: '120', dimensions: [{ name: 'Sex', value: 'Female' }] }],
                actuals: [{ value: '150', dimensions: [] }, { value: '90', dimensions: [{ name: 'Sex', value: 'Female' }] }],
              },
            ],
          },
          { id: 'i2', measure: '5', ascending: true, title: [{ text: 'Stories of change', lang: null }], description: [], baseline: null, periods: [] },
        ],
      },
    ],
    ...over,
  };
}

describe('the IATI schema validator', () => {
  it('passes every official should-pass file and fails every should-fail file', () => {
    const pass = xmlFilesUnder(path.join(IATI_DIR, 'schema-tests/should-pass'));
    const fail = xmlFilesUnder(path.join(IATI_DIR, 'schema-tests/should-fail'));
    expect(pass.length).toBeGreaterThan(100);
    expect(fail.length).toBeGreaterThan(50);
    const passed = validateIatiFiles(pass);
    expect(pass.filter((f) => passed.get(f) !== true)).toEqual([]);
    const failed = validateIatiFiles(fail);
    expect(fail.filter((f) => failed.get(f) !== false)).toEqual([]);
  });

  it('validates the official annotated activity example', () => {
    const results = validateIatiFiles([path.join(IATI_DIR, 'examples/iati-extra-doc_activity-standard-example-annotated.xml')]);
    expect([...results.values()]).toEqual([true]);
  });
});

describe('the IATI activity writer', () => {
  it('writes a document the 2.03 schema accepts', () => {
    const xml = iatiActivitiesXml([sampleActivity(), sampleActivity({ identifier: 'GB-CHC-1187654-SERP-ML-02', results: [] })], '2026-01-15T10:00:00.000Z');
    const result = validateIatiXml(xml);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-01-15T10:00:00.000Z">');
  });

  it('is refused by the schema when an element is out of order (the validator can fail)', () => {
    const xml = iatiActivitiesXml([sampleActivity()], '2026-01-15T10:00:00.000Z');
    const status = '<activity-status code="2"/>';
    const moved = xml.replace(status, '').replace('</iati-identifier>', `</iati-identifier>${status}`);
    expect(moved).not.toBe(xml);
    expect(validateIatiXml(xml).valid).toBe(true);
    expect(validateIatiXml(moved).valid).toBe(false);
  });

  it('escapes markup in every text and attribute, and the text reads back unchanged', () => {
    const nasty = 'Schools <b>&"quoted"</b> & \'more\'';
    const xml = iatiActivitiesXml(
      [sampleActivity({ title: [{ text: nasty, lang: null }], locations: [{ ref: 'X"<1>', name: [{ text: nasty, lang: null }], countryCode: 'ML', featureDesignation: null }] })],
      '2026-01-15T10:00:00.000Z',
    );
    expect(xml).not.toContain('<b>');
    expect(validateIatiXml(xml).valid).toBe(true);
    // Read back by libxml2, a parser that is not the writer's.
    expect(xpath(xml, 'string(//iati-activity/title/narrative)')).toBe(nasty);
    expect(xpath(xml, 'string(//iati-activity/location[1]/@ref)')).toBe('X"<1>');
    expect(xpath(xml, 'string(//iati-activity/location[1]/name/narrative)')).toBe(nasty);
  });

  it('drops characters XML 1.0 cannot carry instead of writing an unreadable file', () => {
    const xml = iatiActivitiesXml([sampleActivity({ title: [{ text: 'Tab\there, bell\u0007 and null\u0000 gone', lang: null }] })], '2026-01-15T10:00:00.000Z');
    expect(validateIatiXml(xml).valid).toBe(true);
    expect(xml).toContain('Tab\there, bell and null gone');
  });

  it('writes each translation as its own narrative with its language', () => {
    const xml = iatiActivitiesXml([sampleActivity()], '2026-01-15T10:00:00.000Z');
    expect(xml).toContain('<iati-activity last-updated-datetime="2026-01-15T10:00:00.000Z" xml:lang="en" default-currency="XOF">');
    expect(xml).toContain('<narrative xml:lang="fr">Écoles communautaires de Mopti et Ségou</narrative>');
    expect(xml).toMatch(/<target value="120">\s*<dimension name="Sex" value="Female"\/>\s*<\/target>/);
  });
});
