import { describe, expect, it } from 'vitest';
import { exportPath, filtersFromParams, filtersToParams, hasFilters, ipttApiQuery } from './url-state.js';

const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';

describe('filtersFromParams', () => {
  it('reads every filter from the address', () => {
    const f = filtersFromParams(
      new URLSearchParams(`granularity=year&from=2026-01-01&to=2026-12-31&levels=3,1&locationIds=${A},${B}&organisationIds=${A}&categoryIds=${B}&sector=11220&includePending=true`),
    );
    expect(f).toEqual({
      granularity: 'year',
      from: '2026-01-01',
      to: '2026-12-31',
      levels: [1, 3],
      locationIds: [A, B],
      organisationIds: [A],
      categoryIds: [B],
      sector: '11220',
      includePending: true,
    });
  });

  it('falls back to quarters, no dates and no levels when the address is malformed', () => {
    const f = filtersFromParams(new URLSearchParams('granularity=week&from=yesterday&levels=0,x,7,2,2&includePending=yes'));
    expect(f).toMatchObject({ granularity: 'quarter', from: '', to: '', levels: [2], includePending: false });
  });

  it('is the default table for an empty address', () => {
    const f = filtersFromParams(new URLSearchParams());
    expect(f).toEqual({
      granularity: 'quarter',
      from: '',
      to: '',
      levels: [],
      locationIds: [],
      organisationIds: [],
      categoryIds: [],
      sector: '',
      includePending: false,
    });
    expect(hasFilters(f)).toBe(false);
  });
});

describe('filtersToParams', () => {
  it('writes lists comma-separated and removes emptied keys', () => {
    expect(filtersToParams({ levels: [1, 2], locationIds: [], from: '2026-01-01', includePending: false })).toEqual({
      levels: '1,2',
      locationIds: '',
      from: '2026-01-01',
      includePending: '',
    });
  });

  it('leaves the default granularity out of the address', () => {
    expect(filtersToParams({ granularity: 'quarter' })).toEqual({ granularity: '' });
    expect(filtersToParams({ granularity: 'month', includePending: true })).toEqual({ granularity: 'month', includePending: 'true' });
  });

  it('round-trips through the address', () => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filtersToParams({ granularity: 'semester', categoryIds: [A, B], sector: '12240' }))) if (v) params.set(k, v);
    expect(filtersFromParams(params)).toMatchObject({ granularity: 'semester', categoryIds: [A, B], sector: '12240' });
  });
});

describe('ipttApiQuery', () => {
  const base = filtersFromParams(new URLSearchParams());

  it('sends the scope, the id and the granularity, and only the filters that are set', () => {
    expect(ipttApiQuery('project', A, { ...base, levels: [2], includePending: true })).toEqual({
      scope: 'project',
      id: A,
      granularity: 'quarter',
      levels: '2',
      includePending: 'true',
    });
  });

  it('sends the sector for consolidated tables only', () => {
    expect(ipttApiQuery('project', A, { ...base, sector: '11220' })).not.toHaveProperty('sector');
    expect(ipttApiQuery('organisation', A, { ...base, sector: '11220' })).toMatchObject({ sector: '11220' });
    expect(ipttApiQuery('country', 'COD', { ...base, sector: '11220' })).toMatchObject({ scope: 'country', id: 'COD', sector: '11220' });
  });

  it('makes the export address with the same query', () => {
    expect(exportPath(ipttApiQuery('programme', A, { ...base, granularity: 'year', organisationIds: [A, B] }))).toBe(
      `/iptt/export.xlsx?scope=programme&id=${A}&granularity=year&organisationIds=${A}%2C${B}`,
    );
  });
});
