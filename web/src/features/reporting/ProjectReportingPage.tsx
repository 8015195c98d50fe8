import { Alert, Button, Card, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Round } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useProject } from '../projects/queries.js';
import { newestFirst, roundCounts } from './completeness.js';
import { PeriodLabel, Ratio, RoundStatusBadge } from './labels.js';
import { NewRoundModal } from './NewRoundModal.js';
import { useRoundOptions, useRounds } from './queries.js';
import { ReportingBreadcrumbs } from './ReportingBreadcrumbs.js';

/** `/projects/:id/reporting`: the project's reporting rounds, newest first, and a new one for managers. */
export default function ProjectReportingPage() {
  const { t } = useTranslation('reporting');
  const { id = '' } = useParams();
  const project = useProject(id);
  const rounds = useRounds(id);
  // Managers are told apart by the rounds (canManage) or, before the first round, by the options a new round needs.
  const options = useRoundOptions(id, rounds.isSuccess && rounds.data.items.length === 0);
  const [creating, { open, close }] = useDisclosure(false);

  if (rounds.isPending) return <PageLoader />;
  if (rounds.error) return <ErrorAlert error={rounds.error} />;
  const items = newestFirst(rounds.data.items);
  const canManage = items[0]?.canManage ?? options.isSuccess;

  return (
    <Stack>
      <ReportingBreadcrumbs projectId={id} projectCode={project.data?.code} />
      <PageHeader
        title={t('title')}
        subtitle={project.data?.title}
        actions={
          canManage && (
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={open}>
              {t('newRound.open')}
            </Button>
          )
        }
      />
      {items.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="no-rounds">
          {canManage ? t('rounds.emptyManager') : t('rounds.empty')}
        </Alert>
      ) : (
        <Card withBorder padding={0}>
          <RoundsTable rounds={items} />
        </Card>
      )}
      {canManage && <NewRoundModal projectId={id} opened={creating} onClose={close} />}
    </Stack>
  );
}

function RoundsTable({ rounds }: { rounds: Round[] }) {
  const { t } = useTranslation('reporting');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="rounds-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rounds.period')}</Table.Th>
            <Table.Th>{t('rounds.roundTitle')}</Table.Th>
            <Table.Th>{t('rounds.dueDate')}</Table.Th>
            <Table.Th>{t('rounds.status')}</Table.Th>
            <Table.Th ta="end">{t('rounds.submitted')}</Table.Th>
            <Table.Th ta="end">{t('rounds.approved')}</Table.Th>
            <Table.Th ta="end">{t('rounds.late')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((r) => {
            const c = roundCounts(r.submissions);
            return (
              <Table.Tr key={r.id} data-round={r.periodKey}>
                <Table.Td>
                  <Link to={`/rounds/${r.id}`} style={{ color: 'inherit', textDecoration: 'none' }} aria-label={t('rounds.openRound', { period: r.periodKey })}>
                    <PeriodLabel periodKey={r.periodKey} start={r.periodStart} end={r.periodEnd} />
                  </Link>
                </Table.Td>
                <Table.Td>
                  <Text component={Link} to={`/rounds/${r.id}`} c="teal.8" fw={500} size="sm" dir="auto">
                    {r.title || t('rounds.untitled', { period: r.periodKey })}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(r.dueDate)}</Table.Td>
                <Table.Td>
                  <RoundStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td ta="end">
                  <Ratio part={c.submitted} whole={c.total} />
                </Table.Td>
                <Table.Td ta="end">{formatNumber(c.approved)}</Table.Td>
                <Table.Td ta="end">
                  <Text span size="sm" c={c.late > 0 ? 'red.7' : undefined} fw={c.late > 0 ? 600 : undefined}>
                    {formatNumber(c.late)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
