import { Alert, Button, Drawer, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDetail, ChangeRequestPreview } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { ChangeRequestStatusBadge, formatMoney } from './labels.js';
import { type Decision, useChangeRequest, useDecideChangeRequest } from './queries.js';

/** One change request: what, why, impact, the before → after table, and the decision for those who may take it. */
export function ChangeRequestDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('changeRequests');
  const phone = useMediaQuery('(max-width: 48em)');
  const detail = useChangeRequest(id);
  return (
    <Drawer
      opened={!!id}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={detail.data ? `${detail.data.reference} · ${t(`kind.${detail.data.kind}`)}` : t('title')}
      data-testid="cr-drawer"
    >
      {id && detail.isPending && <PageLoader />}
      {detail.error && <ErrorAlert error={detail.error} />}
      {detail.data && <DetailView key={`${detail.data.id}-${detail.data.version}`} cr={detail.data} />}
    </Drawer>
  );
}

function DetailView({ cr }: { cr: ChangeRequestDetail }) {
  const { t } = useTranslation('changeRequests');
  const decide = useDecideChangeRequest(cr.id);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const serverNoteError = decide.error instanceof ApiError ? decide.error.fieldErrors().note : undefined;

  const run = (decision: Decision) => {
    if (decision === 'reject' && !note.trim()) {
      setNoteError(t('decision.noteRequired'));
      return;
    }
    setNoteError(null);
    decide.mutate(
      { decision, note: note.trim(), version: cr.version },
      { onSuccess: (saved) => notifications.show({ color: 'teal', message: t(`decision.done.${decision}`, { reference: saved.reference }) }) },
    );
  };
  const open = cr.canApprove || cr.canReject || cr.canWithdraw;

  return (
    <Stack gap="md">
      <Group gap="xs">
        <ChangeRequestStatusBadge status={cr.status} />
        <Text size="sm" c="dimmed">
          {t('requestedBy', { name: cr.requestedBy?.name ?? t('system'), when: formatDateTime(cr.requestedAt) })}
        </Text>
      </Group>
      <Title order={4} dir="auto">
        {cr.title}
      </Title>
      <Section label={t('fields.description')} text={cr.description} />
      <Section label={t('fields.justification')} text={cr.justification} />
      {cr.impact && <Section label={t('fields.impact')} text={cr.impact} />}

      <div>
        <Text fw={600} size="sm" mb={4}>
          {cr.status === 'approved' ? t('preview.applied') : t('preview.title')}
        </Text>
        <Preview preview={cr.preview} />
      </div>

      {cr.decidedAt && (
        <Alert color={cr.status === 'approved' ? 'teal' : 'gray'} variant="light" data-testid="cr-decision">
          <Text size="sm">{t('decidedBy', { name: cr.decidedBy?.name ?? t('system'), when: formatDateTime(cr.decidedAt), status: t(`status.${cr.status}`) })}</Text>
          {cr.decisionNote && (
            <Text size="sm" mt={4} dir="auto">
              {cr.decisionNote}
            </Text>
          )}
          {cr.appliedAt && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('appliedAt', { when: formatDateTime(cr.appliedAt) })}
            </Text>
          )}
        </Alert>
      )}

      {open && (
        <Stack gap="xs">
          {decide.error !== null && decide.error !== undefined && <DecisionError error={decide.error} />}
          <Textarea
            label={t('decision.note')}
            description={cr.canReject ? t('decision.noteHelp') : undefined}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={noteError ?? serverNoteError}
            autosize
            minRows={2}
            maxLength={2000}
            dir="auto"
            data-testid="cr-note"
          />
          <Group justify="flex-end">
            {cr.canWithdraw && (
              <Button variant="default" onClick={() => run('withdraw')} loading={decide.isPending && decide.variables?.decision === 'withdraw'} data-testid="cr-withdraw">
                {t('decision.withdraw')}
              </Button>
            )}
            {cr.canReject && (
              <Button color="red" variant="light" onClick={() => run('reject')} loading={decide.isPending && decide.variables?.decision === 'reject'} data-testid="cr-reject">
                {t('decision.reject')}
              </Button>
            )}
            {cr.canApprove && (
              <Button color="teal" onClick={() => run('approve')} loading={decide.isPending && decide.variables?.decision === 'approve'} data-testid="cr-approve">
                {t('decision.approve')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** The server's answer with every problem it lists, field paths included (an approval checks the changes again). */
function DecisionError({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.details.length === 0) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="cr-decision-error">
      {error.message}
      <List size="sm" mt={4}>
        {error.details.map((d, i) => (
          <List.Item key={i}>
            {d.field && d.field !== 'id' && <code dir="ltr">{d.field}</code>} {d.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Section({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
        {text}
      </Text>
    </div>
  );
}

const Changed = ({ before, after, children }: { before: unknown; after: unknown; children: React.ReactNode }) => (
  <Table.Td fw={before !== after ? 700 : undefined} c={before !== after ? 'teal.8' : undefined}>
    {children}
  </Table.Td>
);

function Preview({ preview }: { preview: ChangeRequestPreview }) {
  const { t } = useTranslation('changeRequests');
  if (preview.kind === 'targets') {
    return (
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped data-testid="cr-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preview.indicator')}</Table.Th>
              <Table.Th>{t('preview.cell')}</Table.Th>
              <Table.Th ta="end">{t('preview.before')}</Table.Th>
              <Table.Th ta="end">{t('preview.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r, i) => (
              <Table.Tr key={i} data-testid="cr-preview-row">
                <Table.Td>
                  <Text size="sm" fw={600} dir="ltr" span>
                    {r.indicatorCode}
                  </Text>{' '}
                  <Text size="sm" span dir="auto">
                    {r.indicatorName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <span dir="ltr">{r.periodKey}</span> · {r.location ? r.location.name : t('preview.allPlaces')} · {r.options.length ? r.options.join(' · ') : t('preview.total')}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">{r.before === null ? '—' : formatNumber(r.before)}</Table.Td>
                <Changed before={r.before} after={r.after}>
                  <Text size="sm" ta="end" fw="inherit" c="inherit" data-testid="cr-preview-after">
                    {r.after === null ? t('preview.removed') : formatNumber(r.after)}
                  </Text>
                </Changed>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  if (preview.kind === 'plan') {
    return (
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped data-testid="cr-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preview.activity')}</Table.Th>
              <Table.Th>{t('preview.before')}</Table.Th>
              <Table.Th>{t('preview.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.activityId} data-testid="cr-preview-row">
                <Table.Td>
                  <Text size="sm" fw={600} dir="ltr" span>
                    {r.code}
                  </Text>{' '}
                  <Text size="sm" span dir="auto">
                    {r.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatDate(r.before.plannedStart)} – {formatDate(r.before.plannedEnd)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`activityStatus.${r.before.status}`, { defaultValue: r.before.status })}
                  </Text>
                </Table.Td>
                <Changed before={`${r.before.plannedStart}${r.before.plannedEnd}${r.before.status}`} after={`${r.after.plannedStart}${r.after.plannedEnd}${r.after.status}`}>
                  <Text size="sm" fw="inherit" c="inherit" data-testid="cr-preview-after">
                    {r.after.status === 'cancelled' && r.before.status !== 'cancelled' ? t('preview.cancelled') : `${formatDate(r.after.plannedStart)} – ${formatDate(r.after.plannedEnd)}`}
                  </Text>
                </Changed>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  const b = preview.budget;
  if (!b) return <Text size="sm" c="dimmed">{t('preview.noBudget')}</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t('preview.budgetVersions', { title: b.budgetTitle, base: b.baseNumber ?? '—', number: b.versionNumber })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped data-testid="cr-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preview.line')}</Table.Th>
              <Table.Th ta="end">{t('preview.inForce')}</Table.Th>
              <Table.Th ta="end">{t('preview.revision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.lines.map((l) => (
              <Table.Tr key={l.lineId} data-testid="cr-preview-row">
                <Table.Td>
                  <Text size="sm" fw={600} dir="ltr" span>
                    {l.code}
                  </Text>{' '}
                  <Text size="sm" span dir="auto">
                    {l.description}
                  </Text>
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>{formatMoney(l.beforeMinor, b.currency)}</Table.Td>
                <Changed before={l.beforeMinor} after={l.afterMinor}>
                  <Text size="sm" ta="end" fw="inherit" c="inherit" style={{ whiteSpace: 'nowrap' }} data-testid="cr-preview-after">
                    {formatMoney(l.afterMinor, b.currency)}
                  </Text>
                </Changed>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('preview.total')}</Table.Th>
              <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }} data-testid="cr-total-before">{formatMoney(b.totalBeforeMinor, b.currency)}</Table.Th>
              <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }} data-testid="cr-total-after">{formatMoney(b.totalAfterMinor, b.currency)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
