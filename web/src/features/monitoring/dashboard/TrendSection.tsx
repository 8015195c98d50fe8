import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Card, Group, Loader, SegmentedControl, Select, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GRANULARITIES, type Granularity } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { ChartLegendRow, ChartTip, hoveredRow, useChartAxes } from './chart-parts.js';
import { formatIndicatorValue, formatTick, type IndicatorType } from './figures.js';
import { type DashboardScope, useTrend } from './queries.js';
import { hasTrendData, type TrendRow, trendRows } from './series.js';

export type TrendStyle = 'line' | 'bar';

const ACTUAL = 'teal.6';
const TARGET = 'gray.6';

interface Props {
  scope: DashboardScope;
  id: string;
  indicator: { indicatorId: string; type: IndicatorType; unit: string };
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
  style: TrendStyle;
  onStyle: (s: TrendStyle) => void;
  includePending: boolean;
}

/** Actual against target for one indicator, period by period (a running total for a cumulative indicator). */
export function TrendSection({ scope, id, indicator, granularity, onGranularity, style, onStyle, includePending }: Props) {
  const { t } = useTranslation('dashboard');
  const trend = useTrend(scope, id, indicator.indicatorId, granularity, includePending);
  const rows = trend.data ? trendRows(trend.data) : [];

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="trend-title" h="100%" data-testid="trend-section">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs" mb="xs">
        <Title order={3} id="trend-title">
          {t('trend.title')}
          {trend.isFetching && <Loader size="xs" ms="xs" />}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Select
            size="xs"
            w={150}
            label={t('trend.granularity')}
            data={GRANULARITIES.map((g) => ({ value: g, label: t(`granularity.${g}`) }))}
            value={granularity}
            onChange={(v) => v && onGranularity(v as Granularity)}
            allowDeselect={false}
            data-testid="trend-granularity"
          />
          <SegmentedControl
            size="xs"
            aria-label={t('trend.chartType')}
            data={[
              { value: 'line', label: t('trend.line') },
              { value: 'bar', label: t('trend.bar') },
            ]}
            value={style}
            onChange={(v) => onStyle(v as TrendStyle)}
          />
        </Group>
      </Group>
      {trend.data?.cumulative && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('trend.cumulative')}
        </Text>
      )}
      {trend.isPending ? (
        <Loader size="sm" />
      ) : trend.error ? (
        <ErrorAlert error={trend.error} />
      ) : !hasTrendData(rows) ? (
        <Alert color="gray" variant="light" data-testid="trend-empty">
          {t('trend.empty')}
        </Alert>
      ) : (
        <>
          <ChartLegendRow
            items={[
              { label: t('trend.actual'), color: ACTUAL, shape: style === 'line' ? 'line' : 'box' },
              { label: t('trend.target'), color: TARGET, shape: style === 'line' ? 'dashed' : 'box' },
            ]}
          />
          <TrendChart rows={rows} type={indicator.type} style={style} />
          <TrendTable rows={rows} type={indicator.type} />
        </>
      )}
    </Card>
  );
}

function TrendChart({ rows, type, style }: { rows: TrendRow[]; type: IndicatorType; style: TrendStyle }) {
  const { t } = useTranslation('dashboard');
  const axes = useChartAxes();
  const value = (v: number | null) => formatIndicatorValue(v, type, formatNumber);
  const common = {
    h: 280,
    data: rows,
    dataKey: 'key',
    'aria-label': t('trend.chartLabel'),
    'data-testid': 'trend-chart',
    xAxisProps: { ...axes.baseAxis, tick: { fontSize: 11, fill: 'currentColor', transform: 'translate(0, 8)' } },
    yAxisProps: { ...axes.valueAxis, width: 64 },
    valueFormatter: (v: number) => formatTick(v, type, formatNumber),
    tooltipProps: {
      content: (props: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) => {
        const row = hoveredRow<TrendRow>(props);
        if (!row) return null;
        return (
          <ChartTip
            title={
              <>
                <span dir="ltr">{row.key}</span>{' '}
                <Text span size="xs" c="dimmed">
                  {formatDate(row.start)} – {formatDate(row.end)}
                </Text>
              </>
            }
            lines={[
              { label: t('trend.actual'), value: value(row.actual) + (row.pending ? ' *' : ''), color: ACTUAL },
              { label: t('trend.target'), value: value(row.target), color: TARGET },
            ]}
            note={row.pending ? t('pendingMark') : undefined}
          />
        );
      },
    },
  };
  const actual = { name: 'actual', label: t('trend.actual'), color: ACTUAL };
  const target = { name: 'target', label: t('trend.target'), color: TARGET };
  if (style === 'bar') return <BarChart {...common} series={[actual, target]} maxBarWidth={28} />;
  return (
    <LineChart
      {...common}
      series={[actual, { ...target, strokeDasharray: '6 4' }]}
      curveType="linear"
      // A period without values is a gap, not a dip to zero.
      connectNulls={false}
    />
  );
}

/** The chart's numbers for screen readers. */
function TrendTable({ rows, type }: { rows: TrendRow[]; type: IndicatorType }) {
  const { t } = useTranslation('dashboard');
  return (
    <VisuallyHidden>
      <table>
        <caption>{t('trend.chartLabel')}</caption>
        <thead>
          <tr>
            <th>{t('trend.period')}</th>
            <th>{t('trend.actual')}</th>
            <th>{t('trend.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.key}</td>
              <td>{formatIndicatorValue(r.actual, type, formatNumber)}</td>
              <td>{formatIndicatorValue(r.target, type, formatNumber)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
