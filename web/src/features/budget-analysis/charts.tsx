import { BarChart } from '@mantine/charts';
import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BudgetAnalysis } from '@shared/schemas/index.js';
import { formatNumber } from '../../lib/format.js';
import { ChartLegendRow, ChartTip, hoveredRow, useChartAxes } from '../monitoring/dashboard/chart-parts.js';
import { digitsOf, formatAmount, formatPct, toMajor } from './money.js';

const SPENT = 'teal.6';
const TIME = 'gray.5';
const OVER = 'red.7';

/**
 * Burn against time: two horizontal bars on one 0–100 % scale (beyond 100 % when over-spent), the
 * share of the budget spent and the share of the budget's time gone. Spending ahead of time shows red.
 */
export function BurnChart({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const axes = useChartAxes();
  const burn = a.total.burnPct ?? 0;
  const time = a.timeElapsedPct ?? 0;
  const ahead = burn > time;
  // One bar per row: stacked series where each row fills only its own.
  const rows = [
    { name: t('burn.spent'), spent: burn, time: 0, value: burn, kind: 'spent' as const },
    { name: t('burn.time'), spent: 0, time, value: time, kind: 'time' as const },
  ];
  return (
    <div data-testid="bva-burn-chart">
      <BarChart
        h={120}
        data={rows}
        dataKey="name"
        orientation="vertical"
        type="stacked"
        series={[
          { name: 'spent', label: t('burn.spent'), color: ahead ? OVER : SPENT },
          { name: 'time', label: t('burn.time'), color: TIME },
        ]}
        gridAxis="x"
        tickLine="none"
        maxBarWidth={26}
        aria-label={t('burn.title')}
        valueFormatter={(v) => formatPct(v)}
        xAxisProps={{ ...axes.baseAxis, domain: [0, Math.max(100, Math.ceil(burn / 10) * 10)] }}
        yAxisProps={{ ...axes.valueAxis, width: 130, interval: 0 }}
        tooltipProps={{
          content: (props) => {
            const row = hoveredRow<(typeof rows)[number]>(props);
            return row ? <ChartTip title={row.name} lines={[{ label: '%', value: formatPct(row.value), color: row.kind === 'time' ? TIME : ahead ? OVER : SPENT }]} /> : null;
          },
        }}
      />
      <ChartLegendRow
        items={[
          { label: t('burn.spent'), color: ahead ? OVER : SPENT },
          { label: t('burn.time'), color: TIME },
        ]}
      />
      <VisuallyHidden>
        {t('burn.sentence', { burn: formatPct(a.total.burnPct), time: formatPct(a.timeElapsedPct), days: a.daysElapsed, total: a.totalDays })}
      </VisuallyHidden>
    </div>
  );
}

/** Budget, planned to date and actual per period, as grouped bars in the budget currency. */
export function PeriodChart({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const axes = useChartAxes();
  const c = a.budget.currency;
  const digits = digitsOf(c);
  const rows = a.periods.map((p) => ({
    key: p.label,
    budget: toMajor(p.budgetMinor, c),
    planned: toMajor(p.plannedToDateMinor, c),
    actual: toMajor(p.actualMinor, c),
    minor: p,
  }));
  const series = [
    { name: 'budget', label: t('col.budget'), color: 'gray.5' },
    { name: 'planned', label: t('col.plannedToDate'), color: 'blue.4' },
    { name: 'actual', label: t('col.actual'), color: 'teal.6' },
  ];
  if (rows.length === 0) return <Text c="dimmed">{t('noPeriods')}</Text>;
  return (
    <div data-testid="bva-period-chart">
      <Text size="sm" fw={600} mb={4}>
        {t('periodChart', { currency: c })}
      </Text>
      <BarChart
        h={280}
        data={rows}
        dataKey="key"
        series={series}
        tickLine="none"
        gridAxis="y"
        maxBarWidth={22}
        aria-label={t('periodChart', { currency: c })}
        valueFormatter={(v) => formatNumber(v, { maximumFractionDigits: digits })}
        xAxisProps={axes.baseAxis}
        yAxisProps={{ ...axes.valueAxis, width: 90 }}
        tooltipProps={{
          content: (props) => {
            const row = hoveredRow<(typeof rows)[number]>(props);
            return row ? (
              <ChartTip
                title={row.key}
                lines={[
                  { label: t('col.budget'), value: formatAmount(row.minor.budgetMinor, c), color: 'gray.5' },
                  { label: t('col.plannedToDate'), value: formatAmount(row.minor.plannedToDateMinor, c), color: 'blue.4' },
                  { label: t('col.actual'), value: formatAmount(row.minor.actualMinor, c), color: 'teal.6' },
                ]}
              />
            ) : null;
          },
        }}
      />
      <ChartLegendRow items={series.map((s) => ({ label: s.label, color: s.color }))} />
    </div>
  );
}
