import type { Figure } from '@shared/schemas/monitoring.js';

/**
 * Pure rules of the dashboards, apart from the figures themselves (those come from the engine) and
 * the targets of a period (shared/src/domain/iptt.ts, the same as the IPTT's).
 */

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Share (0–100) of the time from start to end already past on `today`; null without dates. */
export function elapsedShare(start: string | null, end: string | null, today: string): number | null {
  if (!start || !end) return null;
  const total = dayNumber(end) - dayNumber(start);
  if (total <= 0) return today >= start ? 100 : 0;
  return Math.min(100, Math.max(0, (100 * (dayNumber(today) - dayNumber(start))) / total));
}

export interface AreaFigure {
  locationId: string;
  name: string;
  pcode: string;
  figure: Figure;
}

/**
 * Highest and lowest areas by value, ties by name. Areas without a value are not ranked. With
 * fewer areas than twice the limit, the two lists share some.
 */
export function rankAreas(areas: readonly AreaFigure[], limit: number): { top: AreaFigure[]; bottom: AreaFigure[] } {
  const ranked = areas.filter((a) => a.figure.value !== null);
  const byName = (a: AreaFigure, b: AreaFigure) => a.name.localeCompare(b.name) || a.pcode.localeCompare(b.pcode);
  const top = [...ranked].sort((a, b) => b.figure.value! - a.figure.value! || byName(a, b)).slice(0, limit);
  const bottom = [...ranked].sort((a, b) => a.figure.value! - b.figure.value! || byName(a, b)).slice(0, limit);
  return { top, bottom };
}
