import type { AreaRanking, Trend } from '@shared/schemas/index.js';
import { figureValue } from './figures.js';

/** A chart row of the trend: one per period, actual and target side by side (null = no point drawn). */
export interface TrendRow {
  key: string;
  start: string;
  end: string;
  actual: number | null;
  target: number | null;
  pending: boolean;
}

/**
 * A period that has not started has no actual: a cumulative indicator's running total would
 * otherwise run on flat to the end of the project, as if nothing more were going to happen.
 */
export function trendRows(trend: Trend, today = new Date().toISOString().slice(0, 10)): TrendRow[] {
  return trend.points.map((p) => ({
    key: p.key,
    start: p.start,
    end: p.end,
    actual: p.start > today ? null : figureValue(p.actual),
    target: p.target !== null && Number.isFinite(p.target) ? p.target : null,
    pending: p.actual?.pending ?? false,
  }));
}

/** Whether a trend has anything to draw; an empty chart with axes only reads as "all zero". */
export const hasTrendData = (rows: readonly TrendRow[]) => rows.some((r) => r.actual !== null || r.target !== null);

export interface AreaRow {
  locationId: string;
  name: string;
  pcode: string;
  value: number;
  pending: boolean;
}

const areaRow = (a: AreaRanking['top'][number]): AreaRow | null => {
  const value = figureValue(a.figure);
  return value === null ? null : { locationId: a.locationId, name: a.name, pcode: a.pcode, value, pending: a.figure.pending };
};

/**
 * The highest and the lowest places. With few places the two lists overlap; a place is then shown
 * only among the highest, so no bar appears twice. Places without a value are left out (never zero).
 */
export function rankingRows(ranking: AreaRanking): { top: AreaRow[]; bottom: AreaRow[] } {
  const top = ranking.top.map(areaRow).filter((r): r is AreaRow => r !== null);
  const seen = new Set(top.map((r) => r.locationId));
  const bottom = ranking.bottom
    .map(areaRow)
    .filter((r): r is AreaRow => r !== null && !seen.has(r.locationId))
    .sort((a, b) => a.value - b.value);
  return { top: top.sort((a, b) => b.value - a.value), bottom };
}
