import type { CategoryKind } from '@shared/domain/disaggregations.js';
import type { DisaggregationCategory, DisaggregationOption } from '@shared/schemas/index.js';
import { cleanTranslations } from '../../results/TranslationsInput.js';

/** The schema's limit: beyond fifty options a table by category is unreadable anyway. */
export const MAX_OPTIONS = 50;

/** One option as edited. `key` keeps React rows stable while options are added and reordered. */
export interface OptionDraft {
  key: string;
  /** Set for an option that already exists: it keeps its id, and so every target recorded for it. */
  id?: string;
  code: string;
  label: string;
  labels: Record<string, string>;
  minAge: number | string;
  maxAge: number | string;
  showTranslations: boolean;
}

export interface CategoryDraft {
  code: string;
  name: string;
  names: Record<string, string>;
  kind: CategoryKind;
  options: OptionDraft[];
}

let counter = 0;
const nextKey = () => `new-${++counter}`;

export const newOption = (): OptionDraft => ({ key: nextKey(), code: '', label: '', labels: {}, minAge: '', maxAge: '', showTranslations: false });

const fromOption = (o: DisaggregationOption): OptionDraft => ({
  key: o.id,
  id: o.id,
  code: o.code,
  label: o.label,
  labels: o.labels,
  minAge: o.minAge ?? '',
  maxAge: o.maxAge ?? '',
  showTranslations: false,
});

export const draftOf = (c: DisaggregationCategory | null): CategoryDraft =>
  c
    ? { code: c.code, name: c.name, names: c.names, kind: c.kind, options: [...c.options].sort((a, b) => a.position - b.position).map(fromOption) }
    : { code: '', name: '', names: {}, kind: 'custom', options: [newOption(), newOption()] };

const age = (v: number | string) => (v === '' ? null : Number(v));

/** The options as the API takes them; ages only for age bands, so switching kind leaves no stray numbers. */
export const optionsBody = (options: OptionDraft[], ageBands: boolean) =>
  options.map((o) => ({
    ...(o.id && { id: o.id }),
    code: o.code.trim(),
    label: o.label.trim(),
    labels: cleanTranslations(o.labels),
    minAge: ageBands ? age(o.minAge) : null,
    maxAge: ageBands ? age(o.maxAge) : null,
  }));
