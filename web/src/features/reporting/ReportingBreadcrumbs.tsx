import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Projects › CODE › Reporting (› 2026-Q3): the round page names its period; the project's page is the last crumb itself. */
export function ReportingBreadcrumbs({ projectId, projectCode, periodKey }: { projectId: string; projectCode?: string; periodKey?: string }) {
  const { t } = useTranslation(['reporting', 'projects']);
  return (
    <Breadcrumbs separatorMargin={6} styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}>
      <Anchor component={Link} to="/projects" size="sm">
        {t('projects:projects.title')}
      </Anchor>
      <Anchor component={Link} to={`/projects/${projectId}`} size="sm" dir="ltr">
        {projectCode ?? '…'}
      </Anchor>
      {periodKey ? (
        <Anchor component={Link} to={`/projects/${projectId}/reporting`} size="sm">
          {t('reporting:title')}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {t('reporting:title')}
        </Text>
      )}
      {periodKey && (
        <Text size="sm" c="dimmed" dir="ltr">
          {periodKey}
        </Text>
      )}
    </Breadcrumbs>
  );
}
