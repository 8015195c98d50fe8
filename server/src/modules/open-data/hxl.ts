/**
 * HXL (Humanitarian Exchange Language, https://hxlstandard.org) conventions used by the open-data
 * exports. A hashtag is `#tag` followed by `+attribute`s, all lowercase letters, digits and
 * underscores, starting with a letter (HXL 1.1 syntax). docs/open-data.md lists every column.
 */
export const HXL_HASHTAG = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;

export const isHxlHashtag = (text: string): boolean => HXL_HASHTAG.test(text);

/** One option of a value's disaggregation combination, as the mapping needs it. */
export interface HxlOption {
  /** The category's kind: sex, age, disability, displacement or custom. */
  kind: string;
  code: string;
  minAge: number | null;
  maxAge: number | null;
}

/** HXL's people attributes a combination can map to. */
export type SexAttribute = 'f' | 'm';
export type AgeAttribute = 'children' | 'adults';

// Option codes of a sex category that clearly mean one sex (the standard category uses female/male).
const FEMALE = new Set(['female', 'f', 'women', 'woman', 'femme', 'femmes', 'feminin', 'féminin', 'femenino', 'mujer', 'mujeres']);
const MALE = new Set(['male', 'm', 'men', 'man', 'homme', 'hommes', 'masculin', 'masculino', 'hombre', 'hombres']);

/**
 * The HXL attributes of a disaggregation combination, or null when it does not map cleanly.
 * Clean: only sex and age options; a sex option whose code says female or male (+f, +m); an age
 * band wholly under 18 (+children) or wholly 18 and over (+adults), the HXL chooser's meanings.
 * Anything else (disability, displacement, custom categories, a band such as 15–24 that straddles
 * 18, a third sex option) is not mapped: its label goes in the #meta+disaggregation column only.
 * The empty combination (the total) maps to no attribute.
 */
export function peopleAttributes(options: readonly HxlOption[]): { sex?: SexAttribute; age?: AgeAttribute } | null {
  const out: { sex?: SexAttribute; age?: AgeAttribute } = {};
  for (const o of options) {
    if (o.kind === 'sex' && !out.sex) {
      const code = o.code.trim().toLowerCase();
      if (FEMALE.has(code)) out.sex = 'f';
      else if (MALE.has(code)) out.sex = 'm';
      else return null;
    } else if (o.kind === 'age' && !out.age && o.minAge !== null) {
      if (o.maxAge !== null && o.maxAge < 18) out.age = 'children';
      else if (o.minAge >= 18) out.age = 'adults';
      else return null;
    } else return null;
  }
  return out;
}

/** The value columns with people attributes, in the order they appear after the plain value column. */
export const ATTRIBUTE_COLUMNS = ['f', 'm', 'children', 'adults', 'f+children', 'f+adults', 'm+children', 'm+adults'] as const;
export type AttributeColumn = (typeof ATTRIBUTE_COLUMNS)[number];

/** Which attribute column a mapped combination's value goes in; null for the plain value column (the total). */
export function attributeColumnOf(attrs: { sex?: SexAttribute; age?: AgeAttribute }): AttributeColumn | null {
  const key = [attrs.sex, attrs.age].filter(Boolean).join('+');
  return key ? (key as AttributeColumn) : null;
}
