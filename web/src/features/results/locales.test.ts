import { describe, expect, it } from 'vitest';
import ar from '../../i18n/locales/ar/results.json' with { type: 'json' };
import en from '../../i18n/locales/en/results.json' with { type: 'json' };
import es from '../../i18n/locales/es/results.json' with { type: 'json' };
import fr from '../../i18n/locales/fr/results.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** The plural forms i18next asks for in each language (Intl.PluralRules categories). */
const forms = { fr: ['one', 'other'], es: ['one', 'other'], ar: ['zero', 'one', 'two', 'few', 'many', 'other'] } as const;

describe('results texts', () => {
  const base = flatten(en as Tree);
  const singular = [...base.keys()].filter((k) => !PLURAL.test(k));
  const plurals = [...new Set([...base.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];

  for (const [lang, tree] of Object.entries({ fr, es, ar })) {
    const texts = flatten(tree as Tree);
    it(`has every English text in ${lang}, with the same placeholders`, () => {
      const missing = singular.filter((k) => !texts.has(k));
      expect(missing).toEqual([]);
      const different = singular.filter((k) => placeholders(texts.get(k)!).join() !== placeholders(base.get(k)!).join());
      expect(different).toEqual([]);
    });
    it(`has every plural form ${lang} needs`, () => {
      const missing = plurals.flatMap((k) => forms[lang as keyof typeof forms].map((f) => `${k}_${f}`)).filter((k) => !texts.has(k));
      expect(missing).toEqual([]);
    });
  }
});
