import type { Indicator, LibraryIndicator } from '@shared/schemas/index.js';
import { cleanTranslations } from './TranslationsInput.js';

/**
 * The form state of what an indicator measures and how its values add up: the fields the
 * indicator form and the library entry form share (the server shares them too, as
 * `indicatorDefinitionFields`).
 */
export interface DefinitionFormState {
  code: string;
  name: string;
  names: Record<string, string>;
  definition: string;
  definitions: Record<string, string>;
  unit: string;
  type: Indicator['type'] | '';
  direction: Indicator['direction'];
  timeAggregation: Indicator['timeAggregation'];
  locationAggregation: Indicator['locationAggregation'];
  cumulative: boolean;
  meansOfVerification: string;
  dataSource: string;
  collectionMethod: string;
  frequency: Indicator['frequency'];
  categoryIds: string[];
}

export const initialDefinition = (i?: Indicator | LibraryIndicator | null): DefinitionFormState => ({
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
  categoryIds: i?.categoryIds ?? [],
});

/** Empty text becomes missing, so the schema says "required" rather than "invalid". */
export const blank = (s: string) => (s.trim() === '' ? undefined : s);

/** The request fields for the definition. */
export const definitionFields = (f: DefinitionFormState) => ({
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
  categoryIds: f.categoryIds,
});
