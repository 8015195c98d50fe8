import type { Role } from '@shared/roles.js';
import { isEditable, type SubmissionStatus } from '@shared/domain/submission-status.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { hasRole, projectChain, type ScopeChain } from '../access/access.policy.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { findSubmissionWithRound } from './submission-lookup.repository.js';

/**
 * Who does what in field reporting (issue 4). Written once; every reporting service asks here.
 *
 * - Round managers (admin, programme manager, M&E officer on the project's chain) open and edit
 *   rounds, see every submission, review (never what they submitted themselves), reopen and comment.
 * - Reporters and partner reporters on the chain fill their own organisation's package only.
 * - Everyone else who sees the project (viewers, finance, grants roles…) sees approved packages only.
 */
export const ROUND_MANAGERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
export const REPORTERS: readonly Role[] = ['reporter', 'partner_reporter'];

export interface ProjectReporting {
  project: Awaited<ReturnType<typeof loadVisibleProject>>;
  chain: ScopeChain;
  /** Opens rounds, sees all submissions, reviews. */
  canManage: boolean;
  /** Fills packages of the actor's own organisation. */
  canReport: boolean;
}

/** The reader's reporting rights on a project they can see (404 when they cannot). */
export async function projectReporting(ctx: Ctx, projectId: string): Promise<ProjectReporting> {
  const project = await loadVisibleProject(ctx, projectId);
  const chain = projectChain({ id: project.id, programmeId: project.programme_id, organisationId: project.organisation_id });
  return {
    project,
    chain,
    canManage: hasRole(ctx.actor, ROUND_MANAGERS, chain),
    canReport: hasRole(ctx.actor, REPORTERS, chain) || hasRole(ctx.actor, ROUND_MANAGERS, chain),
  };
}

export interface SubmissionRights {
  /** The reader may see the package at all (else 404). */
  canSee: boolean;
  /** The reader may change values, narratives and attachments. */
  canEdit: boolean;
  /** The reader may submit it (same people as canEdit). */
  canSubmit: boolean;
  /** The reader may approve or return it now. */
  canReview: boolean;
  canReopen: boolean;
  /** The reader may comment on the package and its values. */
  canComment: boolean;
  /** The reader may write translations and mark them reviewed. */
  canTranslate: boolean;
}

/**
 * Rights on one submission. Managers see all; a reporter sees their own organisation's package;
 * others see approved packages only. Editing needs an editable status and an open round.
 * A reviewer never reviews a package they submitted.
 */
export function submissionRights(
  ctx: Ctx,
  access: ProjectReporting,
  s: { organisation_id: string; status: string; submitted_by: string | null },
  roundOpen: boolean,
): SubmissionRights {
  const status = s.status as SubmissionStatus;
  const own = access.canReport && s.organisation_id === ctx.actor.organisationId;
  const canSee = access.canManage || own || status === 'approved';
  const canEdit = canSee && roundOpen && isEditable(status) && (own || access.canManage);
  const reviewer = access.canManage && s.submitted_by !== ctx.actor.userId;
  return {
    canSee,
    canEdit,
    canSubmit: canEdit,
    canReview: reviewer && status === 'submitted',
    canReopen: access.canManage && status === 'approved',
    canComment: access.canManage,
    canTranslate: access.canManage || (own && canSee),
  };
}

/** 404 unless the reader may see the package. */
export function requireVisible(rights: SubmissionRights): void {
  if (!rights.canSee) throw notFound();
}

/**
 * Loads a submission, its round and the reader's rights, answering 404 when the reader may not
 * see it (or the project at all), so ids cannot be probed.
 */
export async function loadSubmission(ctx: Ctx, submissionId: string) {
  const submission = await findSubmissionWithRound(ctx.db, submissionId);
  if (!submission) throw notFound();
  const access = await projectReporting(ctx, submission.round_project_id);
  const rights = submissionRights(ctx, access, submission, submission.round_status === 'open');
  requireVisible(rights);
  return { submission, access, rights };
}
