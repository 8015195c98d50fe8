/** Interface languages. Arabic is laid out right-to-left. */
export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header or navigator.languages. */
export function pickLocale(preferences: string | readonly string[] | undefined, fallback: Locale = 'en'): Locale {
  if (!preferences) return fallback;
  const list =
    typeof preferences === 'string'
      ? preferences
          .split(',')
          .map((part) => {
            const [tag = '', ...params] = part.trim().split(';');
            const q = params.find((p) => p.trim().startsWith('q='));
            return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
          })
          // q=0 means "not acceptable" (RFC 9110), not "least preferred".
          .filter((p) => p.tag && !Number.isNaN(p.q) && p.q > 0)
          .sort((a, b) => b.q - a.q)
          .map((p) => p.tag)
      : preferences;
  for (const tag of list) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return fallback;
}
