import type { LibraryIndicator } from '@shared/schemas/index.js';
import { type DefinitionFormState, definitionFields, initialDefinition } from '../results/definition-form.js';

/** Periods an entry can be collected in (the life-of-project "period" is for targets, not collection). */
export const FREQUENCIES = ['month', 'quarter', 'semester', 'year'] as const;

/**
 * What stays fixed while project indicators are linked to an entry: values recorded under one
 * definition must still add up with those recorded under the next (the server refuses too).
 */
export const LOCKED_WHEN_ADOPTED = ['type', 'unit', 'direction', 'timeAggregation', 'locationAggregation', 'cumulative', 'categoryIds'] as const;

export interface LibraryFormState extends DefinitionFormState {
  source: string;
}

export const initialForm = (i?: LibraryIndicator | null): LibraryFormState => ({ ...initialDefinition(i), source: i?.source ?? '' });

/** The body's fields; empty required inputs become missing, so the schema says "required", not "invalid". */
export const toBody = (f: LibraryFormState) => ({ ...definitionFields(f), source: f.source });

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so the audit entry lists exactly the fields that were edited. */
export function changedFields(f: LibraryFormState, entry: LibraryIndicator): Record<string, unknown> {
  const before = toBody(initialForm(entry));
  return Object.fromEntries(Object.entries(toBody(f)).filter(([k, v]) => !same(v, before[k as keyof typeof before])));
}
