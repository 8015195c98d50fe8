import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sumMinor } from '@shared/domain/money.js';
import type { BudgetDetail } from '@shared/schemas/index.js';
import { byCategory, formatAmount } from './grid.js';
import { periodLabel } from './labels.js';

const num = { textAlign: 'end', whiteSpace: 'nowrap' } as const;

/**
 * The chosen version's lines grouped by category with subtotals and a grand total, one column per
 * period. On a revision, the line's total in the original and in the version in force stand beside
 * this version's, and lines it removes are listed struck through.
 */
export function LinesTable({ detail, projectId }: { detail: BudgetDetail; projectId: string }) {
  const { t } = useTranslation('budget');
  const currency = detail.budget.currency;
  const money = (m: number | null) => (m === null ? '—' : formatAmount(m, currency));
  const compare = detail.comparison !== null;
  const groups = byCategory(detail.lines);
  const periodCount = detail.periods.length;
  const span = 5 + periodCount + (compare ? 3 : 1);
  const changed = (a: number | null, b: number) => a !== b;

  return (
    <Table.ScrollContainer minWidth={760 + periodCount * 110}>
      <Table verticalSpacing={6} withTableBorder withColumnBorders striped={false} data-testid="budget-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.code')}</Table.Th>
            <Table.Th style={{ minWidth: 220 }}>{t('columns.description')}</Table.Th>
            <Table.Th>{t('columns.unit')}</Table.Th>
            <Table.Th style={num}>{t('columns.quantity')}</Table.Th>
            <Table.Th style={num}>{t('columns.unitCost')}</Table.Th>
            {detail.periods.map((p) => (
              <Table.Th key={p.key} style={num}>
                {periodLabel(p)}
              </Table.Th>
            ))}
            {compare ? (
              <>
                <Table.Th style={num}>{t('columns.original')}</Table.Th>
                <Table.Th style={num}>{t('columns.current')}</Table.Th>
                <Table.Th style={num}>{t('columns.thisVersion')}</Table.Th>
              </>
            ) : (
              <Table.Th style={num}>{t('columns.total')}</Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={span}>
                <Text c="dimmed" size="sm" data-testid="budget-no-lines">
                  {t('noLines')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {groups.map((g) => {
            const cat = detail.totals.byCategory.find((c) => c.category === g.category);
            return [
              <Table.Tr key={`${g.category}-head`} bg="var(--mantine-color-gray-0)">
                <Table.Td colSpan={span} fw={600}>
                  {t(`category.${g.category}`)}
                </Table.Td>
              </Table.Tr>,
              ...g.lines.map((l) => (
                <Table.Tr key={l.lineId} data-testid={`budget-line-${l.code}`}>
                  <Table.Td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {l.code}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.description}</Text>
                    {l.resultNode && (
                      <Text size="xs" c="dimmed">
                        {t('linkedResult')}{' '}
                        <Anchor component={Link} to={`/projects/${projectId}/framework`} size="xs">
                          {l.resultNode.code} {l.resultNode.title}
                        </Anchor>
                      </Text>
                    )}
                    {l.activity && (
                      <Text size="xs" c="dimmed">
                        {t('linkedActivity')}{' '}
                        <Anchor component={Link} to={`/projects/${projectId}/work-plan`} size="xs">
                          {l.activity.code} {l.activity.title}
                        </Anchor>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{l.unit}</Table.Td>
                  <Table.Td style={num}>{l.quantity}</Table.Td>
                  <Table.Td style={num}>{money(l.unitCostMinor)}</Table.Td>
                  {detail.periods.map((p) => (
                    <Table.Td key={p.key} style={num} c={(l.amounts[p.key] ?? 0) === 0 ? 'dimmed' : undefined}>
                      {money(l.amounts[p.key] ?? 0)}
                    </Table.Td>
                  ))}
                  {compare && (
                    <>
                      <Table.Td style={num} c="dimmed">
                        {money(l.originalTotalMinor)}
                      </Table.Td>
                      <Table.Td style={num} c="dimmed">
                        {money(l.currentTotalMinor)}
                      </Table.Td>
                    </>
                  )}
                  <Table.Td style={num} fw={600} data-testid="budget-line-total">
                    {money(l.totalMinor)}
                    {compare && changed(l.currentTotalMinor, l.totalMinor) && (
                      <Badge ms={6} size="xs" color={l.currentTotalMinor === null ? 'teal' : 'orange'} variant="light">
                        {l.currentTotalMinor === null ? t('newLine') : t('changed')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              )),
              <Table.Tr key={`${g.category}-sub`} data-testid={`budget-subtotal-${g.category}`}>
                <Table.Td colSpan={5} fw={600} style={{ textAlign: 'end' }}>
                  {t('subtotal', { category: t(`category.${g.category}`) })}
                </Table.Td>
                {detail.periods.map((p) => (
                  <Table.Td key={p.key} style={num} fw={600}>
                    {money(sumMinor(g.lines.map((l) => l.amounts[p.key] ?? 0)))}
                  </Table.Td>
                ))}
                {compare && (
                  <>
                    <Table.Td style={num} fw={600} c="dimmed">
                      {money(cat?.originalTotalMinor ?? null)}
                    </Table.Td>
                    <Table.Td style={num} fw={600} c="dimmed">
                      {money(cat?.currentTotalMinor ?? null)}
                    </Table.Td>
                  </>
                )}
                <Table.Td style={num} fw={600}>
                  {money(g.totalMinor)}
                </Table.Td>
              </Table.Tr>,
            ];
          })}
          {detail.removedLines.map((l) => (
            <Table.Tr key={l.lineId} data-testid={`budget-removed-${l.code}`}>
              <Table.Td dir="ltr" td="line-through" c="dimmed">
                {l.code}
              </Table.Td>
              <Table.Td colSpan={4 + periodCount}>
                <Text size="sm" td="line-through" c="dimmed" span>
                  {l.description}
                </Text>{' '}
                <Badge size="xs" color="red" variant="light">
                  {t('removed')}
                </Badge>
              </Table.Td>
              <Table.Td style={num} c="dimmed">
                {money(l.originalTotalMinor)}
              </Table.Td>
              <Table.Td style={num} c="dimmed">
                {money(l.currentTotalMinor)}
              </Table.Td>
              <Table.Td style={num}>{money(0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="budget-grand-total">
            <Table.Th colSpan={5} style={{ textAlign: 'end' }}>
              {t('grandTotal')}
            </Table.Th>
            {detail.totals.byPeriod.map((p) => (
              <Table.Th key={p.periodKey} style={num}>
                {money(p.totalMinor)}
              </Table.Th>
            ))}
            {compare && (
              <>
                <Table.Th style={num}>{money(detail.totals.originalTotalMinor)}</Table.Th>
                <Table.Th style={num}>{money(detail.totals.currentTotalMinor)}</Table.Th>
              </>
            )}
            <Table.Th style={num}>{money(detail.totals.totalMinor)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
