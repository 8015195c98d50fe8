import type { DashboardSummary } from '@shared/schemas/index.js';

export type RoundCompleteness = DashboardSummary['completeness'][number];

/**
 * One stacked bar per reporting period: approved, submitted but not yet approved, and not
 * submitted, which add up to what was expected. `submitted` counts approved packages too (as on
 * the round's board), so the middle segment is the difference.
 */
export interface CompletenessRow {
  periodKey: string;
  periodStart: string;
  dueDate: string;
  expected: number;
  approved: number;
  awaiting: number;
  missing: number;
  /** Submitted on or before the due date, as a share of what was expected (null when nothing was). */
  onTimePercent: number | null;
  /** Submitted at all, as a share of what was expected. */
  completePercent: number | null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : null);

export function completenessRows(rounds: readonly RoundCompleteness[]): CompletenessRow[] {
  return [...rounds]
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodKey.localeCompare(b.periodKey))
    .map((r) => {
      const approved = Math.max(0, Math.min(r.approved, r.expected));
      const submitted = Math.max(approved, Math.min(r.submitted, r.expected));
      return {
        periodKey: r.periodKey,
        periodStart: r.periodStart,
        dueDate: r.dueDate,
        expected: r.expected,
        approved,
        awaiting: submitted - approved,
        missing: r.expected - submitted,
        onTimePercent: share(Math.min(r.onTime, r.expected), r.expected),
        completePercent: share(submitted, r.expected),
      };
    });
}
