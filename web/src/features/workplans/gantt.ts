/**
 * The Gantt chart's arithmetic, free of React: calendar dates (`YYYY-MM-DD`, no time zone) become
 * fractions of the plan's window, expressed as percentages from the window's START edge. The page
 * places them with logical CSS (`inset-inline-start`, `inline-size`), so the same numbers draw left to
 * right in English and right to left in Arabic without any mirroring here.
 */

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date (UTC, so no daylight-saving hour moves a bar). */
export function dayNumber(date: string): number {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not a calendar date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The window a chart shows: whole days from `start` to `end`, both included. */
export interface GanttWindow {
  start: string;
  end: string;
}

/** Number of days the window covers (both ends included). */
export const windowDays = (w: GanttWindow): number => dayNumber(w.end) - dayNumber(w.start) + 1;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
/** Rounded to 1/1000 of a percent: enough for a pixel on any screen, and stable in tests and attributes. */
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Where the START of a day sits, as a percentage of the window (0 = window start, 100 = the end of
 * its last day). Dates outside the window are clamped to its edges.
 */
export function offsetOf(date: string, w: GanttWindow): number {
  return round(clamp(((dayNumber(date) - dayNumber(w.start)) / windowDays(w)) * 100, 0, 100));
}

/** Where the MIDDLE of a day sits (for a marker or the "today" line), or null outside the window. */
export function pointOf(date: string, w: GanttWindow): number | null {
  const d = dayNumber(date);
  if (d < dayNumber(w.start) || d > dayNumber(w.end)) return null;
  return round(((d - dayNumber(w.start) + 0.5) / windowDays(w)) * 100);
}

/** A bar: where it starts and how wide it is (percent of the window), and whether the window cut it. */
export interface BarSpan {
  start: number;
  width: number;
  /** It began before the window (its start edge is drawn open). */
  cutStart: boolean;
  /** It goes on after the window. */
  cutEnd: boolean;
}

/**
 * The bar of an inclusive date range (`from` and `to` both count, so a one-day task has one day's width),
 * or null when the range lies wholly outside the window or ends before it starts.
 */
export function spanOf(from: string, to: string, w: GanttWindow): BarSpan | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const ws = dayNumber(w.start);
  const we = dayNumber(w.end);
  if (b < a || b < ws || a > we) return null;
  const start = offsetOf(fromDayNumber(Math.max(a, ws)), w);
  const end = round(((Math.min(b, we) - ws + 1) / windowDays(w)) * 100);
  return { start, width: round(end - start), cutStart: a < ws, cutEnd: b > we };
}

/**
 * The actual bar: from the actual start to the actual end, or to today while the activity is under way.
 * No actual start means nothing to draw. An actual end is used as given; without one the bar never runs
 * past today (a start recorded in the future is shown as a one-day bar on that day).
 */
export function actualRange(actualStart: string | null, actualEnd: string | null, today: string): { from: string; to: string; ongoing: boolean } | null {
  if (!actualStart) return null;
  if (actualEnd) return { from: actualStart, to: actualEnd < actualStart ? actualStart : actualEnd, ongoing: false };
  return { from: actualStart, to: today < actualStart ? actualStart : today, ongoing: true };
}

/** The months of the window, each with where it starts and how wide it is, for the header and the grid lines. */
export interface MonthColumn {
  /** `2026-03` */
  key: string;
  start: number;
  width: number;
}

export function monthColumns(w: GanttWindow): MonthColumn[] {
  const out: MonthColumn[] = [];
  const last = dayNumber(w.end);
  let cursor = dayNumber(w.start);
  while (cursor <= last) {
    const date = fromDayNumber(cursor);
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const nextMonth = Math.round(Date.UTC(y, m, 1) / DAY_MS);
    const end = Math.min(nextMonth - 1, last);
    const span = spanOf(date, fromDayNumber(end), w)!;
    out.push({ key: date.slice(0, 7), start: span.start, width: span.width });
    cursor = end + 1;
  }
  return out;
}

/** Overdue: the planned end has passed and the activity is neither done nor cancelled (the rule the server uses). */
export function isOverdue(a: { plannedEnd: string; status: string }, today: string): boolean {
  return a.plannedEnd < today && a.status !== 'done' && a.status !== 'cancelled';
}

/** Clamps a percentage to a whole number from 0 to 100 (what the fill of the actual bar shows). */
export const completeFraction = (percent: number): number => clamp(Math.round(percent), 0, 100);

/** Calendar quarter `q` (1–4) of `year` as planned dates: 2026 Q2 → 2026-04-01 … 2026-06-30. */
export function quarterRange(year: number, q: number): { start: string; end: string } {
  const startMonth = (q - 1) * 3;
  const start = fromDayNumber(Math.round(Date.UTC(year, startMonth, 1) / DAY_MS));
  const end = fromDayNumber(Math.round(Date.UTC(year, startMonth + 3, 1) / DAY_MS) - 1);
  return { start, end };
}

/** From quarter `from` to quarter `to` of a year (inclusive), as planned start and end. */
export function quartersRange(year: number, from: number, to: number): { start: string; end: string } {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return { start: quarterRange(year, a).start, end: quarterRange(year, b).end };
}

/** Groups rows under their result node, keeping the order rows come in; rows without a node come last. */
export function groupByNode<T extends { resultNodeId: string | null }>(rows: readonly T[]): { nodeId: string | null; rows: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const r of rows) {
    const list = groups.get(r.resultNodeId);
    if (list) list.push(r);
    else groups.set(r.resultNodeId, [r]);
  }
  const out = [...groups.entries()].map(([nodeId, list]) => ({ nodeId, rows: list }));
  return [...out.filter((g) => g.nodeId !== null), ...out.filter((g) => g.nodeId === null)];
}
