import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProgramme, useProject } from '../../projects/queries.js';

/** Projects › CLM-KOL-01 › IPTT (or the programme's); the code shows once the project has loaded. */
export function IpttBreadcrumbs({ scope, id }: { scope: 'project' | 'programme'; id: string }) {
  return scope === 'project' ? <ProjectCrumbs id={id} /> : <ProgrammeCrumbs id={id} />;
}

function ProjectCrumbs({ id }: { id: string }) {
  const { t } = useTranslation(['projects', 'iptt']);
  const project = useProject(id);
  return <Crumbs list={{ to: '/projects', label: t('projects.title') }} owner={{ to: `/projects/${id}`, label: project.data?.code }} here={t('iptt:link')} />;
}

function ProgrammeCrumbs({ id }: { id: string }) {
  const { t } = useTranslation(['projects', 'iptt']);
  const programme = useProgramme(id);
  return <Crumbs list={{ to: '/programmes', label: t('programmes.title') }} owner={{ to: `/programmes/${id}`, label: programme.data?.code }} here={t('iptt:link')} />;
}

function Crumbs({ list, owner, here }: { list: { to: string; label: string }; owner: { to: string; label?: string }; here: string }) {
  return (
    <Breadcrumbs>
      <Anchor component={Link} to={list.to} size="sm">
        {list.label}
      </Anchor>
      <Anchor component={Link} to={owner.to} size="sm">
        {owner.label ?? '…'}
      </Anchor>
      <Text size="sm" c="dimmed">
        {here}
      </Text>
    </Breadcrumbs>
  );
}
