import type { LibraryIndicator } from '@shared/schemas/index.js';
import { cleanTranslations } from '../results/TranslationsInput.js';

/** Periods an entry can be collected in (the life-of-project "period" is for targets, not collection). */
export const FREQUENCIES = ['month', 'quarter', 'semester', 'year'] as const;

/**
 * What stays fixed while project indicators are linked to an entry: values recorded under one
 * definition must still add up with those recorded under the next (the server refuses too).
 */
export const LOCKED_WHEN_ADOPTED = ['type', 'unit', 'direction', 'timeAggregation', 'locationAggregation', 'cumulative', 'categoryIds'] as const;

export interface LibraryFormState {
  code: string;
  name: string;
  names: Record<string, string>;
  definition: string;
  definitions: Record<string, string>;
  unit: string;
  type: LibraryIndicator['type'] | '';
  direction: LibraryIndicator['direction'];
  timeAggregation: LibraryIndicator['timeAggregation'];
  locationAggregation: LibraryIndicator['locationAggregation'];
  cumulative: boolean;
  meansOfVerification: string;
  dataSource: string;
  collectionMethod: string;
  frequency: LibraryIndicator['frequency'];
  source: string;
  categoryIds: string[];
}

export const initialForm = (i?: LibraryIndicator | null): LibraryFormState => ({
  code: i?.code ?? '',
  name: i?.name ?? '',
  names: i?.names ?? {},
  definition: i?.definition ?? '',
  definitions: i?.definitions ?? {},
  unit: i?.unit ?? '',
  type: i?.type ?? '',
  direction: i?.direction ?? 'increase',
  timeAggregation: i?.timeAggregation ?? 'sum',
  locationAggregation: i?.locationAggregation ?? 'sum',
  cumulative: i?.cumulative ?? false,
  meansOfVerification: i?.meansOfVerification ?? '',
  dataSource: i?.dataSource ?? '',
  collectionMethod: i?.collectionMethod ?? '',
  frequency: i?.frequency ?? 'quarter',
  source: i?.source ?? '',
  categoryIds: i?.categoryIds ?? [],
});

const blank = (s: string) => (s.trim() === '' ? undefined : s);

/** The body's fields; empty required inputs become missing, so the schema says "required", not "invalid". */
export const toBody = (f: LibraryFormState) => ({
  code: blank(f.code),
  name: blank(f.name),
  names: cleanTranslations(f.names),
  definition: f.definition,
  definitions: cleanTranslations(f.definitions),
  unit: f.unit,
  type: f.type || undefined,
  direction: f.direction,
  timeAggregation: f.timeAggregation,
  locationAggregation: f.locationAggregation,
  cumulative: f.cumulative,
  meansOfVerification: f.meansOfVerification,
  dataSource: f.dataSource,
  collectionMethod: f.collectionMethod,
  frequency: f.frequency,
  source: f.source,
  categoryIds: f.categoryIds,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so the audit entry lists exactly the fields that were edited. */
export function changedFields(f: LibraryFormState, entry: LibraryIndicator): Record<string, unknown> {
  const before = toBody(initialForm(entry));
  return Object.fromEntries(Object.entries(toBody(f)).filter(([k, v]) => !same(v, before[k as keyof typeof before])));
}
