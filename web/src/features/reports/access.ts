import type { Role } from '@shared/roles.js';
import type { CurrentUser } from '@shared/schemas/index.js';

/** Who makes and removes reports: the people who manage a project's monitoring. */
export const REPORT_MANAGER_ROLES: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];

/** The scopes above a report's subject: its owner organisation, programme and project, when known. */
export interface ReportScopeChain {
  organisationId?: string;
  programmeId?: string;
  projectId?: string;
}

/**
 * Whether to offer Generate, Regenerate and Delete. It only hides buttons: the server checks the
 * same roles on the scope chain and answers 403 otherwise. A country report consolidates the
 * reader's own projects, so any manager grant of theirs counts there.
 */
export function managesReports(user: CurrentUser, chain: ReportScopeChain | 'country'): boolean {
  return user.memberships.some((m) => {
    if (!REPORT_MANAGER_ROLES.includes(m.role)) return false;
    if (chain === 'country' || m.scopeType === 'installation') return true;
    if (m.scopeType === 'organisation') return !!chain.organisationId && m.scopeId === chain.organisationId;
    if (m.scopeType === 'programme') return !!chain.programmeId && m.scopeId === chain.programmeId;
    return !!chain.projectId && m.scopeId === chain.projectId;
  });
}
