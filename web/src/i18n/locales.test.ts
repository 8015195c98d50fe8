import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales.js';

const DIR = path.join(import.meta.dirname, 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>(
    (out, [k, v]) => (typeof v === 'string' ? { ...out, [prefix + k]: v } : { ...out, ...flatten(v, `${prefix}${k}.`) }),
    {},
  );
const read = (locale: string, file: string) => flatten(JSON.parse(fs.readFileSync(path.join(DIR, locale, file), 'utf8')) as Tree);
/** Keys without their plural suffix: languages have different plural forms (Arabic six, English two). */
const baseKeys = (texts: Record<string, string>) => [...new Set(Object.keys(texts).map((k) => k.replace(PLURAL, '')))].sort();

describe('interface texts', () => {
  const namespaces = fs.readdirSync(path.join(DIR, 'en')).filter((f) => f.endsWith('.json'));

  for (const file of namespaces) {
    it(`${file} has the same keys in every language`, () => {
      const en = baseKeys(read('en', file));
      for (const locale of LOCALES) expect({ locale, keys: baseKeys(read(locale, file)) }).toEqual({ locale, keys: en });
    });

    it(`${file} gives Arabic every plural form`, () => {
      const ar = read('ar', file);
      const plurals = new Set(Object.keys(ar).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      for (const key of plurals) {
        const forms = ['zero', 'one', 'two', 'few', 'many', 'other'].filter((f) => `${key}_${f}` in ar);
        expect({ key, forms }).toEqual({ key, forms: ['zero', 'one', 'two', 'few', 'many', 'other'] });
      }
    });
  }
});
