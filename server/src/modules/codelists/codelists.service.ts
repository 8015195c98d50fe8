import type { CodelistItem } from '@shared/schemas/index.js';
import type { Locale } from '@shared/locales.js';
import activityStatuses from './data/activity-statuses.json' with { type: 'json' };
import currencies from './data/currencies.json' with { type: 'json' };
import organisationTypes from './data/organisation-types.json' with { type: 'json' };
import sectors from './data/sectors.json' with { type: 'json' };

interface RawItem {
  code: string;
  name: Record<string, string | undefined>;
  category?: string;
}

const lists: Record<string, RawItem[]> = {
  sectors,
  currencies,
  'organisation-types': organisationTypes,
  'activity-statuses': activityStatuses,
};

const codeSets = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, new Set(v.map((i) => i.code))]));

/** Names in the reader's language where the IATI codelist has it (English and French), else English. */
export function codelist(name: string, locale: Locale): CodelistItem[] {
  return (lists[name] ?? []).map((i) => ({
    code: i.code,
    name: i.name[locale] ?? i.name.en ?? i.code,
    ...(i.category ? { category: i.category } : {}),
  }));
}

export const isKnownCode = (list: 'sectors' | 'currencies', code: string): boolean => codeSets[list]?.has(code) ?? false;
