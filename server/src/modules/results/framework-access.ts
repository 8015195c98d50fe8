import type { Role } from '@shared/roles.js';
import { nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hasRole, programmeChain, projectChain } from '../access/access.policy.js';
import { loadVisibleProgramme } from '../programmes/programmes.service.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import * as repo from './results.repository.js';

/** Who shapes a framework: managers and M&E officers. Everyone who sees the project or programme reads it. */
export const FRAMEWORK_EDITORS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];

/** A framework belongs to a project or to a programme. */
export type FrameworkOwner = { kind: 'project'; id: string } | { kind: 'programme'; id: string };

export interface FrameworkAccess {
  frameworkId: string;
  /** Exactly one of the two is set. */
  projectId: string | null;
  programmeId: string | null;
  /** The programme the framework sits in (its own for a programme framework): roll-up links point into its framework. */
  parentProgrammeId: string;
  /** The organisation owning the programme: audit entries, disaggregation categories and the default library come from it. */
  organisationId: string;
  /** For project frameworks: the project's dates, for period targets. */
  startDate: string | null;
  endDate: string | null;
  canEdit: boolean;
}

/** The framework of a visible project or programme (made on first use), and whether the actor may edit it. */
export async function frameworkAccess(ctx: Ctx, owner: FrameworkOwner): Promise<FrameworkAccess> {
  if (owner.kind === 'project') {
    const project = await loadVisibleProject(ctx, owner.id);
    const framework = await ensureFramework(ctx, owner);
    const chain = projectChain({ id: project.id, programmeId: project.programme_id, organisationId: project.organisation_id });
    return {
      frameworkId: framework.id,
      projectId: project.id,
      programmeId: null,
      parentProgrammeId: project.programme_id,
      organisationId: project.organisation_id,
      startDate: project.start_date,
      endDate: project.end_date,
      canEdit: hasRole(ctx.actor, FRAMEWORK_EDITORS, chain),
    };
  }
  const programme = await loadVisibleProgramme(ctx, owner.id);
  const framework = await ensureFramework(ctx, owner);
  return {
    frameworkId: framework.id,
    projectId: null,
    programmeId: programme.id,
    parentProgrammeId: programme.id,
    organisationId: programme.organisation_id,
    startDate: programme.start_date,
    endDate: programme.end_date,
    canEdit: hasRole(ctx.actor, FRAMEWORK_EDITORS, programmeChain({ id: programme.id, organisationId: programme.organisation_id })),
  };
}

async function ensureFramework(ctx: Ctx, owner: FrameworkOwner) {
  const existing = await repo.findFrameworkByOwner(ctx.db, owner);
  if (existing) return existing;
  const now = nowIso();
  const row = {
    id: newId(),
    project_id: owner.kind === 'project' ? owner.id : null,
    programme_id: owner.kind === 'programme' ? owner.id : null,
    template: 'custom',
    level_labels_json: '[]',
    created_at: now,
    updated_at: now,
  };
  await repo.insertFramework(ctx.db, row);
  return row;
}

export async function editableFramework(ctx: Ctx, owner: FrameworkOwner): Promise<FrameworkAccess> {
  const a = await frameworkAccess(ctx, owner);
  if (!a.canEdit) throw new AppError('forbidden');
  return a;
}

/** The owner of a framework, by id; undefined when there is no such framework. */
export async function ownerOfFramework(ctx: Ctx, frameworkId: string): Promise<FrameworkOwner | undefined> {
  const f = await repo.findFramework(ctx.db, frameworkId);
  if (!f) return undefined;
  return f.project_id ? { kind: 'project', id: f.project_id } : { kind: 'programme', id: f.programme_id! };
}

/** Loads a node and its framework's access, answering 404 when the owner is not visible. */
export async function nodeAccess(ctx: Ctx, nodeId: string, edit: boolean) {
  const node = await repo.findNode(ctx.db, nodeId);
  const owner = node && (await ownerOfFramework(ctx, node.framework_id));
  if (!node || !owner) throw notFound();
  return { node, access: edit ? await editableFramework(ctx, owner) : await frameworkAccess(ctx, owner) };
}

/** Loads an indicator and its framework's access, answering 404 when the owner is not visible. */
export async function indicatorAccess(ctx: Ctx, indicatorId: string, edit: boolean) {
  const indicator = await repo.findIndicator(ctx.db, indicatorId);
  const owner = indicator && (await ownerOfFramework(ctx, indicator.framework_id));
  if (!indicator || !owner) throw notFound();
  return { indicator, access: edit ? await editableFramework(ctx, owner) : await frameworkAccess(ctx, owner) };
}
