import { Alert, Anchor, Button, Card, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EXPENDITURE_STATUSES, type Expenditure, type ExpenditureStatus, type ListExpendituresFilters } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { MoneyPageError } from '../plans/MoneyPageError.js';
import { useProject } from '../projects/queries.js';
import { ExpenditureDrawer } from './ExpenditureDrawer.js';
import { ExpenditureStatusBadge } from './labels.js';
import { formatMoney } from './money.js';
import { useExpenditureOptions, useExpenditures } from './queries.js';
import { RecordExpenditureDialog } from './RecordExpenditureDialog.js';
import { ProjectPageBreadcrumbs } from '../plans/ProjectPageBreadcrumbs.js';

/**
 * `/projects/:id/expenditures`: what was spent against the project's budget lines, filtered by
 * status, line and dates (kept in the address), with each amount as paid and in the budget's
 * currency; recorders record from here, approvers decide in the detail drawer.
 */
export default function ExpendituresPage() {
  const { t } = useTranslation(['expenditures', 'projects']);
  const { id: projectId = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const filters: ListExpendituresFilters = {
    status: (EXPENDITURE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ExpenditureStatus) : undefined,
    lineId: params.get('lineId') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const project = useProject(projectId);
  const options = useExpenditureOptions(projectId);
  const list = useExpenditures(projectId, filters);
  const [recording, setRecording] = useState(false);
  // The submitter's own pending expenditure, being corrected from its drawer.
  const [editing, setEditing] = useState<Expenditure | null>(null);
  // `?open=<id>` (the home page's "waiting for your approval" links) opens that expenditure's drawer.
  const [openId, setOpenId] = useState<string | null>(() => params.get('open'));
  const closeDrawer = () => {
    setOpenId(null);
    if (params.get('open')) update({ open: '' });
  };

  const lineChoices = useMemo(
    () =>
      (options.data?.budgets ?? []).map((b) => ({
        group: b.title,
        items: b.lines.map((l) => ({ value: l.id, label: `${l.code} · ${l.description}` })),
      })),
    [options.data],
  );

  if (project.isPending || list.isPending) return <PageLoader />;
  if (project.error) return <ErrorAlert error={project.error} />;
  if (list.error) return <MoneyPageError projectId={projectId} title={t('title')} error={list.error} />;
  const data = list.data;
  const budgets = options.data?.budgets ?? [];
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));

  return (
    <Stack>
      <ProjectPageBreadcrumbs projectId={projectId} code={project.data.code} current={t('title')} />
      <PageHeader
        title={t('title')}
        subtitle={project.data.title}
        actions={
          data.canRecord &&
          budgets.length > 0 && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)} data-testid="expenditure-record">
              {t('record.open')}
            </Button>
          )
        }
      />
      {options.data && budgets.length === 0 && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="expenditures-no-budget">
          {t('noBudget')}
        </Alert>
      )}

      <Card withBorder padding="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('filters.status')}
            placeholder={t('filters.any')}
            clearable
            w={220}
            data={EXPENDITURE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={filters.status ?? null}
            onChange={(v) => update({ status: v ?? '', page: '' })}
            data-testid="expenditures-filter-status"
          />
          <Select
            label={t('filters.line')}
            placeholder={t('filters.any')}
            clearable
            searchable
            w={320}
            data={lineChoices}
            value={filters.lineId ?? null}
            onChange={(v) => update({ lineId: v ?? '', page: '' })}
            data-testid="expenditures-filter-line"
          />
          <TextInput type="date" label={t('filters.from')} value={filters.from ?? ''} max={filters.to} onChange={(e) => update({ from: e.currentTarget.value, page: '' })} data-testid="expenditures-filter-from" />
          <TextInput type="date" label={t('filters.to')} value={filters.to ?? ''} min={filters.from} onChange={(e) => update({ to: e.currentTarget.value, page: '' })} data-testid="expenditures-filter-to" />
        </Group>
      </Card>

      <Card withBorder padding={0}>
        {data.items.length === 0 ? (
          <Text c="dimmed" p="md" data-testid="expenditures-empty">
            {t('empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={1040}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="expenditures-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.date')}</Table.Th>
                  <Table.Th>{t('columns.line')}</Table.Th>
                  <Table.Th>{t('columns.payee')}</Table.Th>
                  <Table.Th style={{ textAlign: 'end' }}>{t('columns.paid')}</Table.Th>
                  <Table.Th style={{ textAlign: 'end' }}>{t('columns.inBudget')}</Table.Th>
                  <Table.Th style={{ minWidth: 200 }}>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.submittedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <Row key={e.id} e={e} onOpen={() => setOpenId(e.id)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('total', { count: data.total })}
        </Text>
        {pages > 1 && <Pagination total={pages} value={data.page} onChange={(p) => update({ page: p === 1 ? '' : String(p) })} size="sm" />}
      </Group>

      {recording && options.data && <RecordExpenditureDialog projectId={projectId} options={options.data} onClose={() => setRecording(false)} onRecorded={(id) => setOpenId(id)} />}
      {editing && options.data && (
        <RecordExpenditureDialog projectId={projectId} options={options.data} editing={editing} onClose={() => setEditing(null)} onRecorded={(id) => setOpenId(id)} />
      )}
      <ExpenditureDrawer id={openId} onClose={closeDrawer} onEdit={setEditing} />
    </Stack>
  );
}

function Row({ e, onOpen }: { e: Expenditure; onOpen: () => void }) {
  const foreign = e.amount.currency !== e.amountBudget.currency;
  return (
    <Table.Tr data-testid="expenditure-row" data-id={e.id} data-status={e.status} style={{ cursor: 'pointer' }} onClick={onOpen}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.expenseDate)}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} dir="ltr" span>
          {e.line.code}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1} dir="auto" style={{ textAlign: 'match-parent' }}>
          {e.line.description}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={500}
          ta="start"
          onClick={(ev) => {
            ev.stopPropagation();
            onOpen();
          }}
          data-testid="expenditure-open"
        >
          {e.payee}
        </Anchor>
        {e.attachment && <IconPaperclip size={14} style={{ marginInlineStart: 4, verticalAlign: 'middle' }} aria-hidden />}
        <Text size="xs" c="dimmed" lineClamp={1} dir="auto" style={{ textAlign: 'match-parent' }}>
          {e.description}
        </Text>
      </Table.Td>
      <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }} data-testid="expenditure-paid">
        <span dir="ltr">{formatMoney(e.amount.amountMinor, e.amount.currency)}</span>
      </Table.Td>
      <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }} data-testid="expenditure-in-budget">
        <Text size="sm" c={foreign ? undefined : 'dimmed'} span dir="ltr">
          {formatMoney(e.amountBudget.amountMinor, e.amountBudget.currency)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ExpenditureStatusBadge status={e.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{e.submittedBy?.name ?? '—'}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
