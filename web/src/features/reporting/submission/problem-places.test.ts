import { describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { cellKey } from './grid-model.js';
import { placeCheckProblems, placeServerDetails } from './problem-places.js';

const indicator = (id: string, code: string) => ({ id, code, categories: [] }) as unknown as SubmissionDetail['indicators'][number];
const setting = {
  indicators: [indicator('i1', 'A.1'), indicator('i2', 'B.1')],
  locations: [
    { id: 'l1', pcode: 'CD01', name: 'Kolwezi', level: 'admin2' },
    { id: 'l2', pcode: 'CD02', name: 'Lubudi', level: 'admin2' },
  ],
};

describe('problems placed on cells and sections', () => {
  it('places the shared checks by cell, in the package order, sections last', () => {
    const placed = placeCheckProblems(
      setting,
      [
        { cell: null, section: 'achievements', reason: 'missing_narrative', severity: 'error', params: { section: 'achievements' } },
        { cell: { indicatorId: 'i2', locationId: 'l2', optionIds: [] }, section: null, reason: 'missing_value', severity: 'error' },
        { cell: { indicatorId: 'i1', locationId: null, optionIds: [] }, section: null, reason: 'missing_value', severity: 'error' },
      ],
      (p) => p.reason,
      'Whole project',
    );
    expect(placed.map((p) => [p.where, p.cell, p.section])).toEqual([
      ['A.1 · Whole project', cellKey('i1', null, ''), null],
      ['B.1 · Lubudi', cellKey('i2', 'l2', ''), null],
      [null, null, 'achievements'],
    ]);
  });

  it('finds the cell of a refused submit from the indicator code and P-code in its params', () => {
    const placed = placeServerDetails(
      setting,
      [
        { message: 'no value', params: { indicator: 'B.1', location: 'CD01' } },
        { message: 'no value', params: { indicator: 'A.1', location: '—' } },
        { message: 'narrative', params: { section: 'challenges' } },
        { message: 'unknown', params: { indicator: 'Z.9', location: 'CD01' } },
      ],
      'Whole project',
    );
    expect(placed.map((p) => [p.where, p.cell, p.section])).toEqual([
      ['A.1 · Whole project', cellKey('i1', null, ''), null],
      ['B.1 · Kolwezi', cellKey('i2', 'l1', ''), null],
      [null, null, 'challenges'],
      [null, null, null],
    ]);
  });
});
