import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowsDiff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetAnalysis, BudgetAnalysisFigures } from '@shared/schemas/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { formatAmount, formatMoney, formatPct } from './money.js';

/** Flagged rows get a tinted background AND worded flags, so colour is never the only signal. */
const OVER_BUDGET_STYLE = { background: 'var(--mantine-color-red-light)' };
const OVER_THRESHOLD_STYLE = { background: 'var(--mantine-color-orange-light)' };
const rowStyle = (f: Pick<BudgetAnalysisFigures, 'overBudget' | 'overThreshold'>) => (f.overBudget ? OVER_BUDGET_STYLE : f.overThreshold ? OVER_THRESHOLD_STYLE : undefined);

export function Flags({ f }: { f: Pick<BudgetAnalysisFigures, 'overBudget' | 'overThreshold'> }) {
  const { t } = useTranslation('budgetAnalysis');
  if (!f.overBudget && !f.overThreshold) return null;
  return (
    <Stack gap={2}>
      {f.overBudget && (
        <Group gap={4} wrap="nowrap" data-testid="bva-flag-over-budget">
          <IconAlertTriangle size={14} color="var(--mantine-color-red-8)" aria-hidden style={{ flexShrink: 0 }} />
          <Text size="xs" fw={700} c="red.8">
            {t('flags.overBudget')}
          </Text>
        </Group>
      )}
      {f.overThreshold && (
        <Group gap={4} wrap="nowrap" data-testid="bva-flag-over-threshold">
          <IconArrowsDiff size={14} color="var(--mantine-color-orange-8)" aria-hidden style={{ flexShrink: 0 }} />
          <Text size="xs" fw={600} c="orange.9">
            {t('flags.overThreshold')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

const Num = ({ children, testId, strong }: { children: ReactNode; testId?: string; strong?: boolean }) => (
  <Table.Td ta="end" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} fw={strong ? 700 : undefined} data-testid={testId}>
    {children}
  </Table.Td>
);

function Variance({ f, currency }: { f: BudgetAnalysisFigures; currency: string }) {
  return (
    <>
      {formatAmount(f.varianceMinor, currency)}
      <Text span size="xs" c="dimmed" ms={4}>
        ({formatPct(f.variancePct)})
      </Text>
    </>
  );
}

function FigureHeaders() {
  const { t } = useTranslation('budgetAnalysis');
  return (
    <>
      <Table.Th ta="end">{t('col.budget')}</Table.Th>
      <Table.Th ta="end">{t('col.plannedToDate')}</Table.Th>
      <Table.Th ta="end">{t('col.actual')}</Table.Th>
      <Table.Th ta="end">{t('col.pending')}</Table.Th>
      <Table.Th ta="end">{t('col.variance')}</Table.Th>
      <Table.Th ta="end">{t('col.burn')}</Table.Th>
      <Table.Th ta="end">{t('col.remaining')}</Table.Th>
      <Table.Th ta="end">{t('col.forecast')}</Table.Th>
      <Table.Th miw={130}>{t('col.flags')}</Table.Th>
    </>
  );
}

function FigureCells({ f, currency, strong }: { f: BudgetAnalysisFigures; currency: string; strong?: boolean }) {
  return (
    <>
      <Num testId="bva-budget" strong={!!strong}>
        {formatAmount(f.budgetMinor, currency)}
      </Num>
      <Num>{formatAmount(f.plannedToDateMinor, currency)}</Num>
      <Num testId="bva-actual" strong={!!strong}>
        {formatAmount(f.actualMinor, currency)}
      </Num>
      <Num>{formatAmount(f.pendingMinor, currency)}</Num>
      <Num testId="bva-variance">
        <Variance f={f} currency={currency} />
      </Num>
      <Num>{formatPct(f.burnPct)}</Num>
      <Num>{formatAmount(f.remainingMinor, currency)}</Num>
      <Num>{formatAmount(f.forecastMinor, currency)}</Num>
      <Table.Td>
        <Flags f={f} />
      </Table.Td>
    </>
  );
}

function Wrap({ children, caption }: { children: ReactNode; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" fz="sm">
        <caption style={{ captionSide: 'top', textAlign: 'start', paddingBlockEnd: 6 }}>
          <Text size="sm" c="dimmed" span>
            {caption}
          </Text>
        </caption>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}

export function useCategoryLabel() {
  const { t } = useTranslation('budgetAnalysis');
  return (c: string) => t(`categories.${c}`, { defaultValue: c });
}

export function LineTable({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const category = useCategoryLabel();
  const c = a.budget.currency;
  return (
    <Wrap caption={t('caption', { currency: c })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('col.code')}</Table.Th>
          <Table.Th>{t('col.line')}</Table.Th>
          <FigureHeaders />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {a.lines.map((l) => (
          <Table.Tr key={l.lineId} data-testid={`bva-line-${l.code}`} data-flagged={l.overBudget || l.overThreshold || undefined} style={rowStyle(l)}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.code}</Table.Td>
            <Table.Td>
              <Text size="sm">{l.description}</Text>
              <Text size="xs" c="dimmed">
                {category(l.category)}
                {l.originalMinor !== l.budgetMinor && ` · ${t('originalWas', { amount: formatMoney(l.originalMinor, c) })}`}
              </Text>
            </Table.Td>
            <FigureCells f={l} currency={c} />
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr data-testid="bva-line-total">
          <Table.Th colSpan={2}>{t('total')}</Table.Th>
          <FigureCells f={a.total} currency={c} strong />
        </Table.Tr>
      </Table.Tfoot>
    </Wrap>
  );
}

export function CategoryTable({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const category = useCategoryLabel();
  const c = a.budget.currency;
  return (
    <Wrap caption={t('caption', { currency: c })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('col.category')}</Table.Th>
          <FigureHeaders />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {a.categories.map((k) => (
          <Table.Tr key={k.category} data-testid={`bva-category-${k.category}`} style={rowStyle(k)}>
            <Table.Td>
              {category(k.category)}
              <Text span size="xs" c="dimmed" ms={4}>
                ({t('lineCount', { count: k.lineCount })})
              </Text>
            </Table.Td>
            <FigureCells f={k} currency={c} />
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('total')}</Table.Th>
          <FigureCells f={a.total} currency={c} strong />
        </Table.Tr>
      </Table.Tfoot>
    </Wrap>
  );
}

export function ResultTable({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const c = a.budget.currency;
  return (
    <Wrap caption={t('resultsCaption', { currency: c })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('col.result')}</Table.Th>
          <FigureHeaders />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {a.results.map((r) => (
          <ResultRows key={r.resultNodeId ?? 'none'} r={r} currency={c} />
        ))}
      </Table.Tbody>
    </Wrap>
  );
}

function ResultRows({ r, currency }: { r: BudgetAnalysis['results'][number]; currency: string }) {
  const { t } = useTranslation('budgetAnalysis');
  return (
    <>
      <Table.Tr data-testid={`bva-result-${r.code ?? 'none'}`} style={rowStyle(r)}>
        <Table.Td>
          <Text size="sm" fw={600}>
            {r.resultNodeId ? `${r.code ?? ''} ${r.title ?? ''}`.trim() : t('noResult')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('linesList', { codes: r.lineCodes.join(', ') })}
          </Text>
        </Table.Td>
        <FigureCells f={r} currency={currency} />
      </Table.Tr>
      {r.costPerOutput.map((c) => (
        <Table.Tr key={c.indicatorId} data-testid={`bva-cost-${c.indicatorCode}`}>
          <Table.Td colSpan={10} ps="xl">
            <Text size="sm">
              {t('costPerOutput', {
                indicator: c.indicatorName,
                cost: formatMoney(c.costPerUnitMinor, currency),
                unit: c.unit || t('unitFallback'),
                actual: formatNumber(c.indicatorActual),
                spent: formatMoney(c.costMinor, currency),
              })}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

export function PeriodTable({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const c = a.budget.currency;
  return (
    <Wrap caption={t('caption', { currency: c })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('col.period')}</Table.Th>
          <Table.Th ta="end">{t('col.budget')}</Table.Th>
          <Table.Th ta="end">{t('col.plannedToDate')}</Table.Th>
          <Table.Th ta="end">{t('col.actual')}</Table.Th>
          <Table.Th ta="end">{t('col.pending')}</Table.Th>
          <Table.Th ta="end">{t('col.variance')}</Table.Th>
          <Table.Th>{t('col.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {a.periods.map((p) => (
          <Table.Tr key={p.key} data-testid={`bva-period-${p.key}`}>
            <Table.Td>
              <Text size="sm">{p.label}</Text>
              <Text size="xs" c="dimmed">
                {formatDate(p.start)} – {formatDate(p.end)}
              </Text>
            </Table.Td>
            <Num>{formatAmount(p.budgetMinor, c)}</Num>
            <Num>{formatAmount(p.plannedToDateMinor, c)}</Num>
            <Num>{formatAmount(p.actualMinor, c)}</Num>
            <Num>{formatAmount(p.pendingMinor, c)}</Num>
            <Num>{formatAmount(p.varianceMinor, c)}</Num>
            <Table.Td>
              <Badge variant="light" color={p.state === 'current' ? 'blue' : 'gray'} size="sm">
                {t(`state.${p.state}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Wrap>
  );
}

export function RateTable({ a }: { a: BudgetAnalysis }) {
  const { t } = useTranslation('budgetAnalysis');
  const c = a.budget.currency;
  if (a.rates.length === 0) return <Text c="dimmed">{t('rates.none')}</Text>;
  return (
    <Wrap caption={t('rates.caption', { currency: c })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rates.currency')}</Table.Th>
          <Table.Th>{t('rates.rate')}</Table.Th>
          <Table.Th>{t('rates.source')}</Table.Th>
          <Table.Th>{t('rates.date')}</Table.Th>
          <Table.Th ta="end">{t('rates.count')}</Table.Th>
          <Table.Th ta="end">{t('rates.paid')}</Table.Th>
          <Table.Th ta="end">{t('rates.converted', { currency: c })}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {a.rates.map((r) => (
          <Table.Tr key={`${r.currency}|${r.rate}|${r.source}|${r.rateDate ?? ''}`} data-testid={`bva-rate-${r.currency}`}>
            <Table.Td>{r.currency}</Table.Td>
            <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
              {r.currency === c ? '—' : `1 ${c} = ${r.rate} ${r.currency}`}
            </Table.Td>
            <Table.Td>{r.source || '—'}</Table.Td>
            <Table.Td>{formatDate(r.rateDate)}</Table.Td>
            <Num>{formatNumber(r.count)}</Num>
            <Num>{formatMoney(r.amountPaidMinor, r.currency)}</Num>
            <Num>{formatAmount(r.amountBudgetMinor, c)}</Num>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Wrap>
  );
}
