import { isEditable, type SubmissionStatus } from '@shared/domain/submission-status.js';
import type { Round, SubmissionSummary } from '@shared/schemas/reporting.js';
import type { RoundRow, SubmissionRow } from './rounds.repository.js';

/** Today's calendar date in UTC: due dates are calendar days, never local times. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/** Not yet submitted and past the due date (the due date itself is still on time). */
export const isLate = (status: string, dueDate: string, today: string) => isEditable(status as SubmissionStatus) && today > dueDate;

/** Whole days from `today` to `dueDate`; negative when overdue. */
export const daysBetween = (today: string, dueDate: string) => Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

export interface SummaryFacts {
  locationIds: string[];
  filled: number;
  indicatorCount: number;
  openComments: number;
  dueDate: string;
  today: string;
}

export function toSubmissionSummary(s: SubmissionRow, f: SummaryFacts): SubmissionSummary {
  return {
    id: s.id,
    roundId: s.round_id,
    organisation: { id: s.organisation_id, name: s.organisation_name, acronym: s.organisation_acronym },
    status: s.status as SubmissionStatus,
    version: s.version,
    locationIds: f.locationIds,
    submittedAt: s.submitted_at,
    submittedBy: s.submitted_by ? { id: s.submitted_by, name: s.submitted_by_name ?? '' } : null,
    decidedAt: s.decided_at,
    decidedBy: s.decided_by ? { id: s.decided_by, name: s.decided_by_name ?? '' } : null,
    filledCount: f.filled,
    expectedCount: f.indicatorCount * Math.max(1, f.locationIds.length),
    late: isLate(s.status, f.dueDate, f.today),
    openComments: f.openComments,
  };
}

export function toRound(r: RoundRow, indicatorIds: string[], submissions: SubmissionSummary[], canManage: boolean): Round {
  return {
    id: r.id,
    projectId: r.project_id,
    projectCode: r.project_code,
    projectTitle: r.project_title,
    periodType: r.period_type as Round['periodType'],
    periodKey: r.period_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueDate: r.due_date,
    title: r.title,
    status: r.status as Round['status'],
    indicatorIds,
    submissions,
    canManage,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What the audit log keeps of a round: its settings and each organisation's places. */
export const auditableRound = (r: Pick<RoundRow, 'period_type' | 'period_key' | 'due_date' | 'title' | 'status'>, reporters: Record<string, string[]>, indicatorIds?: string[]) => ({
  periodType: r.period_type,
  periodKey: r.period_key,
  dueDate: r.due_date,
  title: r.title,
  status: r.status,
  reporters,
  ...(indicatorIds ? { indicatorIds } : {}),
});
