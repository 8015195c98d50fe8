import { GRANULARITIES, type Granularity, type IpttScope } from '@shared/schemas/monitoring.js';

/**
 * The IPTT's filters as they live in the address (so a table can be bookmarked, shared and
 * reloaded) and as the API takes them. Anything malformed in a hand-edited address falls back to
 * "no filter" rather than an error page; the server checks the ids.
 */
export interface IpttFilters {
  granularity: Granularity;
  /** `YYYY-MM-DD`, or '' for the scope's own dates. */
  from: string;
  to: string;
  levels: number[];
  locationIds: string[];
  organisationIds: string[];
  categoryIds: string[];
  /** DAC sector code; consolidated scopes only. */
  sector: string;
  includePending: boolean;
}

export const DEFAULT_GRANULARITY: Granularity = 'quarter';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const list = (s: string | null) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

export function filtersFromParams(params: URLSearchParams): IpttFilters {
  const granularity = params.get('granularity');
  const date = (key: string) => {
    const v = params.get(key) ?? '';
    return ISO_DATE.test(v) ? v : '';
  };
  const levels = list(params.get('levels'))
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 6);
  return {
    granularity: (GRANULARITIES as readonly string[]).includes(granularity ?? '') ? (granularity as Granularity) : DEFAULT_GRANULARITY,
    from: date('from'),
    to: date('to'),
    levels: [...new Set(levels)].sort((a, b) => a - b),
    locationIds: list(params.get('locationIds')),
    organisationIds: list(params.get('organisationIds')),
    categoryIds: list(params.get('categoryIds')),
    sector: (params.get('sector') ?? '').trim().slice(0, 10),
    includePending: params.get('includePending') === 'true',
  };
}

/**
 * The address keys to set for a change of some filters: an empty value removes the key, and the
 * default granularity is left out so the plain address stays short.
 */
export function filtersToParams(patch: Partial<IpttFilters>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(patch) as [keyof IpttFilters, IpttFilters[keyof IpttFilters]][]) {
    if (key === 'granularity') out[key] = value === DEFAULT_GRANULARITY ? '' : String(value);
    else if (key === 'includePending') out[key] = value ? 'true' : '';
    else if (Array.isArray(value)) out[key] = value.join(',');
    else out[key] = String(value ?? '');
  }
  return out;
}

/** Every filter key, emptied: "Clear filters" keeps the granularity, which is a view choice, not a filter. */
export const CLEARED: Partial<IpttFilters> = {
  from: '',
  to: '',
  levels: [],
  locationIds: [],
  organisationIds: [],
  categoryIds: [],
  sector: '',
  includePending: false,
};

/** Whether any filter narrows the table (for the "nothing matches" message and the clear button). */
export function hasFilters(f: IpttFilters): boolean {
  return !!(f.from || f.to || f.levels.length || f.locationIds.length || f.organisationIds.length || f.categoryIds.length || f.sector);
}

/**
 * The query string of `GET /api/iptt` (and of its XLSX export, which takes the same), in a stable
 * order so the query cache key and the export address are the same for the same table. Empty
 * filters are left out; the sector only goes with consolidated scopes.
 */
export function ipttApiQuery(scope: IpttScope, id: string, f: IpttFilters): Record<string, string> {
  const q: Record<string, string> = { scope, id, granularity: f.granularity };
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.levels.length) q.levels = f.levels.join(',');
  if (f.locationIds.length) q.locationIds = f.locationIds.join(',');
  if (f.organisationIds.length) q.organisationIds = f.organisationIds.join(',');
  if (f.categoryIds.length) q.categoryIds = f.categoryIds.join(',');
  if (f.sector && isConsolidated(scope)) q.sector = f.sector;
  if (f.includePending) q.includePending = 'true';
  return q;
}

export const isConsolidated = (scope: IpttScope) => scope !== 'project';

/** `/iptt/export.xlsx?…`, relative to `/api` as the download helper expects. */
export function exportPath(query: Record<string, string>): string {
  return `/iptt/export.xlsx?${new URLSearchParams(query).toString()}`;
}
