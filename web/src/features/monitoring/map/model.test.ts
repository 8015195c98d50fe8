import { describe, expect, it } from 'vitest';
import type { IndicatorMap } from '@shared/schemas/index.js';
import { mapModel } from './model.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const area = (n: number, name: string, value: number | null, target: number | null = null, pending = false) => ({
  locationId: id(n),
  name,
  pcode: `ML0${n}`,
  figure: value === null ? null : { value, pending },
  target,
});

const map: IndicatorMap = {
  indicator: { indicatorId: id(99), code: 'P1', name: 'Children reached', unit: 'children', type: 'number', direction: 'increase', cumulative: true },
  level: 'admin1',
  from: null,
  to: null,
  areas: [area(5, 'Mopti', 950, 1000), area(6, 'Ségou', 40, null, true), area(7, 'Tombouctou', null, 300), area(1, 'Kayes', 310), area(9, 'Gao', 0, 0)],
  shapes: [id(5), id(6), id(7), id(1)].map((locationId) => ({ locationId, geometry: { type: 'Polygon' as const, coordinates: [] } })),
  includesPending: true,
  canIncludePending: true,
};

describe('mapModel', () => {
  const m = mapModel(map, 'fr');

  it('lists every area by name, with its value, target and coverage', () => {
    expect(m.areas.map((a) => [a.name, a.value, a.target, a.coverage])).toEqual([
      ['Gao', 0, 0, null], // a zero target gives no coverage
      ['Kayes', 310, null, null],
      ['Mopti', 950, 1000, 95],
      ['Ségou', 40, null, null],
      ['Tombouctou', null, 300, null],
    ]);
  });

  it('classes values on round breaks and leaves an area without data unclassed (not zero)', () => {
    // 0..950: raw step 190 → 200, from 0: 0, 200, 400, 600, 800, 1000.
    expect(m.breaks).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(m.areas.map((a) => a.classIndex)).toEqual([0, 1, 4, 0, -1]);
    expect(m.areas.find((a) => a.name === 'Tombouctou')!.color).toBeNull();
    expect(m.areas.find((a) => a.name === 'Gao')!.color).toBe(m.legend[0]!.color);
    expect(m.noData).toBe(1);
  });

  it('counts areas without a boundary and marks pending values', () => {
    expect(m.withoutShape).toBe(1);
    expect(m.areas.find((a) => a.name === 'Gao')!.hasShape).toBe(false);
    expect(m.anyPending).toBe(true);
    expect(m.areas.find((a) => a.name === 'Ségou')!.pending).toBe(true);
    expect(m.anyTarget).toBe(true);
  });

  it('has no classes when no area has data', () => {
    const empty = mapModel({ ...map, areas: [area(1, 'Kayes', null)] });
    expect(empty.breaks).toEqual([]);
    expect(empty.legend).toEqual([]);
    expect(empty.noData).toBe(1);
  });
});
