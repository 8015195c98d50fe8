import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Projects › LASI-GH-04 › the page: the trail of a project's plans and money pages. The code reads left to right in every language. */
export function ProjectPageBreadcrumbs({ projectId, code, current }: { projectId: string; code: string | undefined; current: string }) {
  const { t } = useTranslation('projects');
  return (
    <Breadcrumbs separatorMargin={6} styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}>
      <Anchor component={Link} to="/projects" size="sm">
        {t('projects.title')}
      </Anchor>
      <Anchor component={Link} to={`/projects/${projectId}`} size="sm" dir="ltr">
        {code ?? '…'}
      </Anchor>
      <Text size="sm" c="dimmed">
        {current}
      </Text>
    </Breadcrumbs>
  );
}
