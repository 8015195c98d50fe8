import { describe, expect, it } from 'vitest';
import type { Iptt, IpttCell } from '@shared/schemas/monitoring.js';
import { buildIpttView, cellView, formatIndicatorValue, metBand, type NumberFormat, periodRange } from './view-model.js';

const en: NumberFormat = (n, o) => new Intl.NumberFormat('en', o).format(n);
const fr: NumberFormat = (n, o) => new Intl.NumberFormat('fr', o).format(n);
const texts = { yes: 'Yes', no: 'No' };
// Languages space numbers and ranges with no-break and thin spaces (which ones varies with the ICU
// version); the tests compare them as plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const cell = (target: number | null, actual: number | null, percentMet: number | null, pending = false, extra: Partial<NonNullable<IpttCell['actual']>> = {}): IpttCell => ({
  target,
  actual: actual === null ? null : { value: actual, pending, ...extra },
  percentMet,
});

describe('metBand', () => {
  it('is met from 90 %, partly met from 60 %, behind below', () => {
    expect([120, 90, 89.6, 89.4, 60, 59.6, 59.4, 0].map(metBand)).toEqual(['met', 'met', 'met', 'partial', 'partial', 'partial', 'low', 'low']);
  });

  it('follows the whole percent shown, so 89.6 % (shown as 90 %) is green and not amber', () => {
    expect(metBand(89.6)).toBe('met');
  });

  it('has no band without a percentage', () => {
    expect(metBand(null)).toBeNull();
    expect(metBand(Number.NaN)).toBeNull();
  });
});

describe('formatIndicatorValue', () => {
  it('formats numbers in the reader language with up to two decimals', () => {
    expect(formatIndicatorValue(12345.678, 'number', en, texts)).toBe('12,345.68');
    expect(plain(formatIndicatorValue(12345.678, 'number', fr, texts))).toBe('12 345,68');
  });

  it('shows percentages (stored 0–100) with the language percent sign', () => {
    expect(formatIndicatorValue(45.25, 'percentage', en, texts)).toBe('45.3%');
    expect(plain(formatIndicatorValue(45.25, 'percentage', fr, texts))).toBe('45,3 %');
  });

  it('says yes or no for yes/no indicators and nothing for qualitative ones', () => {
    expect(formatIndicatorValue(1, 'yes_no', en, texts)).toBe('Yes');
    expect(formatIndicatorValue(0, 'yes_no', en, texts)).toBe('No');
    expect(formatIndicatorValue(3, 'qualitative', en, texts)).toBe('—');
  });

  it('shows a dash for no value', () => {
    expect(formatIndicatorValue(null, 'number', en, texts)).toBe('—');
  });
});

describe('cellView', () => {
  it('formats target, actual and a rounded % met with its band', () => {
    expect(cellView(cell(400, 250, 62.5), 'number', en, texts)).toEqual({
      target: { text: '400', empty: false, pending: false },
      actual: { text: '250', empty: false, pending: false, detail: undefined },
      met: { text: '63%', empty: false, pending: false, band: 'partial' },
    });
  });

  it('marks the actual and the % met pending when the actual rests on pending values', () => {
    const v = cellView(cell(100, 95, 95, true), 'number', en, texts);
    expect(v.actual.pending).toBe(true);
    expect(v.met).toMatchObject({ text: '95%', pending: true, band: 'met' });
    expect(v.target.pending).toBe(false);
  });

  it('shows dashes where there is no target, no actual or no % met', () => {
    const v = cellView(cell(null, null, null), 'number', en, texts);
    expect([v.target.text, v.actual.text, v.met.text]).toEqual(['—', '—', '—']);
    expect(v.met.band).toBeNull();
  });

  it('gives a percentage its numerator and denominator for the tooltip', () => {
    // 30 of 120 children and 45 of 80: 75 / 200 = 37.5 %, against a 50 % target → 75 % met.
    const v = cellView(cell(50, 37.5, 75, false, { numerator: 75, denominator: 200 }), 'percentage', en, texts);
    expect(v.actual).toEqual({ text: '37.5%', empty: false, pending: false, detail: '75 / 200' });
    expect(v.target.text).toBe('50%');
    expect(v.met).toMatchObject({ text: '75%', band: 'partial' });
  });

  it('is empty when the server sent no cell', () => {
    expect(cellView(undefined, 'number', en, texts).actual.empty).toBe(true);
  });
});

describe('periodRange', () => {
  it('names the months a period covers', () => {
    expect(plain(periodRange('2026-01-01', '2026-03-31', 'en-GB'))).toBe('Jan – Mar 2026');
    expect(plain(periodRange('2025-10-01', '2026-03-31', 'en-GB'))).toBe('Oct 2025 – Mar 2026');
    expect(plain(periodRange('2026-03-01', '2026-03-31', 'en-GB'))).toBe('Mar 2026');
  });

  it('falls back to the dates when they cannot be read', () => {
    expect(periodRange('x', 'y', 'en')).toBe('x – y');
  });
});

describe('buildIpttView', () => {
  const iptt: Iptt = {
    title: 'CLM-KOL-01 — IPTT',
    scope: 'project',
    scopeId: id(1),
    granularity: 'quarter',
    periods: [
      { key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' },
      { key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' },
    ],
    includesPending: true,
    generatedAt: '2026-07-01T10:00:00Z',
    rows: [
      { kind: 'result', resultNodeId: id(10), level: 1, levelLabel: 'Outcome', code: '1', title: 'Children learn' },
      {
        kind: 'indicator',
        indicatorId: id(20),
        code: '1.1',
        name: 'Share of children reading',
        unit: '%',
        type: 'percentage',
        direction: 'increase',
        cumulative: false,
        baseline: 20,
        lop: cell(60, 45, 75),
        // The second quarter has no cell at all: the row is padded to the header.
        periods: [cell(40, 30, 75)],
      },
      {
        kind: 'disaggregation',
        indicatorId: id(20),
        categoryId: id(30),
        categoryName: 'Sex',
        optionId: id(31),
        optionLabel: 'Female',
        lop: cell(null, 50, null, true),
        periods: [cell(null, 35, null), cell(null, null, null)],
      },
      {
        kind: 'indicator',
        indicatorId: id(21),
        code: '1.2',
        name: 'Teachers trained',
        unit: 'people',
        type: 'number',
        direction: 'increase',
        cumulative: true,
        baseline: null,
        lop: cell(1200, 1100, 91.66),
        periods: [cell(600, 500, 83.33), cell(1200, 1100, 91.66)],
      },
    ],
    options: { levels: [{ level: 1, label: 'Outcome' }], organisations: [], locations: [], categories: [], start: '2026-01-01', end: '2026-06-30' },
    canIncludePending: true,
  };

  const view = buildIpttView(iptt, en, 'en-GB', texts);

  it('keeps the rows in the server order with their kinds', () => {
    expect(view.rows.map((r) => r.kind)).toEqual(['result', 'indicator', 'disaggregation', 'indicator']);
    expect(view.indicatorCount).toBe(2);
  });

  it('labels the period columns', () => {
    expect(view.periods.map((p) => [p.key, plain(p.range)])).toEqual([
      ['2026-Q1', 'Jan – Mar 2026'],
      ['2026-Q2', 'Apr – Jun 2026'],
    ]);
  });

  it('formats a disaggregation row with the type of its indicator', () => {
    const row = view.rows[2]!;
    expect(row.kind === 'disaggregation' && [row.categoryName, row.optionLabel, row.lop.actual.text, row.periods[0]!.actual.text]).toEqual(['Sex', 'Female', '50%', '35%']);
  });

  it('pads a row with fewer period cells than the header', () => {
    const row = view.rows[1]!;
    expect(row.kind === 'indicator' && row.periods.map((c) => [c.target.text, c.actual.text, c.met.text])).toEqual([
      ['40%', '30%', '75%'],
      ['—', '—', '—'],
    ]);
  });

  it('shows the baseline, and a dash when there is none', () => {
    const [a, b] = [view.rows[1]!, view.rows[3]!];
    expect(a.kind === 'indicator' && a.baseline.text).toBe('20%');
    expect(b.kind === 'indicator' && b.baseline.text).toBe('—');
  });

  it('rounds % met for display and bands it: 91.66 → 92 % met, 83.33 → 83 % partly met', () => {
    const row = view.rows[3]!;
    expect(row.kind === 'indicator' && [row.lop.met, ...row.periods.map((c) => c.met)].map((m) => [m.text, m.band])).toEqual([
      ['92%', 'met'],
      ['83%', 'partial'],
      ['92%', 'met'],
    ]);
  });

  it('notices a pending figure anywhere in the table', () => {
    expect(view.anyPending).toBe(true);
    const approvedOnly = buildIpttView({ ...iptt, rows: iptt.rows.filter((r) => r.kind !== 'disaggregation') }, en, 'en', texts);
    expect(approvedOnly.anyPending).toBe(false);
  });

  it('counts no indicator in a table of headings only', () => {
    expect(buildIpttView({ ...iptt, rows: [iptt.rows[0]!] }, en, 'en', texts).indicatorCount).toBe(0);
  });
});
