import { Alert, Anchor, Button, Divider, Drawer, FileButton, Group, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconPaperclip, IconPencil, IconPencilPlus, IconTrash, IconX } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expenditure } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { ExpenditureStatusBadge } from './labels.js';
import { formatMoney, rateLabel } from './money.js';
import { useAttachReceipt, useDecideExpenditure, useExpenditure, useWithdrawExpenditure } from './queries.js';

/** First-strong isolates, so a Latin rate source beside an Arabic date does not reorder. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** One expenditure: what was paid and how it converts, the receipt, the approval trail, and the decisions the reader may take. */
export function ExpenditureDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit?: (e: Expenditure) => void }) {
  const { t } = useTranslation('expenditures');
  // Read on its own, so it stays open when a decision takes it out of a filtered list.
  const detail = useExpenditure(id);
  const e = detail.data && detail.data.id === id ? detail.data : null;
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="lg" title={<Title order={4}>{t('detail.title')}</Title>} data-testid="expenditure-drawer">
      {detail.error && <ErrorAlert error={detail.error} />}
      {e && <Detail key={`${e.id}-${e.version}`} e={e} onClose={onClose} onEdit={onEdit} />}
    </Drawer>
  );
}

function Detail({ e, onClose, onEdit }: { e: Expenditure; onClose: () => void; onEdit?: ((e: Expenditure) => void) | undefined }) {
  const { t } = useTranslation('expenditures');
  const decide = useDecideExpenditure();
  const withdraw = useWithdrawExpenditure();
  const attach = useAttachReceipt();
  const [rejecting, setRejecting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const foreign = e.amount.currency !== e.amountBudget.currency;

  const act = (action: 'approve' | 'reject') =>
    decide.mutate(
      { id: e.id, action, version: e.version, ...(action === 'reject' ? { reason: reason.trim() } : {}) },
      { onSuccess: (after) => notifications.show({ color: action === 'approve' ? 'teal' : 'red', message: t(`detail.done.${after.status}`) }) },
    );

  return (
    <Stack gap="md" data-testid="expenditure-detail" data-status={e.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{e.payee}</Text>
          <Text size="sm" c="dimmed">
            {e.description}
          </Text>
        </div>
        <ExpenditureStatusBadge status={e.status} />
      </Group>
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Field label={t('detail.line')}>
            <span dir="ltr">{e.line.code}</span> · {e.line.description}
          </Field>
          <Field label={t('detail.budget')}>{e.budget.title}</Field>
          <Field label={t('columns.date')}>{formatDate(e.expenseDate)}</Field>
          <Field label={t('record.invoiceRef')}>{e.invoiceRef || '—'}</Field>
          <Field label={t('columns.paid')} testId="detail-paid">
            <span dir="ltr">{formatMoney(e.amount.amountMinor, e.amount.currency)}</span>
          </Field>
          {foreign && (
            <Field label={t('detail.rate')}>
              <span dir="ltr">{rateLabel(e.exchangeRate, e.amountBudget.currency, e.amount.currency)}</span>
              <Text size="xs" c="dimmed">
                {t('detail.rateFrom', { source: isolate(e.rateSource), date: isolate(formatDate(e.rateDate)) })}
              </Text>
            </Field>
          )}
          <Field label={t('columns.inBudget')} testId="detail-in-budget">
            <Text fw={600} span dir="ltr">
              {formatMoney(e.amountBudget.amountMinor, e.amountBudget.currency)}
            </Text>
          </Field>
          <Field label={t('detail.approvals')}>{t('detail.approvalsRequired', { count: e.approvalsRequired, n: formatNumber(e.approvalsRequired) })}</Field>
          <Field label={t('detail.receipt')}>
            {e.attachment ? (
              <Anchor href={`/api/expenditures/${e.id}/attachment`} download={e.attachment.fileName} data-testid="expenditure-receipt" size="sm">
                <IconDownload size={14} style={{ verticalAlign: 'middle', marginInlineEnd: 4 }} />
                {e.attachment.fileName} ({formatNumber(Math.max(1, Math.round(e.attachment.sizeBytes / 1024)))} KB)
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                {t('detail.noReceipt')}
              </Text>
            )}
            {e.canAttach && (
              <FileButton
                accept="application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(file) => file && attach.mutate({ id: e.id, file })}
              >
                {(props) => (
                  <Button {...props} size="compact-xs" variant="subtle" mt={4} leftSection={<IconPaperclip size={14} />} loading={attach.isPending} data-testid="expenditure-attach">
                    {e.attachment ? t('detail.replaceReceipt') : t('detail.addReceipt')}
                  </Button>
                )}
              </FileButton>
            )}
          </Field>
        </Table.Tbody>
      </Table>
      {attach.error && <ErrorAlert error={attach.error} />}

      <Divider label={t('detail.trail')} labelPosition="center" />
      <Timeline bulletSize={22} lineWidth={2} active={trail(e).length - 1} data-testid="expenditure-trail">
        {trail(e).map((step) => (
          <Timeline.Item key={step.key} bullet={step.icon} color={step.color} title={t(`trail.${step.key}`, { name: step.name })}>
            <Text size="xs" c="dimmed">
              {formatDateTime(step.at)}
            </Text>
            {step.note && (
              <Text size="sm" mt={2} data-testid="expenditure-rejection-reason">
                {step.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {e.status === 'awaiting_second_approval' && (
        <Alert color="orange" variant="light" p="xs">
          <Text size="sm">{t('detail.waitingSecond')}</Text>
        </Alert>
      )}

      {decide.error && <ErrorAlert error={decide.error} />}
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
      {e.canApprove && !rejecting && (
        <Group>
          <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => act('approve')} loading={decide.isPending} data-testid="expenditure-approve">
            {e.status === 'submitted' && e.approvalsRequired === 2 ? t('detail.approveFirst') : t('detail.approve')}
          </Button>
          <Button color="red" variant="light" leftSection={<IconX size={16} />} onClick={() => setRejecting(true)} data-testid="expenditure-reject">
            {t('detail.reject')}
          </Button>
        </Group>
      )}
      {e.canApprove && rejecting && (
        <Stack gap="xs">
          <Textarea label={t('detail.reason')} required autosize minRows={2} maxLength={1000} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} data-testid="expenditure-reject-reason" />
          <Group>
            <Button color="red" disabled={!reason.trim()} loading={decide.isPending} onClick={() => act('reject')} data-testid="expenditure-reject-confirm">
              {t('detail.rejectConfirm')}
            </Button>
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('record.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {e.canEdit && !withdrawing && (
        <Group>
          {onEdit && (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => onEdit(e)} data-testid="expenditure-edit">
              {t('detail.edit')}
            </Button>
          )}
          <Button variant="subtle" color="gray" leftSection={<IconTrash size={16} />} onClick={() => setWithdrawing(true)} data-testid="expenditure-withdraw">
            {t('detail.withdraw')}
          </Button>
        </Group>
      )}
      {e.canEdit && withdrawing && (
        <Alert color="red" variant="light" p="sm" data-testid="expenditure-withdraw-confirm-box">
          <Stack gap="xs">
            <Text size="sm">{t('detail.withdrawQuestion')}</Text>
            <Group>
              <Button
                color="red"
                size="xs"
                loading={withdraw.isPending}
                onClick={() => withdraw.mutate({ id: e.id, version: e.version }, { onSuccess: onClose })}
                data-testid="expenditure-withdraw-confirm"
              >
                {t('detail.withdrawConfirm')}
              </Button>
              <Button variant="default" size="xs" onClick={() => setWithdrawing(false)}>
                {t('record.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Th w="38%">{label}</Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  );
}

interface Step {
  key: 'submitted' | 'firstApproved' | 'approved' | 'rejected';
  name: string;
  at: string | null;
  color: string;
  icon: ReactNode;
  note?: string;
}

function trail(e: Expenditure): Step[] {
  const steps: Step[] = [{ key: 'submitted', name: e.submittedBy?.name ?? '—', at: e.submittedAt, color: 'blue', icon: <IconPencilPlus size={12} /> }];
  if (e.firstApprovedBy) steps.push({ key: 'firstApproved', name: e.firstApprovedBy.name, at: e.firstApprovedAt, color: 'teal', icon: <IconCheck size={12} /> });
  if (e.approvedBy) steps.push({ key: 'approved', name: e.approvedBy.name, at: e.approvedAt, color: 'teal', icon: <IconCheck size={12} /> });
  if (e.rejectedBy) steps.push({ key: 'rejected', name: e.rejectedBy.name, at: e.rejectedAt, color: 'red', icon: <IconX size={12} />, note: e.rejectionReason });
  return steps;
}
