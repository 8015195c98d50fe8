import { Alert, Anchor, Button, Card, Checkbox, Group, Progress, Select, Table, Text } from '@mantine/core';
import { IconFilterOff, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUSES, type PlannedActivity } from '@shared/schemas/workplans.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { filterActivities, filterChoices, hasFilters, readFilters } from './filters.js';
import { ACTIVITY_STATUS_COLORS, ActivityStatusBadge, OverdueBadge } from './labels.js';

/** The filters both views share, kept in the address: team, location, status and overdue only. */
export function ActivityFiltersBar({ activities }: { activities: PlannedActivity[] }) {
  const { t } = useTranslation('workplan');
  const { params, update } = useSearchParamsUpdate();
  const f = readFilters(params);
  const choices = filterChoices(activities, currentLocale());
  return (
    <Card withBorder padding="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('filters.team')}
          placeholder={t('filters.allTeams')}
          data={choices.teams}
          value={f.team || null}
          onChange={(v) => update({ team: v ?? '' })}
          clearable
          searchable
          w={220}
          data-testid="filter-team"
        />
        <Select
          label={t('filters.location')}
          placeholder={t('filters.allLocations')}
          data={choices.locations}
          value={f.location || null}
          onChange={(v) => update({ location: v ?? '' })}
          clearable
          searchable
          w={200}
          data-testid="filter-location"
        />
        <Select
          label={t('filters.status')}
          placeholder={t('filters.allStatuses')}
          data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={f.status || null}
          onChange={(v) => update({ status: v ?? '' })}
          clearable
          w={180}
          data-testid="filter-status"
        />
        <Checkbox
          label={t('filters.overdueOnly')}
          checked={f.overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked ? '1' : '' })}
          mb={8}
          data-testid="filter-overdue"
        />
        {hasFilters(f) && (
          <Button variant="subtle" size="xs" mb={4} leftSection={<IconFilterOff size={14} />} onClick={() => update({ team: '', location: '', status: '', overdue: '' })} data-testid="filter-clear">
            {t('filters.clear')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The list view: one row per activity that passes the filters, with its plan and its progress. */
export function ActivityList({ activities, onOpen }: { activities: PlannedActivity[]; onOpen: (a: PlannedActivity) => void }) {
  const { t } = useTranslation('workplan');
  const { params } = useSearchParamsUpdate();
  const shown = filterActivities(activities, readFilters(params));
  if (shown.length === 0)
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="list-empty">
        {t('list.empty')}
      </Alert>
    );
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="activity-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('fields.code')}</Table.Th>
              <Table.Th>{t('fields.title')}</Table.Th>
              <Table.Th>{t('list.responsible')}</Table.Th>
              <Table.Th>{t('fields.location')}</Table.Th>
              <Table.Th>{t('list.planned')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th w={120}>{t('fields.percentComplete')}</Table.Th>
              <Table.Th>{t('list.actual')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((a) => (
              <Table.Tr key={a.id} data-testid="activity-row" data-code={a.code} data-status={a.status} data-overdue={a.overdue}>
                <Table.Td>
                  <Text span ff="monospace" fw={600} size="sm" dir="ltr">
                    {a.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" ta="start" onClick={() => onOpen(a)} dir="auto" data-testid="activity-open">
                    {a.title}
                  </Anchor>
                  {a.resultNode && (
                    <Text size="xs" c="dimmed">
                      <Text span ff="monospace" size="xs" dir="ltr">
                        {a.resultNode.code}
                      </Text>{' '}
                      {a.resultNode.title}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" dir="auto">
                    {a.responsible || '—'}
                  </Text>
                  {a.team && (
                    <Text size="xs" c="dimmed" dir="auto">
                      {a.team}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" dir="auto">
                    {a.locationName ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateRange from={formatDate(a.plannedStart)} to={formatDate(a.plannedEnd)} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <ActivityStatusBadge status={a.status} />
                    {a.overdue && <OverdueBadge plannedEnd={a.plannedEnd} />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" dir="ltr" ta="end">
                    {formatNumber(a.percentComplete)} %
                  </Text>
                  <Progress value={a.percentComplete} color={ACTIVITY_STATUS_COLORS[a.status]} size="sm" aria-hidden />
                </Table.Td>
                <Table.Td>{a.actualStart ? <DateRange from={formatDate(a.actualStart)} to={a.actualEnd ? formatDate(a.actualEnd) : t('list.ongoing')} /> : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** "12 janv. 2026 – 27 févr. 2026": each date kept whole, the range may break after the dash so the titles keep their room. */
function DateRange({ from, to }: { from: string; to: string }) {
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{from} –</span> <span style={{ whiteSpace: 'nowrap' }}>{to}</span>
    </>
  );
}
