import type { MyReporting } from '@shared/schemas/index.js';

type ManagedRound = MyReporting['rounds'][number];

/** Anything at all for the reader in "Your reporting": packages, managed rounds or reminders. */
export function hasReportingWork(m: MyReporting): boolean {
  return m.due.length + m.overdue.length + m.returned.length + m.toReview.length + m.rounds.length + m.reminders.length > 0;
}

/** Rounds shown before "show all": a manager of many projects sees the ones still needing work first. */
export const MANAGED_ROUNDS_SHOWN = 6;

/**
 * Rounds with packages still to approve first, the most late and then the earliest due at the top;
 * fully approved rounds after them, the latest first.
 */
export function managedRoundsByUrgency(rounds: readonly ManagedRound[]): ManagedRound[] {
  const done = (r: ManagedRound) => r.total > 0 && r.approved >= r.total;
  return [...rounds].sort((a, b) => {
    if (done(a) !== done(b)) return done(a) ? 1 : -1;
    if (done(a)) return b.dueDate.localeCompare(a.dueDate);
    return b.late - a.late || a.dueDate.localeCompare(b.dueDate) || a.projectCode.localeCompare(b.projectCode);
  });
}
