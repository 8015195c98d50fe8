import type { Locale } from '../locales.js';

/**
 * Disaggregations. An organisation keeps categories (sex, age bands, disability…) with their
 * options; an indicator picks categories, in order. A value or target is for one combination
 * of options, identified by a key: the option ids joined by `|` in the indicator's category
 * order. A key may leave categories out (a target "by sex" on a sex × age indicator); '' is the total.
 */
export const CATEGORY_KINDS = ['sex', 'age', 'disability', 'displacement', 'custom'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

type Labels = Record<Locale, string>;
export interface StandardCategory {
  code: string;
  kind: CategoryKind;
  names: Labels;
  options: { code: string; labels: Labels; minAge?: number; maxAge?: number | null }[];
}

/** What every new organisation starts with; age bands follow the humanitarian standard (0–4, 5–11, 12–17, 18–59, 60+). */
export const STANDARD_CATEGORIES: StandardCategory[] = [
  {
    code: 'sex', kind: 'sex',
    names: { en: 'Sex', fr: 'Sexe', es: 'Sexo', ar: 'الجنس' },
    options: [
      { code: 'female', labels: { en: 'Female', fr: 'Féminin', es: 'Femenino', ar: 'أنثى' } },
      { code: 'male', labels: { en: 'Male', fr: 'Masculin', es: 'Masculino', ar: 'ذكر' } },
    ],
  },
  {
    code: 'age', kind: 'age',
    names: { en: 'Age', fr: 'Âge', es: 'Edad', ar: 'العمر' },
    options: [
      { code: '0-4', labels: { en: '0–4 years', fr: '0–4 ans', es: '0–4 años', ar: '0–4 سنوات' }, minAge: 0, maxAge: 4 },
      { code: '5-11', labels: { en: '5–11 years', fr: '5–11 ans', es: '5–11 años', ar: '5–11 سنة' }, minAge: 5, maxAge: 11 },
      { code: '12-17', labels: { en: '12–17 years', fr: '12–17 ans', es: '12–17 años', ar: '12–17 سنة' }, minAge: 12, maxAge: 17 },
      { code: '18-59', labels: { en: '18–59 years', fr: '18–59 ans', es: '18–59 años', ar: '18–59 سنة' }, minAge: 18, maxAge: 59 },
      { code: '60+', labels: { en: '60 years and over', fr: '60 ans et plus', es: '60 años y más', ar: '60 سنة فأكثر' }, minAge: 60, maxAge: null },
    ],
  },
  {
    // Washington Group Short Set: "with disability" = a lot of difficulty or cannot do at all in at least one domain.
    code: 'disability', kind: 'disability',
    names: { en: 'Disability (Washington Group)', fr: 'Handicap (Groupe de Washington)', es: 'Discapacidad (Grupo de Washington)', ar: 'الإعاقة (فريق واشنطن)' },
    options: [
      { code: 'with', labels: { en: 'With disability', fr: 'Avec handicap', es: 'Con discapacidad', ar: 'ذوو إعاقة' } },
      { code: 'without', labels: { en: 'Without disability', fr: 'Sans handicap', es: 'Sin discapacidad', ar: 'بدون إعاقة' } },
    ],
  },
  {
    code: 'displacement', kind: 'displacement',
    names: { en: 'Displacement status', fr: 'Statut de déplacement', es: 'Situación de desplazamiento', ar: 'وضع النزوح' },
    options: [
      { code: 'idp', labels: { en: 'Internally displaced', fr: 'Déplacé interne', es: 'Desplazado interno', ar: 'نازح داخليًا' } },
      { code: 'refugee', labels: { en: 'Refugee', fr: 'Réfugié', es: 'Refugiado', ar: 'لاجئ' } },
      { code: 'returnee', labels: { en: 'Returnee', fr: 'Retourné', es: 'Retornado', ar: 'عائد' } },
      { code: 'host', labels: { en: 'Host community', fr: 'Communauté hôte', es: 'Comunidad de acogida', ar: 'المجتمع المضيف' } },
    ],
  },
];

export interface CategoryOptions {
  id: string;
  options: { id: string }[];
}

/** Every full combination of the categories' options, first category varying slowest: sex × age = F 0–4, F 5–11, … M 60+. */
export function combinations(categories: CategoryOptions[]): string[][] {
  return categories.reduce<string[][]>((acc, c) => acc.flatMap((prefix) => c.options.map((o) => [...prefix, o.id])), [[]]);
}

/**
 * The canonical key of a set of options: ordered by the indicator's categories, so the same cell
 * always has the same key whatever order the options were sent in. Throws (with the reason) when
 * an option is not in the indicator's categories or two options share a category.
 */
export function disaggregationKey(optionIds: readonly string[], categories: CategoryOptions[]): string {
  const categoryOf = new Map<string, number>();
  categories.forEach((c, i) => c.options.forEach((o) => categoryOf.set(o.id, i)));
  const byCategory = new Map<number, string>();
  for (const id of optionIds) {
    const i = categoryOf.get(id);
    if (i === undefined) throw new DisaggregationError('unknown_option', id);
    if (byCategory.has(i)) throw new DisaggregationError('same_category_twice', id);
    byCategory.set(i, id);
  }
  return [...byCategory.entries()].sort(([a], [b]) => a - b).map(([, id]) => id).join('|');
}

export const optionIdsOf = (key: string): string[] => (key === '' ? [] : key.split('|'));

export class DisaggregationError extends Error {
  constructor(
    readonly reason: 'unknown_option' | 'same_category_twice',
    readonly optionId: string,
  ) {
    super(`${reason}: ${optionId}`);
  }
}

/** Age bands must not overlap; returns the codes of the first overlapping pair, or null. */
export function overlappingAgeBands(bands: { code: string; minAge: number | null; maxAge: number | null }[]): [string, string] | null {
  const sorted = bands.filter((b) => b.minAge !== null).sort((a, b) => a.minAge! - b.minAge!);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (prev.maxAge === null || prev.maxAge >= sorted[i]!.minAge!) return [prev.code, sorted[i]!.code];
  }
  return null;
}
