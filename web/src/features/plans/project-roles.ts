import type { CurrentUser, Programme } from '@shared/schemas/index.js';
import type { Role } from '@shared/roles.js';

/**
 * Whether the user holds one of `roles` on the project's chain (installation, the programme's
 * organisation, the programme, the project). Only hides what the server would refuse anyway.
 */
export function holdsProjectRole(
  user: CurrentUser,
  project: { id: string; programmeId: string },
  programme: Pick<Programme, 'id' | 'organisationId'> | undefined,
  roles: readonly Role[],
): boolean {
  return user.memberships.some(
    (m) =>
      roles.includes(m.role as Role) &&
      (m.scopeType === 'installation' ||
        (m.scopeType === 'organisation' && m.scopeId === programme?.organisationId) ||
        (m.scopeType === 'programme' && m.scopeId === project.programmeId) ||
        (m.scopeType === 'project' && m.scopeId === project.id)),
  );
}
