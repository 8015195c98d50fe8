import { Button } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles.js';
import type { CurrentUser, Programme, Project } from '@shared/schemas/index.js';
import { hasAnyRole, useCurrentUser } from '../auth/session.js';
import { programmeQueries } from '../projects/queries.js';

const ShareDialog = lazy(() => import('./ShareDialog.js'));

/** The server's rule (reporting managers on the project's chain), read from the memberships so nobody is offered a refusal. */
const SHARERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
const managesSharing = (user: CurrentUser, project: Project, programme: Programme) =>
  user.memberships.some(
    (m) =>
      SHARERS.includes(m.role) &&
      (m.scopeType === 'installation' ||
        (m.scopeType === 'organisation' && m.scopeId === programme.organisationId) ||
        (m.scopeType === 'programme' && m.scopeId === project.programmeId) ||
        (m.scopeType === 'project' && m.scopeId === project.id)),
  );

/** "Share" on the project page, for those who may make share links; opens the links dialog. */
export function ShareButton({ project }: { project: Project }) {
  const { t } = useTranslation('sharing');
  const user = useCurrentUser();
  const [opened, setOpened] = useState(false);
  const mayAsk = hasAnyRole(user, SHARERS);
  const programme = useQuery({ ...programmeQueries.detail(project.programmeId), enabled: mayAsk });
  if (!mayAsk || !programme.data || !managesSharing(user, project, programme.data)) return null;
  return (
    <>
      <Button variant="light" leftSection={<IconShare size={16} />} onClick={() => setOpened(true)} data-testid="share-open">
        {t('button')}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <ShareDialog project={project} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
