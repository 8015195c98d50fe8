import { type Locale, LOCALES } from '@shared/locales.js';
import { currentLocale } from '../../../i18n/index.js';

/**
 * A language's name in the reader's language ("French", "Français", "الفرنسية"), from the browser's
 * own tables; capitalised, as it stands alone in a list (French and Spanish write it in lower case in a sentence).
 */
export function languageName(code: Locale, reader: Locale = currentLocale()): string {
  try {
    const name = new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(reader) + name.slice(1);
  } catch {
    return code;
  }
}

export const languageOptions = (reader: Locale = currentLocale()) => LOCALES.map((l) => ({ value: l, label: languageName(l, reader) }));
