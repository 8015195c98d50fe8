import type { DashboardSummary } from '@shared/schemas/index.js';

export type IndicatorProgress = DashboardSummary['progress'][number];

/** Bars stop here so one indicator far above its target does not squash every other bar. */
export const PROGRESS_CAP = 150;

/**
 * - met: at or above the target (the server's % met is already direction-aware);
 * - onTrack: a cumulative indicator that has reached at least the share of time elapsed (it
 *   is expected to grow with time; a rate or a "latest" value is measured against its target only);
 * - behind: anything else with a % met; none: no target or no value yet.
 */
export type ProgressStatus = 'met' | 'onTrack' | 'behind' | 'none';

export const STATUS_COLORS: Record<ProgressStatus, string> = { met: 'teal.6', onTrack: 'blue.6', behind: 'orange.6', none: 'gray.5' };

export function progressStatus(percentMet: number | null, cumulative: boolean, elapsed: number | null): ProgressStatus {
  if (percentMet === null || !Number.isFinite(percentMet)) return 'none';
  if (percentMet >= 100) return 'met';
  if (cumulative && elapsed !== null && percentMet >= elapsed) return 'onTrack';
  return 'behind';
}

export interface ProgressRow {
  indicatorId: string;
  code: string;
  name: string;
  percentMet: number | null;
  /** The bar's length: % met between 0 and PROGRESS_CAP (a decrease can go below 0 when things got worse). */
  bar: number | null;
  capped: boolean;
  status: ProgressStatus;
  color: string;
}

/** One row per indicator, in framework order; qualitative indicators have nothing to measure. */
export function progressRows(progress: readonly IndicatorProgress[], elapsed: number | null): ProgressRow[] {
  return progress
    .filter((p) => p.type !== 'qualitative')
    .map((p) => {
      const pm = p.percentMet !== null && Number.isFinite(p.percentMet) ? p.percentMet : null;
      const status = progressStatus(pm, p.cumulative, elapsed);
      return {
        indicatorId: p.indicatorId,
        code: p.code,
        name: p.name,
        percentMet: pm,
        bar: pm === null ? null : Math.min(Math.max(pm, 0), PROGRESS_CAP),
        capped: pm !== null && (pm > PROGRESS_CAP || pm < 0),
        status,
        color: STATUS_COLORS[status],
      };
    });
}

/** How many indicators are in each status, for the summary line above the chart. */
export function statusCounts(rows: readonly ProgressRow[]): Record<ProgressStatus, number> {
  const counts: Record<ProgressStatus, number> = { met: 0, onTrack: 0, behind: 0, none: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}
