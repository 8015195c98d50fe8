import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, Loader, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocationLevel } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatNumber } from '../../../lib/format.js';
import { ChartTip, hoveredRow, useChartAxes } from './chart-parts.js';
import { formatIndicatorValue, formatTick, type IndicatorType } from './figures.js';
import { type DashboardScope, useAreaRanking } from './queries.js';
import { type AreaRow, rankingRows } from './series.js';

export const RANKING_LEVELS = ['admin1', 'admin2', 'admin3'] as const satisfies readonly LocationLevel[];
export type RankingLevel = (typeof RANKING_LEVELS)[number];
const LIMIT = 5;

interface Props {
  scope: DashboardScope;
  id: string;
  indicator: { indicatorId: string; type: IndicatorType };
  level: RankingLevel;
  onLevel: (l: RankingLevel) => void;
  includePending: boolean;
}

/** The places with the highest and the lowest figures of one indicator at the chosen admin level. */
export function AreasSection({ scope, id, indicator, level, onLevel, includePending }: Props) {
  const { t } = useTranslation('dashboard');
  const ranking = useAreaRanking(scope, id, indicator.indicatorId, level, LIMIT, includePending);
  const rows = ranking.data ? rankingRows(ranking.data) : null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="areas-title" h="100%" data-testid="areas-section">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs" mb="xs">
        <Title order={3} id="areas-title">
          {t('areas.title')}
          {ranking.isFetching && <Loader size="xs" ms="xs" />}
        </Title>
        <Select
          size="xs"
          w={170}
          label={t('areas.level')}
          data={RANKING_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          value={level}
          onChange={(v) => v && onLevel(v as RankingLevel)}
          allowDeselect={false}
          data-testid="areas-level"
        />
      </Group>
      {ranking.isPending ? (
        <Loader size="sm" />
      ) : ranking.error ? (
        <ErrorAlert error={ranking.error} />
      ) : !rows || rows.top.length === 0 ? (
        <Alert color="gray" variant="light" data-testid="areas-empty">
          {t('areas.empty')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {/* With few places every one is among the highest: one chart of them all, highest first. */}
          <RankingChart title={rows.bottom.length > 0 ? t('areas.top') : t('areas.all')} rows={rows.top} color="teal.6" type={indicator.type} testId="areas-top" />
          {rows.bottom.length > 0 && <RankingChart title={t('areas.bottom')} rows={rows.bottom} color="orange.6" type={indicator.type} testId="areas-bottom" />}
        </Stack>
      )}
    </Card>
  );
}

function RankingChart({ title, rows, color, type, testId }: { title: string; rows: AreaRow[]; color: string; type: IndicatorType; testId: string }) {
  const { t } = useTranslation('dashboard');
  const axes = useChartAxes();
  const value = (v: number) => formatIndicatorValue(v, type, formatNumber);
  return (
    <div>
      <Text size="sm" fw={600} mb={2}>
        {title}
      </Text>
      <BarChart
        h={rows.length * 28 + 36}
        data={rows}
        dataKey="name"
        orientation="vertical"
        series={[{ name: 'value', label: t('areas.value'), color }]}
        gridAxis="y"
        tickLine="none"
        maxBarWidth={16}
        aria-label={title}
        data-testid={testId}
        valueFormatter={(v) => formatTick(v, type, formatNumber)}
        xAxisProps={{ ...axes.baseAxis, domain: [0, 'auto'] }}
        yAxisProps={{ ...axes.valueAxis, width: 120, interval: 0 }}
        tooltipProps={{
          content: (props) => {
            const row = hoveredRow<AreaRow>(props);
            return row ? (
              <ChartTip
                title={`${row.name} (${row.pcode})`}
                lines={[{ label: t('areas.value'), value: value(row.value) + (row.pending ? ' *' : ''), color }]}
                note={row.pending ? t('pendingMark') : undefined}
              />
            ) : null;
          },
        }}
      />
      <VisuallyHidden>
        <ol>
          {rows.map((r) => (
            <li key={r.locationId}>
              {r.name} ({r.pcode}): {value(r.value)}
            </li>
          ))}
        </ol>
      </VisuallyHidden>
    </div>
  );
}
