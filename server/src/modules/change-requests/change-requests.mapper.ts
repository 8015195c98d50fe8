import type { ChangeKind, ChangeRequest, ChangeRequestStatus } from '@shared/schemas/change-requests.js';
import type { ChangeRequestsTable } from '../../db/schema.js';
import type { ChangeRequestRow } from './change-requests.repository.js';

export const referenceOf = (number: number) => `CR-${number}`;

export interface Rights {
  canApprove: boolean;
  canReject: boolean;
  canWithdraw: boolean;
}

export function toChangeRequest(r: ChangeRequestRow, rights: Rights): ChangeRequest {
  return {
    id: r.id,
    projectId: r.project_id,
    number: r.number,
    reference: referenceOf(r.number),
    kind: r.kind as ChangeKind,
    title: r.title,
    description: r.description,
    justification: r.justification,
    impact: r.impact,
    changes: JSON.parse(r.changes_json) as ChangeRequest['changes'],
    status: r.status as ChangeRequestStatus,
    requestedBy: r.requested_by ? { id: r.requested_by, name: r.requester_name ?? '' } : null,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decider_name ?? '' } : null,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    appliedAt: r.applied_at,
    version: r.version,
    ...rights,
  };
}

/** What the audit log keeps of a request. */
export const auditableChangeRequest = (r: ChangeRequestsTable) => ({
  projectId: r.project_id,
  number: r.number,
  kind: r.kind,
  title: r.title,
  description: r.description,
  justification: r.justification,
  impact: r.impact,
  changes: JSON.parse(r.changes_json) as unknown,
  status: r.status,
});
