import { Anchor, Breadcrumbs, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHierarchy2, IconPencil, IconPlus, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useCurrentUser } from '../auth/session.js';
import { DashboardButton } from '../monitoring/dashboard/DashboardButton.js';
import { ReportsButton } from '../reports/ReportsButton.js';
import { Fact, Facts } from './Facts.js';
import { managesProgramme, ProgrammeStatusBadge } from './labels.js';
import { PaginationFooter } from '../../components/PaginationFooter.js';
import { ProgrammeFormModal } from './ProgrammeFormModal.js';
import { ProjectsTable } from './ProjectsTable.js';
import { useProgramme, useProjects } from './queries.js';
import { PAGE_SIZE, useUrlFilters } from './url-state.js';

export default function ProgrammeDetailPage() {
  const { t } = useTranslation(['projects', 'results', 'iptt']);
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const programme = useProgramme(id);
  const { page, offset, setPage } = useUrlFilters([]);
  const projects = useProjects({ programmeId: id, limit: PAGE_SIZE, offset }, programme.isSuccess);
  const [editing, { open, close }] = useDisclosure(false);

  if (programme.isPending) return <PageLoader />;
  if (programme.error) return <ErrorAlert error={programme.error} />;
  const p = programme.data;
  const manager = managesProgramme(user, p);

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/programmes" size="sm">
          {t('programmes.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {p.code}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>{p.name}</span>
            <ProgrammeStatusBadge status={p.status} />
          </Group>
        }
        subtitle={`${p.code} · ${p.organisationName}`}
        actions={
          <>
            <Button component={Link} to={`/programmes/${p.id}/framework`} variant="light" leftSection={<IconHierarchy2 size={16} />}>
              {t('results:framework.programmeLink')}
            </Button>
            <DashboardButton scope="programme" id={p.id} />
            <Button component={Link} to={`/programmes/${p.id}/iptt`} variant="light" leftSection={<IconTable size={16} />}>
              {t('iptt:link')}
            </Button>
            <ReportsButton scope="programme" id={p.id} />
            {manager && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
                {t('common:actions.edit')}
              </Button>
            )}
          </>
        }
      />
      <ProgrammeFormModal opened={editing} onClose={close} programme={p} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <Card withBorder padding="md" h="100%">
          <Title order={4} mb="sm">
            {t('detail.overview')}
          </Title>
          <Facts>
            <Fact label={t('fields.owner')}>{p.organisationName}</Fact>
            <Fact label={t('fields.startDate')}>{formatDate(p.startDate, 'long')}</Fact>
            <Fact label={t('fields.endDate')}>{formatDate(p.endDate, 'long')}</Fact>
            <Fact label={t('fields.projectCount')}>{formatNumber(p.projectCount)}</Fact>
          </Facts>
        </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <Card withBorder padding="md" h="100%">
          <Title order={4} mb="sm">
            {t('fields.description')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={p.description ? undefined : 'dimmed'} dir={p.description ? 'auto' : undefined}>
            {p.description || t('detail.noDescription')}
          </Text>
        </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('programmeDetail.projects')}</Title>
          {manager && (
            <Button component={Link} to={`/projects/new?programmeId=${p.id}`} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
              {t('projects.new')}
            </Button>
          )}
        </Group>
        {projects.error && <ErrorAlert error={projects.error} />}
        {projects.isPending && <PageLoader />}
        {projects.data && projects.data.items.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('programmeDetail.noProjects')}
          </Text>
        )}
        {projects.data && projects.data.items.length > 0 && <ProjectsTable items={projects.data.items} showProgramme={false} />}
        {projects.data && projects.data.total > PAGE_SIZE && <PaginationFooter total={projects.data.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} onChange={(offset) => setPage(offset / PAGE_SIZE + 1)} />}
      </Card>
    </Stack>
  );
}
