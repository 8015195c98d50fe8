import { Alert, Badge, Card, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Indicator } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatNumber, placeName } from '../../lib/format.js';
import { hasAnyRole, useCurrentUser } from '../auth/session.js';
import { resultsQueries } from '../results/queries.js';
import { organisationName, Ratio } from './labels.js';
import { useIndicatorValues, type ReportedValues } from './queries.js';
import { breakdownCount, pivotValues, WHOLE_PROJECT } from './reported-values.js';

type Value = ReportedValues['items'][number];

/**
 * The indicator page's "Reported values": totals per period (rows) and location (columns), approved
 * values by default. People who fill or review packages may add pending ones, set apart in italics
 * with a "pending" badge; for anyone else the server answers approved values only.
 */
export function ReportedValuesCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('reporting');
  const user = useCurrentUser();
  const mayAskPending = hasAnyRole(user, ['admin', 'programme_manager', 'me_officer', 'reporter', 'partner_reporter']);
  const [includePending, setIncludePending] = useState(false);
  const values = useIndicatorValues(indicator.id, includePending);
  // The project's places, to name and order the columns (the targets section asks for the same data).
  const targets = useQuery(resultsQueries.targets(indicator.id));
  const locations = useMemo(() => targets.data?.locations ?? [], [targets.data]);
  const pivot = useMemo(() => pivotValues(values.data?.items ?? [], locations.map((l) => l.id)), [values.data, locations]);
  const columnName = (id: string) => {
    if (id === WHOLE_PROJECT) return t('values.wholeProject');
    const l = locations.find((x) => x.id === id);
    return l ? placeName(l) : '…';
  };
  const refused = includePending && values.data && !values.data.includesPending;
  const breakdowns = breakdownCount(values.data?.items ?? []);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="reported-values-title" data-testid="reported-values">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={3} id="reported-values-title">
              {t('values.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {includePending && !refused ? t('values.helpPending') : t('values.help')}
            </Text>
          </div>
          {mayAskPending && (
            <Switch
              label={t('values.includePending')}
              checked={includePending}
              onChange={(e) => setIncludePending(e.currentTarget.checked)}
              data-testid="include-pending"
            />
          )}
        </Group>
        {refused && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('values.approvedOnly')}
          </Alert>
        )}
        {values.isPending ? (
          <PageLoader />
        ) : values.error ? (
          <ErrorAlert error={values.error} />
        ) : pivot.rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-values">
            {includePending ? t('values.noneAtAll') : t('values.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={200 + pivot.columns.length * 120}>
            <Table verticalSpacing="xs" withColumnBorders data-testid="values-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('values.period')}</Table.Th>
                  <Table.Th>{t('values.organisation')}</Table.Th>
                  {pivot.columns.map((c) => (
                    <Table.Th key={c || 'whole'} ta="end">
                      {columnName(c)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pivot.rows.map((row) => (
                  <Table.Tr key={row.key} data-period={row.periodKey} data-pending={row.status === 'pending' || undefined}>
                    <Table.Td>
                      <Text size="sm" ff="monospace" dir="ltr" span>
                        {row.periodKey}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" component={Link} to={`/submissions/${row.submissionId}`} c="teal.8" title={organisationName(row.organisation)}>
                          {row.organisation.acronym ?? row.organisation.name}
                        </Text>
                        {row.status === 'pending' && (
                          <Badge size="sm" variant="outline" color="orange" tt="none">
                            {t('values.pending')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    {pivot.columns.map((c) => {
                      const cell = row.cells.get(c);
                      return (
                        <Table.Td key={c || 'whole'} ta="end" fs={cell?.status === 'pending' ? 'italic' : undefined} c={cell?.status === 'pending' ? 'orange.9' : undefined}>
                          {cell ? <ValueText value={cell} type={indicator.type} /> : <Text span c="dimmed" size="sm">—</Text>}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {breakdowns > 0 && (
          <Text size="xs" c="dimmed">
            {t('values.breakdownsNote', { count: breakdowns })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ValueText({ value: v, type }: { value: Value; type: Indicator['type'] }) {
  const { t } = useTranslation('reporting');
  const pending = v.status === 'pending' ? ` (${t('values.pending')})` : '';
  if (type === 'qualitative') return <span dir="auto" title={v.text ?? undefined}>{v.text ?? '—'}</span>;
  if (type === 'yes_no') return <span aria-label={`${v.value === 1 ? t('common:common.yes') : t('common:common.no')}${pending}`}>{v.value === null ? '—' : v.value === 1 ? t('common:common.yes') : t('common:common.no')}</span>;
  if (type === 'percentage') {
    return (
      <span aria-label={pending ? `${formatNumber(v.value, { maximumFractionDigits: 1 })} %${pending}` : undefined}>
        {formatNumber(v.value, { maximumFractionDigits: 1 })} %
        {v.numerator !== null && v.denominator !== null && (
          <Text span size="xs" c="dimmed" display="block">
            <Ratio part={v.numerator} whole={v.denominator} />
          </Text>
        )}
      </span>
    );
  }
  return <span aria-label={pending ? `${formatNumber(v.value)}${pending}` : undefined}>{formatNumber(v.value)}</span>;
}
