import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildBudgetWorld, type BudgetWorld } from '../budget-analysis/budget-analysis.test-world.js';
import { iatiMoney, quarterEnd } from './iati.budgets.js';
import { validateIatiXml } from './iati.test-validator.js';
import type { IatiActivity } from './iati.model.js';
import { iatiActivitiesXml } from './iati.xml.js';

/** The smallest activity the schema accepts, with the money given. */
const activity = (money: Pick<IatiActivity, 'budgets' | 'transactions'>): IatiActivity => ({
  identifier: 'XM-DAC-1-EDU', defaultLanguage: 'en', defaultCurrency: 'USD', lastUpdated: '2026-11-24T09:00:00Z',
  reportingOrg: { ref: 'XM-DAC-1', type: '21', name: [{ text: 'Lead', lang: null }] },
  title: [{ text: 'Education', lang: null }], description: [{ text: 'Schools', lang: null }],
  participants: [{ role: '2', ref: 'XM-DAC-1', type: '21', name: [{ text: 'Lead', lang: null }] }],
  status: '2', dates: [{ type: '2', isoDate: '2026-01-01' }], countries: [{ code: 'ML', percentage: '100' }], locations: [],
  sectors: [{ code: '11220', percentage: '100' }],
  results: [{ type: '1', title: [{ text: 'Children enrolled', lang: null }], description: [{ text: 'Enrolment', lang: null }], indicators: [{ id: 'i1', measure: '1', ascending: true, title: [{ text: 'Children enrolled', lang: null }], description: [], baseline: null, periods: [] }] }],
  ...money,
});

const xpath = (xml: string, expression: string) => execFileSync('xmllint', ['--xpath', expression, '-'], { input: xml }).toString('utf8').replace(/\n$/, '');

/*
 * The budget world of budget-analysis.test-world.ts (USD, 2026 by quarter; v1 superseded, v2 in force):
 *   original (v1) per quarter: Q1 250 000 + 100 000 + 50 000 = 400 000; Q2 250 000 + 100 000 = 350 000;
 *     Q3 250 000 + 200 000 = 450 000; Q4 250 000                     → 4 000.00, 3 500.00, 4 500.00, 2 500.00
 *   revised (v2): Q1 300 000 + 100 000 = 400 000; Q2 400 000; Q3 300 000 + 200 000 + 300 000 = 800 000;
 *     Q4 300 000 + 300 000 = 600 000                                   → 4 000.00, 4 000.00, 8 000.00, 6 000.00
 *   approved spending per calendar quarter (read on 2026-11-24): Q1 200 000 + 450 000 = 650 000;
 *     Q2 200 000 (XOF) + 100 000 (CDF) + 10 000 + 30 000 (June) = 340 000  → 6 500.00 on 03-31, 3 400.00 on 06-30
 */
let t: TestApp;
let w: BudgetWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildBudgetWorld(t.db);
});
afterAll(() => t.close());

describe('IATI budgets and expenditure transactions', () => {
  it('gives original and revised committed budgets per quarter and spending per quarter', async () => {
    const money = await iatiMoney(t.db, w.project.id, '2026-11-24');
    expect(money.budgets.map((b) => [b.type, b.status, b.start, b.end, b.value, b.currency, b.valueDate])).toEqual([
      ['1', '2', '2026-01-01', '2026-03-31', '4000.00', 'USD', '2026-01-01'],
      ['1', '2', '2026-04-01', '2026-06-30', '3500.00', 'USD', '2026-04-01'],
      ['1', '2', '2026-07-01', '2026-09-30', '4500.00', 'USD', '2026-07-01'],
      ['1', '2', '2026-10-01', '2026-12-31', '2500.00', 'USD', '2026-10-01'],
      ['2', '2', '2026-01-01', '2026-03-31', '4000.00', 'USD', '2026-01-01'],
      ['2', '2', '2026-04-01', '2026-06-30', '4000.00', 'USD', '2026-04-01'],
      ['2', '2', '2026-07-01', '2026-09-30', '8000.00', 'USD', '2026-07-01'],
      ['2', '2', '2026-10-01', '2026-12-31', '6000.00', 'USD', '2026-10-01'],
    ]);
    expect(money.transactions.map((x) => [x.type, x.date, x.value, x.currency])).toEqual([
      ['4', '2026-03-31', '6500.00', 'USD'],
      ['4', '2026-06-30', '3400.00', 'USD'],
    ]);
    // A quarter in progress is dated today, never in the future: 200 000 + 100 000 + 10 000 by 05-20 (June not yet).
    const early = await iatiMoney(t.db, w.project.id, '2026-05-20');
    expect(early.transactions.map((x) => [x.date, x.value])).toEqual([['2026-03-31', '6500.00'], ['2026-05-20', '3100.00']]);
  });

  it('writes them where the 2.03 schema wants them, and the document still validates', async () => {
    const money = await iatiMoney(t.db, w.project.id, '2026-11-24');
    const xml = iatiActivitiesXml([activity(money)], '2026-11-24T09:00:00Z');
    const validation = validateIatiXml(xml);
    expect(validation.errors).toBe('');
    expect(validation.valid).toBe(true);
    expect(xpath(xml, 'count(//budget[@type="1"][@status="2"])')).toBe('4');
    expect(xpath(xml, 'count(//budget[@type="2"])')).toBe('4');
    expect(xpath(xml, 'string(//budget[@type="2"][3]/value)')).toBe('8000.00');
    expect(xpath(xml, 'string(//budget[@type="2"][3]/value/@value-date)')).toBe('2026-07-01');
    expect(xpath(xml, 'string(//transaction[1]/transaction-type/@code)')).toBe('4');
    expect(xpath(xml, 'string(//transaction[2]/value)')).toBe('3400.00');
    // Budgets and transactions sit between the sectors and the results.
    expect(xml.indexOf('<sector')).toBeLessThan(xml.indexOf('<budget'));
    expect(xml.lastIndexOf('<transaction>')).toBeLessThan(xml.indexOf('<result'));
  });

  it('finds the end of each calendar quarter', () => {
    expect([quarterEnd('2026-01-15'), quarterEnd('2026-05-31'), quarterEnd('2026-09-01'), quarterEnd('2024-12-31')]).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2024-12-31']);
  });
});
