import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useProject } from '../projects/queries.js';
import { ProjectPageBreadcrumbs } from './ProjectPageBreadcrumbs.js';

/**
 * What a money page (budget, expenditures, budget vs actual) shows when its data cannot be read:
 * the page's title and breadcrumbs back to the project, and, when the server refused (403: the
 * person sees the project but not its money), a plain "not for your role" note with a way back,
 * instead of a bare red error. Other errors are shown as they come.
 */
export function MoneyPageError({ projectId, title, error }: { projectId: string; title: string; error: unknown }) {
  const { t } = useTranslation(['plans', 'projects']);
  const project = useProject(projectId);
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Stack>
      {project.data && <ProjectPageBreadcrumbs projectId={projectId} code={project.data.code} current={title} />}
      <PageHeader title={title} subtitle={project.data?.title} />
      {forbidden ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title={t('noMoney.title')} data-testid="money-not-allowed">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('noMoney.body')}</Text>
            <Button component={Link} to={`/projects/${projectId}`} variant="light" size="xs" leftSection={<IconArrowBackUp size={14} />}>
              {t('noMoney.back')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
    </Stack>
  );
}
