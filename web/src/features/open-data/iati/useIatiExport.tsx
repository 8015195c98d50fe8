import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import type { Role } from '@shared/roles.js';
import type { CurrentUser, Programme, Project } from '@shared/schemas/index.js';
import { hasAnyRole, useCurrentUser } from '../../auth/session.js';
import { programmeQueries } from '../../projects/queries.js';

const IatiExportDialog = lazy(() => import('./IatiExportDialog.js'));

/** The server's rule (IATI_EXPORTERS on the project's chain), read from the memberships so nobody is offered a refusal. */
const EXPORTERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
const exportsProject = (user: CurrentUser, project: Project, programme: Programme) =>
  user.memberships.some(
    (m) =>
      EXPORTERS.includes(m.role) &&
      (m.scopeType === 'installation' ||
        (m.scopeType === 'organisation' && m.scopeId === programme.organisationId) ||
        (m.scopeType === 'programme' && m.scopeId === project.programmeId) ||
        (m.scopeType === 'project' && m.scopeId === project.id)),
  );

export interface IatiExport {
  /** The user may export this project (false while the programme is loading). */
  allowed: boolean;
  open: () => void;
  /** The dialog while open, else null: render it outside any menu (a menu's dropdown unmounts on close). */
  dialog: ReactNode;
}

/**
 * The IATI export of one project, for a button or an item of the "Open data" menu:
 *   const iati = useIatiExport(project);
 *   {iati.allowed && <IatiExportItem onClick={iati.open} />} … {iati.dialog}
 */
export function useIatiExport(project: Project): IatiExport {
  const user = useCurrentUser();
  const [opened, setOpened] = useState(false);
  const mayAsk = hasAnyRole(user, EXPORTERS);
  const programme = useQuery({ ...programmeQueries.detail(project.programmeId), enabled: mayAsk });
  const allowed = mayAsk && !!programme.data && exportsProject(user, project, programme.data);
  return {
    allowed,
    open: () => setOpened(true),
    dialog:
      allowed && opened ? (
        <Suspense fallback={null}>
          <IatiExportDialog projectIds={[project.id]} projectCode={project.code} onClose={() => setOpened(false)} />
        </Suspense>
      ) : null,
  };
}
