/**
 * Reporting periods. Calendar dates are `YYYY-MM-DD` strings and are handled as UTC calendar
 * days, never as local times, so a period never shifts with the server's time zone.
 *
 * Fiscal years: an organisation's fiscal year starts in `fyStartMonth` (1 = January = calendar
 * year). A fiscal year is named after the calendar year in which it ENDS (the USAID and UK
 * Treasury convention): with an October start, FY2026 runs 2025-10-01 to 2026-09-30. Quarters
 * and semesters count from the fiscal year's start: Q1 of FY2026 is October–December 2025.
 * With a January start the keys are plain calendar ones (2026, 2026-Q1, 2026-H1).
 */
export const PERIOD_TYPES = ['month', 'quarter', 'semester', 'year', 'lop'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  /** Stable key: `2026-03`, `2026-Q1`, `FY2026-Q1`, `2026-H2`, `FY2026`, `2026`, `LOP`. */
  key: string;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const MONTHS_IN: Record<Exclude<PeriodType, 'lop'>, number> = { month: 1, quarter: 3, semester: 6, year: 12 };

function parse(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) throw new RangeError(`No such date: ${date}`);
  return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Months since year 0 (0-based month index), for arithmetic. */
const monthIndex = (y: number, m: number) => y * 12 + (m - 1);
const fromIndex = (i: number) => ({ y: Math.floor(i / 12), m: (i % 12) + 1 });

function checkFyStart(fyStartMonth: number) {
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) throw new RangeError(`Fiscal year start month must be 1–12, got ${fyStartMonth}`);
}

/** The period of a type that contains a date. `lop` needs the project's dates: use lifeOfProject(). */
export function periodOf(date: string, type: Exclude<PeriodType, 'lop'>, fyStartMonth = 1): Period {
  checkFyStart(fyStartMonth);
  const { y, m } = parse(date);
  const length = MONTHS_IN[type];
  // Months elapsed since the start of the fiscal year containing the date.
  const fyStartIndex = monthIndex(m >= fyStartMonth ? y : y - 1, fyStartMonth);
  const offset = monthIndex(y, m) - fyStartIndex;
  const firstIndex = type === 'month' ? monthIndex(y, m) : fyStartIndex + Math.floor(offset / length) * length;
  const first = fromIndex(firstIndex);
  const last = fromIndex(firstIndex + length - 1);
  const fyEndYear = fromIndex(fyStartIndex + 11).y;
  const fy = fyStartMonth === 1 ? String(fyEndYear) : `FY${fyEndYear}`;
  const key =
    type === 'month'
      ? `${pad(first.y, 4)}-${pad(first.m)}`
      : type === 'quarter'
        ? `${fy}-Q${Math.floor(offset / 3) + 1}`
        : type === 'semester'
          ? `${fy}-H${Math.floor(offset / 6) + 1}`
          : fy;
  return { type, key, start: ymd(first.y, first.m, 1), end: ymd(last.y, last.m, lastDay(last.y, last.m)) };
}

/** Every period of a type that overlaps [start, end], in order. Empty when end is before start. */
export function periodsBetween(start: string, end: string, type: PeriodType, fyStartMonth = 1): Period[] {
  parse(start);
  parse(end);
  if (end < start) return [];
  if (type === 'lop') return [lifeOfProject(start, end)];
  const out: Period[] = [];
  let p = periodOf(start, type, fyStartMonth);
  while (p.start <= end) {
    out.push(p);
    p = periodOf(nextDay(p.end), type, fyStartMonth);
  }
  return out;
}

export const lifeOfProject = (start: string, end: string): Period => ({ type: 'lop', key: 'LOP', start, end });

export function nextDay(date: string): string {
  const { y, m, d } = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whether a (finer) period lies wholly inside another, e.g. a month inside a quarter. */
export const isWithin = (inner: Pick<Period, 'start' | 'end'>, outer: Pick<Period, 'start' | 'end'>) =>
  inner.start >= outer.start && inner.end <= outer.end;
