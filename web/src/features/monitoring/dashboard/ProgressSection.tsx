import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Card, Grid, Group, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardSummary } from '@shared/schemas/index.js';
import { formatNumber } from '../../../lib/format.js';
import { DirectionArrow } from '../../results/labels.js';
import { ChartLegendRow, ChartTip, hoveredRow, useChartAxes } from './chart-parts.js';
import { figureValue, formatIndicatorValue, formatPercent } from './figures.js';
import { type ProgressRow, PROGRESS_CAP, progressRows, type ProgressStatus, STATUS_COLORS, statusCounts } from './progress.js';

const STATUSES: ProgressStatus[] = ['met', 'onTrack', 'behind', 'none'];
const TICKS = [0, 25, 50, 75, 100, 125, 150];
const TARGET_LINE = 'gray.7';
const ELAPSED_LINE = 'blue.6';
/** The time line helps only while the project runs; at 0 or 100 % it sits on an axis or on the target line. */
const showElapsed = (elapsed: number | null): elapsed is number => elapsed !== null && elapsed > 0 && elapsed < 100;

/** % met per indicator as horizontal bars (framework order), and the same figures in a table. */
export function ProgressSection({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation('dashboard');
  const rows = progressRows(summary.progress, summary.elapsed);
  const charted = rows.filter((r) => r.bar !== null);
  const counts = statusCounts(rows);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="progress-title" data-testid="progress-section">
      <Title order={3} id="progress-title" mb={4}>
        {t('progress.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('progress.summary', { met: counts.met, onTrack: counts.onTrack, behind: counts.behind, none: counts.none })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="progress-empty">
          {t('progress.empty')}
        </Text>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <ChartLegendRow
              items={[
                ...STATUSES.filter((s) => s !== 'none').map((s) => ({ label: t(`status.${s}`), color: STATUS_COLORS[s] })),
                { label: `${t('progress.targetLine')} (100 %)`, color: TARGET_LINE, shape: 'line' as const },
                ...(showElapsed(summary.elapsed)
                  ? [{ label: `${t('progress.elapsedLine')} (${formatPercent(summary.elapsed, formatNumber)})`, color: ELAPSED_LINE, shape: 'dashed' as const }]
                  : []),
              ]}
            />
            {charted.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('progress.nothingToChart')}
              </Text>
            ) : (
              <ProgressChart rows={charted} summary={summary} />
            )}
            {charted.length < rows.length && charted.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('progress.tableOnly', { count: rows.length - charted.length })}
              </Text>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <ProgressTable summary={summary} rows={rows} />
          </Grid.Col>
        </Grid>
      )}
    </Card>
  );
}

function ProgressChart({ rows, summary }: { rows: ProgressRow[]; summary: DashboardSummary }) {
  const { t } = useTranslation('dashboard');
  const axes = useChartAxes();
  const height = Math.max(140, rows.length * 30 + 50);
  const elapsed = summary.elapsed;
  const byId = new Map(summary.progress.map((p) => [p.indicatorId, p]));
  const yesNo = { yes: t('common:common.yes'), no: t('common:common.no') };
  return (
    <BarChart
      h={height}
      data={rows}
      dataKey="code"
      orientation="vertical"
      series={[{ name: 'bar', label: t('progress.percentMet'), color: 'teal.6' }]}
      gridAxis="y"
      tickLine="none"
      maxBarWidth={18}
      aria-label={t('progress.chartLabel')}
      data-testid="progress-chart"
      xAxisProps={{ ...axes.baseAxis, domain: [0, PROGRESS_CAP], ticks: TICKS, type: 'number', tickFormatter: (v: number) => `${formatNumber(v)} %` }}
      yAxisProps={{ ...axes.valueAxis, width: 96, interval: 0 }}
      referenceLines={[
        // Named in the legend above: a label inside the plot lands on a bar.
        { x: 100, color: TARGET_LINE, strokeWidth: 1.5 },
        ...(showElapsed(elapsed) ? [{ x: elapsed, color: ELAPSED_LINE, strokeDasharray: '4 3', strokeWidth: 1.5 }] : []),
      ]}
      tooltipProps={{
        content: (props) => {
          const row = hoveredRow<ProgressRow>(props);
          const p = row && byId.get(row.indicatorId);
          if (!row || !p) return null;
          const value = (v: number | null) => formatIndicatorValue(v, p.type, formatNumber, yesNo);
          return (
            <ChartTip
              title={`${row.code} · ${row.name}`}
              lines={[
                { label: t('progress.percentMet'), value: formatPercent(row.percentMet, formatNumber), color: row.color },
                { label: t('progress.actual'), value: value(figureValue(p.actual)) + (p.actual?.pending ? ' *' : '') },
                { label: t('progress.target'), value: value(p.target) },
              ]}
              note={t(`status.${row.status}`)}
            />
          );
        },
      }}
    />
  );
}

function ProgressTable({ summary, rows }: { summary: DashboardSummary; rows: ProgressRow[] }) {
  const { t } = useTranslation('dashboard');
  const byId = new Map(summary.progress.map((p) => [p.indicatorId, p]));
  const yesNo = { yes: t('common:common.yes'), no: t('common:common.no') };
  return (
    <ScrollArea.Autosize mah={480} type="auto">
      <Table verticalSpacing={6} striped stickyHeader data-testid="progress-table">
        <caption style={{ captionSide: 'top', textAlign: 'start', fontSize: 12, color: 'var(--mantine-color-dimmed)', paddingBottom: 4 }}>
          {t('progress.tableCaption')}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('progress.indicator')}</Table.Th>
            <Table.Th ta="end">{t('progress.target')}</Table.Th>
            <Table.Th ta="end">{t('progress.actual')}</Table.Th>
            <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>
              {t('progress.percentMet')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const p = byId.get(r.indicatorId)!;
            const actual = figureValue(p.actual);
            return (
              <Table.Tr key={r.indicatorId} data-testid="progress-row" data-indicator={r.indicatorId} data-percent-met={r.percentMet ?? ''}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <DirectionArrow direction={p.direction} />
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/indicators/${r.indicatorId}`} size="sm" ff="monospace" dir="ltr">
                        {r.code}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={2} dir="auto">
                        {r.name}
                      </Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td ta="end">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatIndicatorValue(p.target, p.type, formatNumber, yesNo)}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatIndicatorValue(actual, p.type, formatNumber, yesNo)}
                    {p.actual?.pending && (
                      <Text span c="orange.8" title={t('pendingMark')}>
                        {' '}*
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">
                  {r.percentMet === null ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Badge
                      variant="light"
                      color={STATUS_COLORS[r.status].split('.')[0]}
                      tt="none"
                      size="md"
                      title={t(`status.${r.status}`)}
                      // A badge shortens its label to fit; a truncated "9…" % would be worse than a wider column.
                      styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}
                    >
                      {formatPercent(r.percentMet, formatNumber)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
