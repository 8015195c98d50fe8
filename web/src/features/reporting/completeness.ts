import type { SubmissionStatus } from '@shared/domain/submission-status.js';

/** The counts a round's board and the project's round list show, from its packages. */
export interface RoundCounts {
  /** Organisations reporting in the round. */
  total: number;
  /** Packages sent in and not sent back: waiting for review or approved. */
  submitted: number;
  /** Sent in, waiting for a reviewer. */
  waitingReview: number;
  approved: number;
  /** Not yet sent in and past the due date. */
  late: number;
}

export function roundCounts(submissions: readonly { status: SubmissionStatus; late: boolean }[]): RoundCounts {
  const counts: RoundCounts = { total: submissions.length, submitted: 0, waitingReview: 0, approved: 0, late: 0 };
  for (const s of submissions) {
    if (s.status === 'submitted') counts.waitingReview++;
    if (s.status === 'approved') counts.approved++;
    if (s.status === 'submitted' || s.status === 'approved') counts.submitted++;
    if (s.late) counts.late++;
  }
  return counts;
}

/** A whole-number percentage for a progress bar: 0 when nothing is expected, never above 100. */
export function percent(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

/** Newest period first; two rounds of the same period (different types) by the latest created. */
export function newestFirst<T extends { periodStart: string; periodEnd: string; createdAt: string }>(rounds: readonly T[]): T[] {
  return [...rounds].sort(
    (a, b) => b.periodStart.localeCompare(a.periodStart) || b.periodEnd.localeCompare(a.periodEnd) || b.createdAt.localeCompare(a.createdAt),
  );
}

/** What the board shows first: what needs the manager (waiting for review, late), then the rest by name. */
const STATUS_ORDER: Record<SubmissionStatus, number> = { submitted: 0, returned: 1, reopened: 2, draft: 3, approved: 4 };

export function boardOrder<T extends { status: SubmissionStatus; late: boolean; organisation: { name: string } }>(rows: readonly T[], locale: string): T[] {
  return [...rows].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      Number(b.late) - Number(a.late) ||
      a.organisation.name.localeCompare(b.organisation.name, locale),
  );
}
