// The chart library and its styles load with this page only, never with the sign-in bundle.
import '@mantine/charts/styles.css';
import { Alert, Button, Card, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconHierarchy2, IconInfoCircle, IconMap2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { GRANULARITIES, type DashboardSummary, type Granularity } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { useSearchParamsUpdate } from '../../../lib/search-params.js';
import { AreasSection, RANKING_LEVELS, type RankingLevel } from './AreasSection.js';
import { BudgetCard } from './BudgetCard.js';
import { CompletenessSection } from './CompletenessSection.js';
import { DashboardBreadcrumbs, DashboardHeader } from './DashboardHeader.js';
import { ProgressSection } from './ProgressSection.js';
import { type DashboardScope, useDashboard } from './queries.js';
import { TrendSection, type TrendStyle } from './TrendSection.js';

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * `/projects/:id/dashboard` and `/programmes/:id/dashboard`: progress of every indicator, then one
 * indicator in detail (trend, highest and lowest places), then reporting completeness. The chosen
 * indicator, granularity, level and the pending switch live in the address so a link shows the same view.
 */
export default function DashboardPage({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation('dashboard');
  const { id = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const includePending = params.get('pending') === 'true';
  const summary = useDashboard(scope, id, includePending);

  if (summary.isPending) return <PageLoader />;
  if (summary.error)
    return (
      <Stack>
        <DashboardBreadcrumbs scope={scope} id={id} />
        <ErrorAlert error={summary.error} />
      </Stack>
    );
  const s = summary.data;
  const frameworkPath = `/${scope === 'project' ? 'projects' : 'programmes'}/${id}/framework`;

  return (
    <Stack data-testid="dashboard" data-scope={scope}>
      <DashboardBreadcrumbs scope={scope} id={id} code={s.code} />
      <DashboardHeader summary={s} includePending={includePending} onIncludePending={(on) => update({ pending: on ? 'true' : '' })} />
      {s.progress.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="dashboard-empty">
          <Text size="sm" mb="xs">
            {t('empty')}
          </Text>
          <Button component={Link} to={frameworkPath} size="xs" variant="light" leftSection={<IconHierarchy2 size={14} />}>
            {t('openFramework')}
          </Button>
        </Alert>
      ) : (
        <>
          <ProgressSection summary={s} />
          <IndicatorDetail scope={scope} id={id} summary={s} includePending={includePending} />
        </>
      )}
      <CompletenessSection summary={s} />
      {scope === 'project' && <BudgetCard projectId={id} />}
    </Stack>
  );
}

function IndicatorDetail({ scope, id, summary, includePending }: { scope: DashboardScope; id: string; summary: DashboardSummary; includePending: boolean }) {
  const { t } = useTranslation('dashboard');
  const { params, update } = useSearchParamsUpdate();
  const numeric = summary.progress.filter((p) => p.type !== 'qualitative');
  // The first indicator with a figure is the most useful default; an empty chart tells nothing.
  const fallback = numeric.find((p) => p.actual?.value !== null && p.actual !== null) ?? numeric[0];
  const chosen = numeric.find((p) => p.indicatorId === params.get('indicator')) ?? fallback;
  const granularity = oneOf<Granularity>(params.get('granularity'), GRANULARITIES, 'quarter');
  const style = oneOf<TrendStyle>(params.get('chart'), ['line', 'bar'], 'line');
  const level = oneOf<RankingLevel>(params.get('level'), RANKING_LEVELS, 'admin1');
  if (!chosen) return null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="detail-title">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="md">
        <Title order={3} id="detail-title">
          {t('detail.title')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            w={{ base: '100%', sm: 420 }}
            label={t('detail.indicator')}
            data={numeric.map((p) => ({ value: p.indicatorId, label: `${p.code} · ${p.name}` }))}
            value={chosen.indicatorId}
            onChange={(v) => v && update({ indicator: v })}
            allowDeselect={false}
            searchable
            data-testid="detail-indicator"
          />
          <Button
            component={Link}
            to={`/indicators/${chosen.indicatorId}/map${includePending ? '?pending=true' : ''}`}
            variant="light"
            leftSection={<IconMap2 size={16} />}
            data-testid="dashboard-map-link"
          >
            {t('detail.map')}
          </Button>
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <TrendSection
            scope={scope}
            id={id}
            indicator={chosen}
            granularity={granularity}
            onGranularity={(g) => update({ granularity: g })}
            style={style}
            onStyle={(c) => update({ chart: c === 'line' ? '' : c })}
            includePending={includePending}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <AreasSection scope={scope} id={id} indicator={chosen} level={level} onLevel={(l) => update({ level: l })} includePending={includePending} />
        </Grid.Col>
      </Grid>
    </Card>
  );
}
