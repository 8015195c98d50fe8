import { Alert, Badge, Button, Divider, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '@shared/schemas/index.js';
import { SHARE_LINK_DEFAULT_DAYS, SHARE_LINK_MAX_DAYS, type CreatedShareLink, type ShareKind, type ShareLink, type ShareLinkStatus } from '@shared/schemas/sharing.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { ActionError } from '../admin/components/PageError.js';
import { CopyField } from '../api-tokens/CopyField.js';
import { useCreateShareLink, useRevokeShareLink, useShareableReports, useShareLinks } from './queries.js';

const EXPIRY_CHOICES = [7, 14, SHARE_LINK_DEFAULT_DAYS, 60, SHARE_LINK_MAX_DAYS];
const STATUS_COLOURS: Record<ShareLinkStatus, string> = { active: 'teal', expired: 'gray', revoked: 'red' };

/** A project's share links: make one (its address shown once), see who opened them, revoke them. */
export default function ShareDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation('sharing');
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('dialog.title', { code: project.code })} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('dialog.intro')}
        </Text>
        {created ? <CreatedLink link={created} onAnother={() => setCreated(null)} /> : <CreateForm projectId={project.id} onCreated={setCreated} />}
        <Divider />
        <LinkList projectId={project.id} />
      </Stack>
    </Modal>
  );
}

function CreateForm({ projectId, onCreated }: { projectId: string; onCreated: (link: CreatedShareLink) => void }) {
  const { t } = useTranslation('sharing');
  const reports = useShareableReports(projectId);
  const create = useCreateShareLink(projectId);
  const [kind, setKind] = useState<ShareKind>('project');
  const [reportId, setReportId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState(String(SHARE_LINK_DEFAULT_DAYS));
  const [touched, setTouched] = useState(false);
  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const labelError = touched && !label.trim() ? t('form.labelRequired') : serverErrors.label;
  const reportError = touched && kind === 'report' && !reportId ? t('form.reportRequired') : serverErrors.reportId;
  // Until the report history exists (or when it has no finished report), only the live view can be shared.
  const finished = reports.data ?? [];

  const submit = () => {
    setTouched(true);
    if (!label.trim() || (kind === 'report' && !reportId)) return;
    const common = { label: label.trim(), expiresInDays: Number(days) };
    create.mutate(kind === 'report' ? { kind, reportId: reportId!, ...common } : { kind, projectId, ...common }, { onSuccess: onCreated });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Title order={5}>{t('form.title')}</Title>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as ShareKind)}
          data={[
            { value: 'project', label: t('kind.project') },
            { value: 'report', label: t('kind.report'), disabled: finished.length === 0 },
          ]}
          data-testid="share-kind"
        />
        <Text size="xs" c="dimmed">
          {kind === 'project' ? t('form.projectHelp') : t('form.reportHelp')}
          {kind === 'project' && finished.length === 0 && !reports.isPending && <> {t('form.noReports')}</>}
        </Text>
        {kind === 'report' && (
          <Select
            label={t('form.report')}
            data={finished.map((r) => ({ value: r.id, label: `${r.title} (${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)})` }))}
            value={reportId}
            onChange={setReportId}
            error={reportError}
            required
            data-testid="share-report"
          />
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t('form.label')}
            description={t('form.labelHelp')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={labelError}
            maxLength={120}
            required
            data-testid="share-label"
          />
          <Select
            label={t('form.expiry')}
            description={t('form.expiryHelp', { max: SHARE_LINK_MAX_DAYS })}
            data={EXPIRY_CHOICES.map((d) => ({ value: String(d), label: t('form.days', { count: d }) }))}
            value={days}
            onChange={(v) => setDays(v ?? String(SHARE_LINK_DEFAULT_DAYS))}
            allowDeselect={false}
            error={serverErrors.expiresInDays}
            data-testid="share-expiry"
          />
        </Group>
        <ActionError error={create.error} placed={['label', 'reportId', 'expiresInDays']} />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconLink size={16} />} loading={create.isPending} data-testid="share-create">
            {t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CreatedLink({ link, onAnother }: { link: CreatedShareLink; onAnother: () => void }) {
  const { t } = useTranslation('sharing');
  return (
    <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('created.title', { label: link.label })} data-testid="share-created">
      <Stack gap="xs">
        <Text size="sm">{t('created.once', { date: formatDate(link.expiresAt) })}</Text>
        <CopyField value={link.url} testId="share-url" />
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" onClick={onAnother}>
            {t('created.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function LinkList({ projectId }: { projectId: string }) {
  const { t } = useTranslation('sharing');
  const links = useShareLinks(projectId);
  const revoke = useRevokeShareLink(projectId);
  const [confirming, setConfirming] = useState<string | null>(null);

  if (links.error) return <ErrorAlert error={links.error} />;
  if (!links.data) return null;
  return (
    <Stack gap="xs">
      <Title order={5}>{t('list.title')}</Title>
      {links.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('list.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" fz="sm" data-testid="share-links">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.label')}</Table.Th>
                <Table.Th>{t('list.shows')}</Table.Th>
                <Table.Th>{t('list.expires')}</Table.Th>
                <Table.Th ta="end">{t('list.accesses')}</Table.Th>
                <Table.Th>{t('list.lastAccess')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.items.map((link) => (
                <LinkRow
                  key={link.id}
                  link={link}
                  confirming={confirming === link.id}
                  busy={revoke.isPending && revoke.variables === link.id}
                  onRevoke={() => setConfirming(link.id)}
                  onConfirm={() => revoke.mutate(link.id, { onSettled: () => setConfirming(null) })}
                  onCancel={() => setConfirming(null)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ActionError error={revoke.error} />
    </Stack>
  );
}

function LinkRow(p: { link: ShareLink; confirming: boolean; busy: boolean; onRevoke: () => void; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation('sharing');
  const { link } = p;
  return (
    <Table.Tr data-testid="share-link-row" data-status={link.status}>
      <Table.Td>
        <Text size="sm" fw={500} dir="auto">
          {link.label}
        </Text>
        <Text size="xs" c="dimmed">
          {t('list.by', { name: link.createdByName ?? '—', date: formatDate(link.createdAt) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="outline" color={link.kind === 'report' ? 'grape' : 'blue'} miw="max-content">
          {t(`kindShort.${link.kind}`)}
        </Badge>
        {link.report && (
          <Text size="xs" c="dimmed" dir="auto">
            {link.report.title}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{formatDate(link.expiresAt)}</Table.Td>
      <Table.Td ta="end">{formatNumber(link.accessCount)}</Table.Td>
      <Table.Td>{link.lastAccessedAt ? formatDateTime(link.lastAccessedAt) : t('list.never')}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOURS[link.status]} variant="light" miw="max-content">
          {t(`status.${link.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="end">
        {link.status === 'active' &&
          (p.confirming ? (
            <Group gap={4} wrap="nowrap" justify="flex-end">
              <Button size="compact-sm" color="red" loading={p.busy} onClick={p.onConfirm} data-testid="share-revoke-confirm">
                {t('list.confirmRevoke')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={p.onCancel}>
                {t('common:actions.cancel')}
              </Button>
            </Group>
          ) : (
            <Button size="compact-sm" variant="subtle" color="red" onClick={p.onRevoke} data-testid="share-revoke">
              {t('list.revoke')}
            </Button>
          ))}
      </Table.Td>
    </Table.Tr>
  );
}
