import { Alert, Badge, Button, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconChevronDown, IconDoorEnter, IconDoorExit, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Round } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate } from '../../lib/format.js';
import { CompletenessBoard, RoundSummary } from './CompletenessBoard.js';
import { RoundStatusBadge } from './labels.js';
import { useRound } from './queries.js';
import { ReportingBreadcrumbs } from './ReportingBreadcrumbs.js';
import { AddOrganisationModal, DeleteRoundModal, EditRoundModal, RoundStatusModal } from './RoundDialogs.js';

type Dialog = 'edit' | 'add' | 'status' | 'delete';

/** `/rounds/:id`: the completeness board of one round, and its settings for managers. */
export default function RoundPage() {
  const { id = '' } = useParams();
  const round = useRound(id);
  if (round.isPending) return <PageLoader />;
  if (round.error) return <ErrorAlert error={round.error} />;
  return <RoundView key={id} round={round.data} />;
}

function RoundView({ round }: { round: Round }) {
  const { t } = useTranslation('reporting');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const today = new Date().toISOString().slice(0, 10);
  const pastDue = round.dueDate < today;

  return (
    <Stack>
      <ReportingBreadcrumbs projectId={round.projectId} projectCode={round.projectCode} periodKey={round.periodKey} />
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>{round.title || t('rounds.untitled', { period: round.periodKey })}</span>
            <RoundStatusBadge status={round.status} />
          </Group>
        }
        subtitle={
          <>
            <span dir="ltr">{round.projectCode}</span> · {round.projectTitle} · {t('roundPage.periodDates', { start: formatDate(round.periodStart), end: formatDate(round.periodEnd) })}
          </>
        }
        actions={round.canManage && <ManagerActions round={round} onOpen={setDialog} />}
      />
      <Group gap="xs">
        <IconCalendarEvent size={18} aria-hidden />
        <Text size="sm">{t('roundPage.due', { date: formatDate(round.dueDate) })}</Text>
        {pastDue && round.status === 'open' && (
          <Badge color={round.submissions.some((x) => x.late) ? 'red' : 'gray'} variant="light">
            {t('roundPage.pastDue')}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          · {t('roundPage.indicators', { count: round.indicatorIds.length })}
        </Text>
      </Group>
      {round.status === 'closed' && (
        <Alert color="gray" variant="light">
          {t('roundPage.closedNote')}
        </Alert>
      )}
      {round.canManage && <RoundSummary round={round} />}
      <Card withBorder padding="md" component="section" aria-labelledby="board-title">
        <Title order={3} id="board-title" mb="sm">
          {round.canManage ? t('board.title') : t('board.yourPackages')}
        </Title>
        <CompletenessBoard round={round} />
      </Card>
      {round.canManage && (
        <>
          <EditRoundModal round={round} opened={dialog === 'edit'} onClose={close} />
          <AddOrganisationModal round={round} opened={dialog === 'add'} onClose={close} />
          <RoundStatusModal round={round} opened={dialog === 'status'} onClose={close} />
          <DeleteRoundModal round={round} opened={dialog === 'delete'} onClose={close} />
        </>
      )}
    </Stack>
  );
}

function ManagerActions({ round, onOpen }: { round: Round; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation('reporting');
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => onOpen('edit')}>
        {t('roundPage.edit')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} />}>
            {t('roundPage.more')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => onOpen('add')} disabled={round.status === 'closed'}>
            {t('roundPage.addOrganisation')}
          </Menu.Item>
          <Menu.Item leftSection={round.status === 'open' ? <IconDoorExit size={16} /> : <IconDoorEnter size={16} />} onClick={() => onOpen('status')}>
            {round.status === 'open' ? t('roundPage.close') : t('roundPage.reopen')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => onOpen('delete')}>
            {t('roundPage.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
