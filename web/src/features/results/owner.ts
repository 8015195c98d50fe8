import type { Framework, Indicator } from '@shared/schemas/index.js';

/** A results framework belongs to a project or to a programme; pages, queries and mutations take the owner. */
export type FrameworkOwner = { kind: 'project' | 'programme'; id: string };

/** The API and page path of the owner: `/projects/<id>` or `/programmes/<id>`. */
export const ownerPath = (owner: FrameworkOwner) => `/${owner.kind === 'project' ? 'projects' : 'programmes'}/${owner.id}`;

export const frameworkPath = (owner: FrameworkOwner) => `${ownerPath(owner)}/framework`;

/** The owner named by a framework or an indicator (exactly one of projectId, programmeId is set). */
export function ownerOf(x: Pick<Framework | Indicator, 'projectId' | 'programmeId'>): FrameworkOwner {
  return x.projectId ? { kind: 'project', id: x.projectId } : { kind: 'programme', id: x.programmeId ?? '' };
}
