import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales.js';
import { REPORT_TEXTS } from './report.texts.js';

/** Every path to a string, e.g. `iptt.caption`, with the placeholders it uses. */
function leaves(value: unknown, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof value === 'string') out.set(prefix, [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort());
  else for (const [k, v] of Object.entries(value as object)) for (const [p, ph] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, ph);
  return out;
}

describe('report texts', () => {
  it('has every text in every language, non-empty, with the same placeholders', () => {
    const english = leaves(REPORT_TEXTS.en);
    for (const locale of LOCALES) {
      const texts = leaves(REPORT_TEXTS[locale]);
      expect([...texts.keys()], locale).toEqual([...english.keys()]);
      for (const [path, placeholders] of english) expect(texts.get(path), `${locale} ${path}`).toEqual(placeholders);
      for (const path of english.keys()) expect(path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], REPORT_TEXTS[locale]), `${locale} ${path}`).not.toBe('');
    }
  });
});
