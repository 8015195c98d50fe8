/**
 * The life of a submission (PRODUCT.md, "Reporting from the field"):
 *
 *   draft → submitted → (returned → submitted)* → approved → reopened → submitted → …
 *
 * The reporter edits while the package is draft, returned or reopened, and submits it. A reviewer,
 * never the person who submitted, approves it or returns it with comments. Approval locks the values;
 * reopening an approved package needs a recorded reason.
 */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'reopened'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_ACTIONS = ['submit', 'return', 'approve', 'reopen'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

const TRANSITIONS: Record<SubmissionAction, { from: readonly SubmissionStatus[]; to: SubmissionStatus }> = {
  submit: { from: ['draft', 'returned', 'reopened'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  reopen: { from: ['approved'], to: 'reopened' },
};

/** The status an action leads to, or null when the action is not allowed from `status`. */
export function nextStatus(status: SubmissionStatus, action: SubmissionAction): SubmissionStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** The reporter may change values, narratives and attachments. */
export const isEditable = (status: SubmissionStatus) => status === 'draft' || status === 'returned' || status === 'reopened';

/** Values counted as approved by every table and report; the others are "pending" when shown at all. */
export const isApproved = (status: SubmissionStatus) => status === 'approved';

export const NARRATIVE_SECTIONS = ['achievements', 'challenges', 'lessons', 'next_steps'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
