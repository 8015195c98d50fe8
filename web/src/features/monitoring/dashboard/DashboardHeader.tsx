import { Anchor, Breadcrumbs, Card, Group, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardSummary } from '@shared/schemas/index.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import type { DashboardScope } from './queries.js';

const ownerPath = (scope: DashboardScope, id: string) => (scope === 'project' ? `/projects/${id}` : `/programmes/${id}`);

export function DashboardBreadcrumbs({ scope, id, code }: { scope: DashboardScope; id: string; code?: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <Breadcrumbs>
      <Anchor component={Link} to={scope === 'project' ? '/projects' : '/programmes'} size="sm">
        {t(scope === 'project' ? 'breadcrumbs.projects' : 'breadcrumbs.programmes')}
      </Anchor>
      {code && (
        <Anchor component={Link} to={ownerPath(scope, id)} size="sm" dir="ltr">
          {code}
        </Anchor>
      )}
      <Text size="sm" c="dimmed">
        {t('title')}
      </Text>
    </Breadcrumbs>
  );
}

/** Title, dates and how much of the time has gone by; the pending switch for those who may ask for it. */
export function DashboardHeader({
  summary,
  includePending,
  onIncludePending,
}: {
  summary: DashboardSummary;
  includePending: boolean;
  onIncludePending: (on: boolean) => void;
}) {
  const { t } = useTranslation('dashboard');
  const elapsed = summary.elapsed === null ? null : Math.min(100, Math.max(0, summary.elapsed));
  return (
    <Card withBorder padding="md" component="header">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {t(`scope.${summary.scope}`)} ·{' '}
            <Text span inherit ff="monospace" dir="ltr">
              {summary.code}
            </Text>
          </Text>
          <Title order={2} dir="auto" data-testid="dashboard-title">
            {summary.title}
          </Title>
          <Text size="sm">
            {summary.start || summary.end
              ? t('header.dates', { start: formatDate(summary.start, 'long'), end: formatDate(summary.end, 'long') })
              : t('header.noDates')}
          </Text>
        </Stack>
        <Stack gap={6} style={{ flex: '0 1 360px', minWidth: 240 }}>
          {elapsed !== null && (
            <div>
              <Group justify="space-between" gap="xs" mb={4}>
                <Text size="sm" id="elapsed-label">
                  {t('header.elapsed')}
                </Text>
                <Text size="sm" fw={600} data-testid="elapsed">
                  {formatNumber(elapsed, { maximumFractionDigits: 0 })} %
                </Text>
              </Group>
              <Progress value={elapsed} size="lg" color="blue" aria-labelledby="elapsed-label" />
            </div>
          )}
          {summary.canIncludePending && (
            <Switch
              checked={includePending}
              onChange={(e) => onIncludePending(e.currentTarget.checked)}
              label={t('header.includePending')}
              description={t('header.includePendingHelp')}
              data-testid="include-pending"
            />
          )}
        </Stack>
      </Group>
      {summary.includesPending && (
        <Text size="xs" c="orange.8" mt="sm" data-testid="pending-note">
          {t('pendingNote')}
        </Text>
      )}
    </Card>
  );
}
