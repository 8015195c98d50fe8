import { describe, expect, it } from 'vitest';
import { addDays, createBody, initialForm, suggestDueDate, suggestPeriod, suggestType } from './new-round.js';
import type { RoundOptions } from './queries.js';

const period = (type: 'month' | 'quarter' | 'semester' | 'year', key: string, start: string, end: string, taken = false) => ({ type, key, start, end, taken });

const options: RoundOptions = {
  periods: [
    period('quarter', '2026-Q1', '2026-01-01', '2026-03-31', true),
    period('quarter', '2026-Q2', '2026-04-01', '2026-06-30'),
    period('quarter', '2026-Q3', '2026-07-01', '2026-09-30'),
    period('quarter', '2026-Q4', '2026-10-01', '2026-12-31'),
    period('year', '2026', '2026-01-01', '2026-12-31'),
  ],
  organisations: [
    { id: 'lead', name: 'Lead NGO', acronym: 'LN', roles: ['lead'] },
    { id: 'donor', name: 'Donor', acronym: null, roles: ['donor'] },
    { id: 'partner', name: 'Partner', acronym: null, roles: ['implementing'] },
  ],
  locations: [
    { id: 'l1', pcode: 'ML01', name: 'Kayes', level: 'admin1' },
    { id: 'l2', pcode: 'ML02', name: 'Koulikoro', level: 'admin1' },
  ],
  indicators: [{ id: 'i1', code: '1.1', name: 'People reached', frequency: 'quarter' }],
};

describe('addDays', () => {
  it('crosses month and year ends on calendar days', () => {
    expect(addDays('2026-09-30', 15)).toBe('2026-10-15');
    expect(addDays('2026-12-31', 15)).toBe('2027-01-15');
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01');
  });
});

describe('suggestDueDate', () => {
  it('is 15 days after the period, or 14 days from today when that has passed', () => {
    expect(suggestDueDate('2026-09-30', '2026-10-01')).toBe('2026-10-15');
    expect(suggestDueDate('2026-09-30', '2026-11-23')).toBe('2026-12-07');
  });
});

describe('suggestions', () => {
  it('suggests the period after the latest round', () => {
    expect(suggestPeriod(options, 'quarter', '2026-11-23')).toBe('2026-Q2');
    const q3Taken = { ...options, periods: options.periods.map((p) => (p.key === '2026-Q3' ? { ...p, taken: true } : p)) };
    expect(suggestPeriod(q3Taken, 'quarter', '2026-11-23')).toBe('2026-Q4');
  });
  it('without a round, suggests the latest free period that has ended', () => {
    expect(suggestPeriod(options, 'year', '2027-02-01')).toBe('2026');
    const none = { ...options, periods: options.periods.map((p) => ({ ...p, taken: false })) };
    expect(suggestPeriod(none, 'quarter', '2026-11-23')).toBe('2026-Q3');
  });
  it('falls back to the earliest free period when the latest round is the last period', () => {
    const lastTaken = { ...options, periods: options.periods.map((p) => (p.key === '2026-Q4' ? { ...p, taken: true } : p)) };
    expect(suggestPeriod(lastTaken, 'quarter', '2026-11-23')).toBe('2026-Q3');
  });
  it('falls back to the first free period when none has ended', () => {
    const none = { ...options, periods: options.periods.map((p) => ({ ...p, taken: false })) };
    expect(suggestPeriod(none, 'quarter', '2025-12-01')).toBe('2026-Q1');
    expect(suggestPeriod(options, 'month', '2026-02-01')).toBeNull();
  });
  it('opens on quarters, or the first type with a free period', () => {
    expect(suggestType(options)).toBe('quarter');
    const onlyYear = { ...options, periods: options.periods.map((p) => (p.type === 'quarter' ? { ...p, taken: true } : p)) };
    expect(suggestType(onlyYear)).toBe('year');
  });
});

describe('initialForm and createBody', () => {
  it('leaves donors out, gives everyone every location and dates the round 15 days after the period', () => {
    const form = initialForm(options, '2026-07-05');
    expect(form.periodKey).toBe('2026-Q2');
    expect(form.dueDate).toBe('2026-07-15');
    expect(form.reporters).toEqual({
      lead: { checked: true, locationIds: ['l1', 'l2'] },
      donor: { checked: false, locationIds: ['l1', 'l2'] },
      partner: { checked: true, locationIds: ['l1', 'l2'] },
    });
  });

  it('sends the checked organisations in the server order and omits indicators when all are wanted', () => {
    const form = initialForm(options, '2026-07-05');
    form.reporters.partner = { checked: true, locationIds: ['l2'] };
    form.title = 'Q3 report';
    expect(createBody(form, options)).toEqual({
      periodType: 'quarter',
      periodKey: '2026-Q2',
      dueDate: '2026-07-15',
      title: 'Q3 report',
      reporters: [
        { organisationId: 'lead', locationIds: ['l1', 'l2'] },
        { organisationId: 'partner', locationIds: ['l2'] },
      ],
    });
    form.indicatorIds = [];
    expect(createBody(form, options).indicatorIds).toEqual([]);
  });
});
