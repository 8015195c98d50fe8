import { currentLocale } from '../../../i18n/index.js';

/** January…December in the interface language, for a fiscal-year start select (values 1–12). */
export function monthOptions(): { value: string; label: string }[] {
  const fmt = new Intl.DateTimeFormat(currentLocale(), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: fmt.format(new Date(Date.UTC(2024, i, 1))) }));
}

export const monthName = (month: number) => monthOptions()[month - 1]?.label ?? String(month);
