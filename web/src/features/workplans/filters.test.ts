import { describe, expect, it } from 'vitest';
import { filterActivities, filterChoices, hasFilters, readFilters, readView } from './filters.js';

const a = (code: string, team: string, locationId: string | null, status: 'on_track' | 'delayed' | 'done', overdue = false) => ({
  code, team, locationId, locationName: locationId ? `Place ${locationId}` : null, status, overdue,
});
const rows = [a('A1', 'Accra city team', 'GH02', 'done'), a('A8', 'Kumasi city team', 'GH05', 'delayed', true), a('A9', 'Accra city team', 'GH02', 'on_track', true), a('A12', 'Kumasi city team', null, 'on_track')];

describe('work plan list filters', () => {
  it('reads the address, ignoring what is not a status', () => {
    expect(readFilters(new URLSearchParams('team=Accra+city+team&status=delayed&overdue=1'))).toEqual({ team: 'Accra city team', location: '', status: 'delayed', overdue: true });
    expect(readFilters(new URLSearchParams('status=late&overdue=yes'))).toEqual({ team: '', location: '', status: '', overdue: false });
    expect(readView(new URLSearchParams('view=list'))).toBe('list');
    expect(readView(new URLSearchParams('view=table'))).toBe('gantt');
    expect(hasFilters(readFilters(new URLSearchParams('')))).toBe(false);
  });

  it('lets through only activities matching every filter', () => {
    const f = (q: string) => filterActivities(rows, readFilters(new URLSearchParams(q))).map((r) => r.code);
    expect(f('')).toEqual(['A1', 'A8', 'A9', 'A12']);
    expect(f('overdue=1')).toEqual(['A8', 'A9']);
    expect(f('overdue=1&team=Accra+city+team')).toEqual(['A9']);
    expect(f('status=delayed')).toEqual(['A8']);
    expect(f('location=GH02')).toEqual(['A1', 'A9']);
    expect(f('location=GH02&status=delayed')).toEqual([]);
  });

  it('offers the teams and places the plan names, once each, sorted', () => {
    expect(filterChoices(rows, 'en')).toEqual({
      teams: ['Accra city team', 'Kumasi city team'],
      locations: [
        { value: 'GH02', label: 'Place GH02' },
        { value: 'GH05', label: 'Place GH05' },
      ],
    });
  });
});
