import { ActionIcon, Alert, Button, Card, Group, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDue, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agreement, Project } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LANGUAGE_NAMES } from '../../components/LanguageMenu.js';
import { formatDate } from '../../lib/format.js';
import { type AgreementDialogTarget, AgreementFormModal } from './AgreementFormModal.js';
import { donorShort, DueStatusBadge, DueWhen, PeriodCell, useScheduleLabel } from './labels.js';
import { useDeleteAgreement, useProjectAgreements } from './queries.js';

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The project page's "Funding agreements" card: each agreement with its next report, and add/edit/delete for managers. */
export function AgreementsCard({ project }: { project: Pick<Project, 'id' | 'startDate' | 'endDate'> }) {
  // Its texts load with the card, without blanking the rest of the project page meanwhile.
  return (
    <Suspense fallback={<Card withBorder padding="md" mih={120} />}>
      <AgreementsCardContent project={project} />
    </Suspense>
  );
}

function AgreementsCardContent({ project }: { project: Pick<Project, 'id' | 'startDate' | 'endDate'> }) {
  const { t } = useTranslation('agreements');
  const list = useProjectAgreements(project.id);
  const [editing, setEditing] = useState<AgreementDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<Agreement | null>(null);
  const canManage = list.data?.canManage ?? false;

  return (
    <Card withBorder padding="md" component="section" data-testid="agreements-card">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={4}>{t('card.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to={`/report-calendar?projectId=${project.id}`} variant="subtle" size="xs" leftSection={<IconCalendarDue size={14} />}>
            {t('card.calendar')}
          </Button>
          {canManage && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ agreement: null })} data-testid="agreement-add">
              {t('card.add')}
            </Button>
          )}
        </Group>
      </Group>
      {list.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common:common.loading')}
        </Text>
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canManage ? t('card.emptyManager') : t('card.empty')}
        </Text>
      ) : (
        <AgreementsTable items={list.data.items} canManage={canManage} onEdit={(a) => setEditing({ agreement: a })} onDelete={setDeleting} />
      )}
      {canManage && list.data && <AgreementFormModal project={project} options={list.data.options} target={editing} onClose={() => setEditing(null)} />}
      <DeleteAgreementModal agreement={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}

function AgreementsTable({ items, canManage, onEdit, onDelete }: { items: Agreement[]; canManage: boolean; onEdit: (a: Agreement) => void; onDelete: (a: Agreement) => void }) {
  const { t } = useTranslation('agreements');
  const schedule = useScheduleLabel();
  const today = todayUtc();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" data-testid="agreements-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.donor')}</Table.Th>
            <Table.Th>{t('fields.number')}</Table.Th>
            <Table.Th>{t('fields.dates')}</Table.Th>
            <Table.Th>{t('fields.frequency')}</Table.Th>
            <Table.Th>{t('card.nextReport')}</Table.Th>
            {canManage && <Table.Th aria-label={t('card.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-agreement={a.agreementNumber}>
              <Table.Td>
                <Tooltip label={a.donor.name} withArrow disabled={!a.donor.acronym}>
                  <Text size="sm" fw={500}>
                    {donorShort(a.donor)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" dir="ltr" style={{ unicodeBidi: 'isolate' }}>
                  {a.agreementNumber}
                </Text>
                {a.title && (
                  <Text size="xs" c="dimmed" dir="auto" lineClamp={2}>
                    {a.title}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(a.startDate)} –
                </Text>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(a.endDate)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{schedule(a)}</Text>
                <Text size="xs" c="dimmed">
                  {[a.templateName, LANGUAGE_NAMES[a.reportLanguage]].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {a.nextReport ? (
                  <Stack gap={2} align="flex-start">
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(a.nextReport.dueDate)}
                      </Text>
                      <DueStatusBadge status={a.nextReport.status} />
                    </Group>
                    <DueWhen dueDate={a.nextReport.dueDate} today={today} status={a.nextReport.status} />
                    <PeriodCell periodKey={a.nextReport.periodKey} start={a.nextReport.periodStart} end={a.nextReport.periodEnd} />
                    {a.overdueCount > 1 && (
                      <Text size="xs" c="red.8" fw={500}>
                        {t('card.overdueCount', { count: a.overdueCount })}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('card.allSubmitted')}
                  </Text>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Tooltip label={t('card.edit', { number: a.agreementNumber })} withArrow>
                      <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(a)} aria-label={t('card.edit', { number: a.agreementNumber })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('card.delete', { number: a.agreementNumber })} withArrow>
                      <ActionIcon variant="subtle" color="red" onClick={() => onDelete(a)} aria-label={t('card.delete', { number: a.agreementNumber })}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteAgreementModal({ agreement, onClose }: { agreement: Agreement | null; onClose: () => void }) {
  const { t } = useTranslation('agreements');
  const remove = useDeleteAgreement();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={!!agreement} onClose={close} title={t('delete.title')}>
      {agreement && (
        <Stack>
          <Text size="sm">{t('delete.body', { number: agreement.agreementNumber })}</Text>
          <Alert color="gray" variant="light">
            {t('delete.reportsStay')}
          </Alert>
          {remove.error && <ErrorAlert error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              data-testid="agreement-delete-confirm"
              onClick={() =>
                remove.mutate(agreement.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('delete.done', { number: agreement.agreementNumber }) });
                    close();
                  },
                })
              }
            >
              {t('common:actions.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
