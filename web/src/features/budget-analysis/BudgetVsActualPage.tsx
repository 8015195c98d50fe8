// The chart library and its styles load with this page only, never with the sign-in bundle.
import '@mantine/charts/styles.css';
import { Alert, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BudgetAnalysis } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { downloadFromApi } from '../framework-excel/download.js';
import { MoneyPageError } from '../plans/MoneyPageError.js';
import { useProject } from '../projects/queries.js';
import { BurnChart, PeriodChart } from './charts.js';
import { formatMoney, formatPct, todayUtc } from './money.js';
import { useBudgetAnalysis, useBudgetSummary } from './queries.js';
import { CategoryTable, LineTable, PeriodTable, RateTable, ResultTable } from './tables.js';
import { ProjectPageBreadcrumbs } from '../plans/ProjectPageBreadcrumbs.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TABS = ['lines', 'categories', 'results', 'periods', 'rates'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/projects/:id/budget-vs-actual`: for a budget in force (chosen when the project has several)
 * and an as-of date (both kept in the address), the headline figures, burn against time elapsed,
 * then tables by line, category, result (with cost per output), period and the exchange rates used.
 */
export default function BudgetVsActualPage() {
  const { t } = useTranslation(['budgetAnalysis', 'projects']);
  const { id: projectId = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const project = useProject(projectId);
  const summary = useBudgetSummary(projectId);
  const asOfParam = params.get('asOf') ?? '';
  const asOf = DATE.test(asOfParam) ? asOfParam : todayUtc();
  const budgets = summary.data?.budgets ?? [];
  const budgetId = budgets.find((b) => b.id === params.get('budget'))?.id ?? budgets[0]?.id ?? null;
  const analysis = useBudgetAnalysis(budgetId, asOf);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'lines';
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  if (summary.isPending || project.isPending) return <PageLoader />;
  if (summary.error) return <MoneyPageError projectId={projectId} title={t('title')} error={summary.error} />;
  if (project.error) return <ErrorAlert error={project.error} />;
  const p = project.data;

  const download = async () => {
    if (!budgetId) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFromApi(`/budgets/${budgetId}/analysis.xlsx?asOf=${asOf}`, `fieldbook-budget-vs-actual-${asOf}.xlsx`);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack data-testid="bva-page">
      <ProjectPageBreadcrumbs projectId={projectId} code={p.code} current={t('title')} />
      <PageHeader
        title={t('title')}
        subtitle={`${p.code} · ${p.title}`}
        actions={
          budgetId && (
            <Button variant="light" leftSection={<IconDownload size={16} />} onClick={download} loading={downloading} data-testid="bva-download">
              {t('download')}
            </Button>
          )
        }
      />
      {budgets.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="bva-empty">
          <Text size="sm" mb="xs">
            {t('empty')}
          </Text>
          <Button component={Link} to={`/projects/${projectId}/budget`} size="xs" variant="light">
            {t('openBudget')}
          </Button>
        </Alert>
      ) : (
        <>
          <Card withBorder padding="sm">
            <Group align="flex-end" wrap="wrap" gap="sm">
              <Select
                label={t('budget')}
                data={budgets.map((b) => ({ value: b.id, label: `${b.title} (${b.currency})` }))}
                value={budgetId}
                onChange={(v) => v && update({ budget: v })}
                allowDeselect={false}
                miw={280}
                style={{ flex: 1 }}
                data-testid="bva-budget-picker"
              />
              <TextInput
                type="date"
                label={t('asOf')}
                value={asOf}
                onChange={(e) => DATE.test(e.currentTarget.value) && update({ asOf: e.currentTarget.value })}
                w={190}
                data-testid="bva-as-of"
              />
              {analysis.isFetching && <Loader size="sm" mb={8} />}
            </Group>
          </Card>
          {downloadError !== null && <ErrorAlert error={downloadError} />}
          {analysis.error && <ErrorAlert error={analysis.error} />}
          {analysis.data && (
            <>
              <Headline a={analysis.data} />
              <Tabs value={tab} onChange={(v) => v && update({ tab: v === 'lines' ? '' : v })} keepMounted={false}>
                <Tabs.List>
                  {TABS.map((k) => (
                    <Tabs.Tab key={k} value={k} data-testid={`bva-tab-${k}`}>
                      {t(`tabs.${k}`)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                <Tabs.Panel value="lines" pt="md">
                  <LineTable a={analysis.data} />
                </Tabs.Panel>
                <Tabs.Panel value="categories" pt="md">
                  <CategoryTable a={analysis.data} />
                </Tabs.Panel>
                <Tabs.Panel value="results" pt="md">
                  <ResultTable a={analysis.data} />
                </Tabs.Panel>
                <Tabs.Panel value="periods" pt="md">
                  <Stack>
                    <PeriodChart a={analysis.data} />
                    <PeriodTable a={analysis.data} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="rates" pt="md">
                  <RateTable a={analysis.data} />
                </Tabs.Panel>
              </Tabs>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function Stat({ label, value, note, testId, color }: { label: string; value: string; note?: string | undefined; testId: string; color?: string | undefined }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} c={color} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}

function Headline({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const c = a.budget.currency;
  const f = a.total;
  const overLines = a.lines.filter((l) => l.overBudget || l.overThreshold).length;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" data-testid="bva-period">
        {t('headline.period', {
          start: formatDate(a.budget.startDate), end: formatDate(a.budget.endDate), version: a.budget.versionNumber ?? '—', asOf: formatDate(a.asOf), threshold: a.budget.varianceThresholdPct,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <Stat
          label={t('headline.budget')}
          value={formatMoney(f.budgetMinor, c)}
          note={f.originalMinor !== f.budgetMinor ? t('headline.original', { amount: formatMoney(f.originalMinor, c) }) : undefined}
          testId="bva-total-budget"
        />
        <Stat label={t('headline.actual')} value={formatMoney(f.actualMinor, c)} note={t('headline.planned', { amount: formatMoney(f.plannedToDateMinor, c) })} testId="bva-total-actual" color={f.overBudget ? 'red.8' : undefined} />
        <Stat label={t('headline.pending')} value={formatMoney(f.pendingMinor, c)} testId="bva-total-pending" />
        <Stat label={t('headline.remaining')} value={formatMoney(f.remainingMinor, c)} testId="bva-total-remaining" color={f.remainingMinor < 0 ? 'red.8' : undefined} />
        <Stat
          label={t('headline.forecast')}
          value={formatMoney(f.forecastMinor, c)}
          note={f.forecastVarianceMinor === null ? t('headline.noForecast') : f.forecastVarianceMinor > 0 ? t('headline.forecastOver', { amount: formatMoney(f.forecastVarianceMinor, c) }) : t('headline.forecastUnder', { amount: formatMoney(-f.forecastVarianceMinor, c) })}
          testId="bva-total-forecast"
          color={f.forecastVarianceMinor !== null && f.forecastVarianceMinor > 0 ? 'orange.8' : undefined}
        />
      </SimpleGrid>
      <Card withBorder padding="md" component="section" aria-labelledby="bva-burn-title">
        <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
          <Title order={4} id="bva-burn-title">
            {t('burn.title')}
          </Title>
          <Group gap="xs">
            {overLines > 0 && (
              <Badge color="red" variant="light" data-testid="bva-lines-flagged">
                {t('burn.flagged', { count: overLines })}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" mb="sm" data-testid="bva-burn-text">
          {t('burn.sentence', { burn: formatPct(f.burnPct), time: formatPct(a.timeElapsedPct), days: a.daysElapsed, total: a.totalDays })}
        </Text>
        <BurnChart a={a} />
      </Card>
    </Stack>
  );
}
