import { Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CHANGE_KINDS, CHANGE_REQUEST_STATUSES, type ChangeKind, type ChangeRequest, type ChangeRequestStatus } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDateTime } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { useProject } from '../projects/queries.js';
import { ChangeRequestDrawer } from './ChangeRequestDrawer.js';
import { ChangeRequestStatusBadge } from './labels.js';
import { NewChangeRequestDialog } from './NewChangeRequestDialog.js';
import { useChangeRequests } from './queries.js';
import { ProjectPageBreadcrumbs } from '../plans/ProjectPageBreadcrumbs.js';

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined => ((list as readonly string[]).includes(value ?? '') ? (value as T) : undefined);

/**
 * `/projects/:id/change-requests`: formal changes to targets, the work plan and the budget. The
 * list filters by kind and status (in the address); "History" shows what was approved and applied.
 * A request opens in a drawer with its before → after table and the decision buttons.
 */
export default function ChangeRequestsPage() {
  const { t } = useTranslation(['changeRequests', 'projects']);
  const { id: projectId = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const history = params.get('view') === 'history';
  const kind = pick<ChangeKind>(CHANGE_KINDS, params.get('kind'));
  const status: ChangeRequestStatus | undefined = history ? 'approved' : pick<ChangeRequestStatus>(CHANGE_REQUEST_STATUSES, params.get('status'));
  const project = useProject(projectId);
  const list = useChangeRequests(projectId, { kind, status });
  const [creating, setCreating] = useState(false);
  const openId = params.get('open');

  if (project.isPending || list.isPending) return <PageLoader />;
  if (project.error) return <ErrorAlert error={project.error} />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const data = list.data;

  return (
    <Stack>
      <ProjectPageBreadcrumbs projectId={projectId} code={project.data.code} current={t('title')} />
      <PageHeader
        title={t('title')}
        subtitle={project.data.title}
        actions={
          data.canRequest.length > 0 && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="cr-new">
              {t('new.open')}
            </Button>
          )
        }
      />

      <Card withBorder padding="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={history ? 'history' : 'all'}
            onChange={(v) => update({ view: v === 'history' ? 'history' : '', status: '' })}
            data={[
              { value: 'all', label: t('views.all') },
              { value: 'history', label: t('views.history') },
            ]}
            data-testid="cr-view"
          />
          <Select
            label={t('filters.kind')}
            placeholder={t('filters.any')}
            clearable
            w={200}
            data={CHANGE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => update({ kind: v ?? '' })}
            data-testid="cr-filter-kind"
          />
          {!history && (
            <Select
              label={t('filters.status')}
              placeholder={t('filters.any')}
              clearable
              w={200}
              data={CHANGE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={status ?? null}
              onChange={(v) => update({ status: v ?? '' })}
              data-testid="cr-filter-status"
            />
          )}
        </Group>
      </Card>
      {history && (
        <Text size="sm" c="dimmed">
          {t('views.historyHelp')}
        </Text>
      )}

      <Card withBorder padding={0}>
        {data.items.length === 0 ? (
          <Text c="dimmed" p="md" data-testid="cr-empty">
            {history ? t('emptyHistory') : t('empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="cr-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.number')}</Table.Th>
                  <Table.Th>{t('columns.kind')}</Table.Th>
                  <Table.Th>{t('columns.title')}</Table.Th>
                  <Table.Th>{t('columns.requested')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{history ? t('columns.applied') : t('columns.decided')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((cr) => (
                  <Row key={cr.id} cr={cr} history={history} onOpen={() => update({ open: cr.id })} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {creating && (
        <NewChangeRequestDialog
          projectId={projectId}
          canRequest={data.canRequest}
          onClose={(createdId) => {
            setCreating(false);
            if (createdId) update({ open: createdId });
          }}
        />
      )}
      <ChangeRequestDrawer id={openId} onClose={() => update({ open: '' })} />
    </Stack>
  );
}

function Row({ cr, history, onOpen }: { cr: ChangeRequest; history: boolean; onOpen: () => void }) {
  const { t } = useTranslation('changeRequests');
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer' }} data-testid={`cr-row-${cr.reference}`}>
      <Table.Td>
        <Anchor component="button" type="button" onClick={onOpen} fw={600} dir="ltr" data-testid="cr-open">
          {cr.reference}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`kind.${cr.kind}`)}</Table.Td>
      <Table.Td>
        <Text size="sm" dir="auto">
          {cr.title}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{cr.requestedBy?.name ?? t('system')}</Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(cr.requestedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ChangeRequestStatusBadge status={cr.status} />
      </Table.Td>
      <Table.Td>
        {cr.decidedAt ? (
          <>
            <Text size="sm">{cr.decidedBy?.name ?? t('system')}</Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(history ? (cr.appliedAt ?? cr.decidedAt) : cr.decidedAt)}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
