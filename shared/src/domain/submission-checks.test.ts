import { describe, expect, it } from 'vitest';
import {
  breakdownSums,
  type CellInput,
  type CheckCell,
  type CheckIndicator,
  type CheckSetting,
  checkConsistency,
  checkEntries,
  checkSubmit,
  normaliseCell,
} from './submission-checks.js';

// A hand-made package: two places (Kayes ML01, Mopti ML05) and five indicators.
const sex = { id: 'sex', code: 'sex', options: [{ id: 'F', code: 'female' }, { id: 'M', code: 'male' }] };
const age = { id: 'age', code: 'age', options: [{ id: 'child', code: '0-17' }, { id: 'adult', code: '18+' }] };
const people: CheckIndicator = { id: 'people', code: 'IND-1', type: 'number', categories: [sex, age] };
const rate: CheckIndicator = { id: 'rate', code: 'IND-2', type: 'percentage', categories: [] };
const plan: CheckIndicator = { id: 'plan', code: 'IND-3', type: 'yes_no', categories: [] };
const story: CheckIndicator = { id: 'story', code: 'IND-4', type: 'qualitative', categories: [] };
const stock: CheckIndicator = { id: 'stock', code: 'IND-5', type: 'number', categories: [sex], timeAggregation: 'latest' };
const setting: CheckSetting = { indicators: [people, rate, plan, story, stock], locations: [{ id: 'kayes', pcode: 'ML01' }, { id: 'mopti', pcode: 'ML05' }] };

const change = (over: Partial<CellInput>): CellInput => ({
  indicatorId: 'people', locationId: 'kayes', optionIds: [], value: null, numerator: null, denominator: null, text: null, comment: '', ...over,
});
const reasons = (changes: CellInput[]) => checkEntries(changes, setting).problems.map((p) => [p.index, p.field, p.reason]);

describe('entry checks', () => {
  it('accepts valid values of every type', () => {
    const { cells, problems } = checkEntries(
      [
        change({ value: 25 }),
        change({ optionIds: ['adult', 'F'], value: 10 }),
        change({ indicatorId: 'rate', numerator: 30, denominator: 40 }),
        change({ indicatorId: 'rate', locationId: 'mopti', value: 100 }),
        change({ indicatorId: 'plan', value: 1 }),
        change({ indicatorId: 'story', text: '  Two wells repaired.  ' }),
      ],
      setting,
    );
    expect(problems).toEqual([]);
    // Options put in category order (sex before age); 30 ÷ 40 × 100 = 75; text trimmed.
    expect(cells[1]).toMatchObject({ optionIds: ['F', 'adult'], disaggregationKey: 'F|adult', value: 10 });
    expect(cells[2]).toMatchObject({ value: 75, numerator: 30, denominator: 40 });
    expect(cells[5]).toMatchObject({ text: 'Two wells repaired.', clear: false });
  });

  it('refuses values outside their type, naming change, field and reason', () => {
    expect(
      reasons([
        change({ indicatorId: 'rate', value: 100.5 }),
        change({ indicatorId: 'rate', value: -1 }),
        change({ indicatorId: 'plan', value: 2 }),
        change({ text: 'many' }),
        change({ indicatorId: 'story', value: 3 }),
        change({ numerator: 1, denominator: 2 }),
      ]),
    ).toEqual([
      [0, 'value', 'too_big'],
      [1, 'value', 'too_small'],
      [2, 'value', 'yes_no_value'],
      [3, 'text', 'text_not_allowed'],
      [4, 'value', 'qualitative_text_only'],
      [5, 'numerator', 'ratio_only_for_percentage'],
    ]);
  });

  it('checks numerator and denominator of a percentage', () => {
    expect(
      reasons([
        change({ indicatorId: 'rate', numerator: 5 }),
        change({ indicatorId: 'rate', denominator: 5 }),
        change({ indicatorId: 'rate', numerator: 0, denominator: 0 }),
        change({ indicatorId: 'rate', numerator: 6, denominator: 5 }),
        change({ indicatorId: 'rate', numerator: 5, denominator: 5 }),
      ]),
    ).toEqual([
      [0, 'denominator', 'numerator_denominator_pair'],
      [1, 'numerator', 'numerator_denominator_pair'],
      [2, 'denominator', 'denominator_not_positive'],
      [3, 'numerator', 'numerator_above_denominator'],
    ]);
    const p = checkEntries([change({ indicatorId: 'rate', locationId: 'mopti', numerator: 6, denominator: 5 })], setting).problems[0]!;
    expect(p.params).toEqual({ indicator: 'IND-2', location: 'ML05', numerator: 6, denominator: 5 });
  });

  it('refuses unknown indicators, places, options and duplicates', () => {
    expect(
      reasons([
        change({ indicatorId: 'nope' }),
        change({ locationId: 'timbuktu', value: 1 }),
        change({ locationId: null, value: 1 }),
        change({ optionIds: ['F', 'M'], value: 1 }),
        change({ optionIds: ['X'], value: 1 }),
        change({ optionIds: ['child', 'M'], value: 3 }),
        change({ optionIds: ['M', 'child'], value: 4 }),
      ]),
    ).toEqual([
      [0, 'indicatorId', 'indicator_not_in_round'],
      [1, 'locationId', 'location_not_in_package'],
      [2, 'locationId', 'location_not_in_package'],
      [3, 'optionIds', 'same_category_twice'],
      [4, 'optionIds', 'unknown_option'],
      [6, 'optionIds', 'duplicate_cell'],
    ]);
  });

  it('takes the project as a whole (no place) only for a package without places', () => {
    expect(checkEntries([change({ locationId: null, value: 4 })], { ...setting, locations: [] }).problems).toEqual([]);
  });

  it('marks an empty change as a clear', () => {
    expect(normaliseCell(people, change({})).clear).toBe(true);
    expect(normaliseCell(people, change({ comment: 'not counted yet' })).clear).toBe(false);
    expect(normaliseCell(story, change({ indicatorId: 'story', text: '   ' })).clear).toBe(true);
  });
});

const cell = (indicatorId: string, locationId: string | null, optionIds: string[], value: number | null, text: string | null = null): CheckCell => ({ indicatorId, locationId, optionIds, value, text });

describe('totals and consistency', () => {
  // Kayes: total 25; by sex F 10 + M 15 = 25; by age child 12 + adult 14 = 26 (off by one);
  // combinations F·child 5 + F·adult 5 + M·child 7 + M·adult 9 = 26 (off by one).
  const kayes = [
    cell('people', 'kayes', [], 25),
    cell('people', 'kayes', ['F'], 10),
    cell('people', 'kayes', ['M'], 15),
    cell('people', 'kayes', ['child'], 12),
    cell('people', 'kayes', ['adult'], 14),
    cell('people', 'kayes', ['F', 'child'], 5),
    cell('people', 'kayes', ['F', 'adult'], 5),
    cell('people', 'kayes', ['M', 'child'], 7),
    cell('people', 'kayes', ['M', 'adult'], 9),
  ];

  it('computes the sums of each category and of the full combinations', () => {
    expect(breakdownSums(people, 'kayes', kayes)).toEqual({
      total: 25,
      byCategory: [
        { categoryId: 'sex', code: 'sex', sum: 25, filled: 2, expected: 2 },
        { categoryId: 'age', code: 'age', sum: 26, filled: 2, expected: 2 },
      ],
      combinations: { sum: 26, filled: 4, expected: 4 },
    });
    expect(breakdownSums(people, 'mopti', kayes).total).toBeNull();
  });

  it('warns when a breakdown does not add up to the total, giving both values', () => {
    expect(checkConsistency(kayes, setting, 'warning')).toEqual([
      { cell: { indicatorId: 'people', locationId: 'kayes', optionIds: [] }, section: null, reason: 'breakdown_sum_mismatch', severity: 'warning', params: { indicator: 'IND-1', location: 'ML01', total: 25, category: 'age', sum: 26 } },
      { cell: { indicatorId: 'people', locationId: 'kayes', optionIds: [] }, section: null, reason: 'combinations_sum_mismatch', severity: 'warning', params: { indicator: 'IND-1', location: 'ML01', total: 25, sum: 26 } },
    ]);
  });

  it('compares decimals with a tolerance and skips indicators not summed over time', () => {
    const money = { ...people, id: 'money', type: 'currency' as const, categories: [sex] };
    const s = { ...setting, indicators: [money, stock] };
    expect(checkConsistency([cell('money', 'kayes', [], 0.3), cell('money', 'kayes', ['F'], 0.1), cell('money', 'kayes', ['M'], 0.2)], s, 'warning')).toEqual([]);
    expect(checkConsistency([cell('stock', 'kayes', [], 10), cell('stock', 'kayes', ['F'], 1)], s, 'warning')).toEqual([]);
  });
});

describe('submit checks', () => {
  const narratives = [
    { section: 'achievements' as const, text: 'Wells repaired.' },
    { section: 'challenges' as const, text: 'Rains.' },
  ];
  const complete = [
    // people: Kayes by its total, Mopti by its full combinations (3 + 4 + 5 + 6).
    cell('people', 'kayes', [], 25),
    cell('people', 'mopti', ['F', 'child'], 3),
    cell('people', 'mopti', ['F', 'adult'], 4),
    cell('people', 'mopti', ['M', 'child'], 5),
    cell('people', 'mopti', ['M', 'adult'], 6),
    cell('rate', 'kayes', [], 75),
    cell('rate', 'mopti', [], 50),
    cell('plan', 'kayes', [], 0),
    cell('plan', 'mopti', [], 1),
    cell('story', 'kayes', [], null, 'Good.'),
    cell('story', 'mopti', [], null, 'Fine.'),
    // stock: Kayes by every option of its one category.
    cell('stock', 'kayes', ['F'], 2),
    cell('stock', 'kayes', ['M'], 3),
    cell('stock', 'mopti', [], 9),
  ];

  it('passes a complete package', () => {
    expect(checkSubmit(complete, narratives, setting)).toEqual([]);
  });

  it('names every missing value and narrative, and turns breakdown warnings into errors', () => {
    const cells = [
      ...complete.filter((c) => !(c.indicatorId === 'people' && c.locationId === 'mopti' && c.optionIds[1] === 'adult' && c.optionIds[0] === 'M')),
      cell('story', 'kayes', [], null, '   '),
      cell('people', 'kayes', ['F'], 20),
    ].filter((c) => !(c.indicatorId === 'story' && c.locationId === 'kayes' && c.text === 'Good.'));
    const problems = checkSubmit(cells, [{ section: 'achievements', text: '  ' }, { section: 'challenges', text: 'Rains.', resultNodeId: 'r1' }], setting);
    expect(problems.map((p) => [p.reason, p.severity, p.params])).toEqual([
      ['missing_value', 'error', { indicator: 'IND-1', location: 'ML05' }],
      ['missing_value', 'error', { indicator: 'IND-4', location: 'ML01' }],
      ['missing_narrative', 'error', { section: 'achievements' }],
      ['missing_narrative', 'error', { section: 'challenges' }],
      ['breakdown_sum_mismatch', 'error', { indicator: 'IND-1', location: 'ML01', total: 25, category: 'sex', sum: 20 }],
    ]);
    expect(problems[2]).toMatchObject({ cell: null, section: 'achievements' });
  });
});
