import { CompositeChart } from '@mantine/charts';
import { Card, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '@shared/schemas/index.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { ChartLegendRow, ChartTip, hoveredRow, useChartAxes } from './chart-parts.js';
import { type CompletenessRow, completenessRows } from './completeness.js';
import { formatPercent } from './figures.js';

const COLORS = { approved: 'teal.6', awaiting: 'yellow.5', missing: 'red.3', onTimePercent: 'blue.8' } as const;

/** Per reporting period: how many expected packages were approved, are waiting for review or never came, and the share on time. */
export function CompletenessSection({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation('dashboard');
  const rows = completenessRows(summary.completeness);
  const axes = useChartAxes();
  const count = (n: number) => formatNumber(n);
  const series = [
    { name: 'approved', label: t('completeness.approved'), color: COLORS.approved, type: 'bar' as const },
    { name: 'awaiting', label: t('completeness.awaiting'), color: COLORS.awaiting, type: 'bar' as const },
    { name: 'missing', label: t('completeness.missing'), color: COLORS.missing, type: 'bar' as const },
    { name: 'onTimePercent', label: t('completeness.onTime'), color: COLORS.onTimePercent, type: 'line' as const, yAxisId: 'right' },
  ];

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="completeness-title" data-testid="completeness-section">
      <Title order={3} id="completeness-title" mb={4}>
        {t('completeness.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('completeness.help')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="completeness-empty">
          {t('completeness.empty')}
        </Text>
      ) : (
        <>
          <ChartLegendRow items={series.map((s) => ({ label: s.label, color: s.color, shape: s.type === 'line' ? 'line' : 'box' }))} />
          <CompositeChart
            h={260}
            data={rows}
            dataKey="periodKey"
            series={series}
            maxBarWidth={40}
            curveType="linear"
            connectNulls={false}
            aria-label={t('completeness.chartLabel')}
            data-testid="completeness-chart"
            barProps={{ stackId: 'packages' }}
            withRightYAxis
            xAxisProps={{ ...axes.baseAxis, tick: { fontSize: 11, fill: 'currentColor', transform: 'translate(0, 8)' } }}
            yAxisProps={{ ...axes.valueAxis, width: 40, allowDecimals: false, domain: [0, Math.max(1, ...rows.map((r) => r.expected))] }}
            rightYAxisProps={{ ...axes.otherAxis, width: 48, domain: [0, 100], ticks: [0, 25, 50, 75, 100], tickFormatter: (v: number) => `${formatNumber(v)} %` }}
            tooltipProps={{
              content: (props) => {
                const row = hoveredRow<CompletenessRow>(props);
                if (!row) return null;
                return (
                  <ChartTip
                    title={<span dir="ltr">{row.periodKey}</span>}
                    lines={[
                      { label: t('completeness.expected'), value: count(row.expected) },
                      { label: t('completeness.approved'), value: count(row.approved), color: COLORS.approved },
                      { label: t('completeness.awaiting'), value: count(row.awaiting), color: COLORS.awaiting },
                      { label: t('completeness.missing'), value: count(row.missing), color: COLORS.missing },
                      { label: t('completeness.onTime'), value: formatPercent(row.onTimePercent, formatNumber), color: COLORS.onTimePercent, shape: 'line' },
                    ]}
                    note={t('completeness.due', { date: formatDate(row.dueDate) })}
                  />
                );
              },
            }}
          />
          <CompletenessTable rows={rows} />
        </>
      )}
    </Card>
  );
}

function CompletenessTable({ rows }: { rows: CompletenessRow[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <VisuallyHidden>
      <table data-testid="completeness-table">
        <caption>{t('completeness.chartLabel')}</caption>
        <thead>
          <tr>
            <th>{t('trend.period')}</th>
            <th>{t('completeness.expected')}</th>
            <th>{t('completeness.approved')}</th>
            <th>{t('completeness.awaiting')}</th>
            <th>{t('completeness.missing')}</th>
            <th>{t('completeness.onTime')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.periodKey}>
              <td>{r.periodKey}</td>
              <td>{r.expected}</td>
              <td>{r.approved}</td>
              <td>{r.awaiting}</td>
              <td>{r.missing}</td>
              <td>{formatPercent(r.onTimePercent, formatNumber)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
