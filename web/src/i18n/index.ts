import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Locale, LOCALES, pickLocale, RTL_LOCALES } from '@shared/locales.js';

/**
 * Interface texts live in locales/<language>/<namespace>.json and are fetched only when a page
 * needs them, so a field office downloads one language, not four.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => {},
  read(language, namespace, callback) {
    const load = files[`./locales/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (m) => callback(null, m.default),
      (err: Error) => callback(err, false),
    );
  },
};

const STORAGE_KEY = 'fieldbook.locale';

export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : pickLocale(navigator.languages);
}

/** Sets the language and the page direction (Arabic is right-to-left). */
export async function applyLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export async function initI18n(): Promise<void> {
  const lng = initialLocale();
  await i18n
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      ns: ['common'],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes what it renders.
      react: { useSuspense: true },
      returnNull: false,
    });
  await applyLocale(lng, false);
}

export const currentLocale = (): Locale => (i18n.language as Locale) ?? 'en';

export default i18n;
