import { currentLocale } from '../i18n/index.js';

/**
 * The formatting locale: the browser's regional variant of the interface language when it has one
 * (en-GB writes 31 Dec 2026, en-US Dec 31, 2026), and Latin digits in Arabic too, because programme
 * staff compare figures with spreadsheets and donor reports.
 */
function tag(locale: string): string {
  if (locale === 'ar') return 'ar-u-nu-latn';
  return navigator.languages?.find((l) => l.toLowerCase().startsWith(`${locale}-`)) ?? locale;
}

/** `2026-03-01` → "1 Mar 2026" / "1 mars 2026" / "١ مارس ٢٠٢٦" in the user's language; calendar dates are not shifted by time zone. */
export function formatDate(isoDate: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
  if (!isoDate) return '—';
  const d = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(tag(currentLocale()), { dateStyle: style, timeZone: isoDate.length === 10 ? 'UTC' : undefined }).format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(tag(currentLocale()), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "10:42" (or "10:42 AM" where the region writes it so), for "saved at" lines. */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(tag(currentLocale()), { timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(n: number | null | undefined, options?: Intl.NumberFormatOptions): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(tag(currentLocale()), options).format(n);
}

/** A place's name in the user's language when the location carries one, else its default name. */
export function placeName(location: { name: string; names?: Record<string, string> }): string {
  return location.names?.[currentLocale()] || location.name;
}
