import { Table, Text, Tooltip } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisaggregationCategory, Indicator, IndicatorTargets } from '@shared/schemas/index.js';
import { formatDate } from '../../../lib/format.js';
import { categoryName, formatValue, optionLabel } from '../labels.js';
import { type Cells, cellKey, type Column, type ColumnMode, LOP_PERIOD_KEY } from './grid.js';
import { TargetCell } from './TargetCell.js';

interface HeaderCell {
  key: string;
  label: string;
  span: number;
}

/**
 * The header rows above the split columns. Every combination: one row per category, each option
 * spanning the combinations under it (Female over its five age bands). By category: the category
 * names over their options.
 */
function headerRows(categories: DisaggregationCategory[], columns: Column[], mode: ColumnMode): HeaderCell[][] {
  const split = columns.slice(1);
  const label = (id: string) => {
    for (const c of categories) {
      const o = c.options.find((x) => x.id === id);
      if (o) return optionLabel(o);
    }
    return '?';
  };
  if (split.length === 0) return [];
  if (mode === 'categories' && categories.length > 1) {
    return [
      categories.map((c) => ({ key: c.id, label: categoryName(c), span: c.options.length })),
      split.map((col) => ({ key: col.key, label: label(col.optionIds[0]!), span: 1 })),
    ];
  }
  return categories.map((_, level) => {
    const row: HeaderCell[] = [];
    for (const col of split) {
      const prefix = col.optionIds.slice(0, level + 1).join('|');
      const last = row[row.length - 1];
      if (last && last.key === prefix) last.span++;
      else row.push({ key: prefix, label: label(col.optionIds[level]!), span: 1 });
    }
    return row;
  });
}

/** A column's name for a screen reader: "Female · 0–4 years", or "Total". */
export function columnLabel(categories: DisaggregationCategory[], column: Column, total: string): string {
  if (column.key === '') return total;
  return column.optionIds
    .map((id) => categories.flatMap((c) => c.options).find((o) => o.id === id))
    .map((o) => (o ? optionLabel(o) : '?'))
    .join(' · ');
}

const sticky: CSSProperties = { position: 'sticky', insetInlineStart: 0, zIndex: 1, background: 'var(--mantine-color-body)' };

export interface TargetsTableProps {
  data: IndicatorTargets;
  type: Indicator['type'];
  columns: Column[];
  mode: ColumnMode;
  locationId: string | null;
  cells: Cells;
  invalid: Record<string, string>;
  errors: Record<string, string>;
  canEdit: boolean;
  onCommit: (cell: string, text: string) => void;
}

/**
 * Periods down, total and disaggregations across. The life-of-project row comes first, under the
 * header, so it stays in sight however many periods there are.
 */
export function TargetsTable({ data, type, columns, mode, locationId, cells, invalid, errors, canEdit, onCommit }: TargetsTableProps) {
  const { t } = useTranslation('results');
  const rows = headerRows(data.categories, columns, mode);
  const headerCount = Math.max(1, rows.length);
  const totalLabel = t('targets.total');
  const labels = columns.map((c) => columnLabel(data.categories, c, totalLabel));

  const cellFor = (period: string, periodLabel: string, row: number) =>
    columns.map((col, c) => {
      const key = cellKey(period, locationId, col.key);
      return (
        <Table.Td key={col.key} p={4} data-cell={key}>
          <TargetCell
            cell={key}
            value={cells[key]}
            invalidText={invalid[key]}
            error={errors[key]}
            type={type}
            label={`${periodLabel} · ${labels[c]}`}
            readOnly={!canEdit}
            row={row}
            col={c}
            onCommit={onCommit}
          />
        </Table.Td>
      );
    });

  const lopLabel = t('targets.lifeOfProject');
  // With all places together, the life-of-project total is the indicator's own target, edited with its definition.
  const lopTotal: ReactNode =
    locationId === null ? (
      <Tooltip label={t('targets.lopTotalHelp')} withArrow multiline maw={280}>
        <Text size="sm" fw={700} ta="end" tabIndex={0} data-testid="targets-lop-total" aria-label={`${lopLabel} · ${totalLabel}: ${formatValue(data.lopTarget, type)}`}>
          {formatValue(data.lopTarget, type, { yes: t('sheet.yes'), no: t('sheet.no') })}
        </Text>
      </Tooltip>
    ) : null;
  const lopCells = cellFor(LOP_PERIOD_KEY, lopLabel, 0);

  return (
    <Table.ScrollContainer minWidth={0} type="native" maxHeight="70vh">
      {/* As wide as its columns: a total-only table does not stretch its inputs across the page. */}
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={2} stickyHeader w="auto" data-testid="targets-table">
        <Table.Thead>
          {Array.from({ length: headerCount }, (_, r) => (
            <Table.Tr key={r}>
              {r === 0 && (
                <>
                  <Table.Th rowSpan={headerCount} style={{ ...sticky, zIndex: 3 }} miw={140}>
                    {t('targets.period')}
                  </Table.Th>
                  <Table.Th rowSpan={headerCount} ta="end" miw={96}>
                    {totalLabel}
                  </Table.Th>
                </>
              )}
              {rows[r]?.map((h) => (
                <Table.Th key={h.key} colSpan={h.span} ta="center" fw={r === rows.length - 1 ? 500 : 700} style={{ whiteSpace: 'normal' }}>
                  {h.label}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr data-period={LOP_PERIOD_KEY} style={{ borderBottom: '2px solid var(--mantine-color-gray-5)', background: 'var(--mantine-color-gray-0)' }}>
            <Table.Th scope="row" style={{ ...sticky, background: 'var(--mantine-color-gray-0)' }}>
              <Text size="sm" fw={700}>
                {lopLabel}
              </Text>
            </Table.Th>
            {lopTotal ? (
              <Table.Td p={4} pe="sm">
                {lopTotal}
              </Table.Td>
            ) : (
              lopCells[0]
            )}
            {lopCells.slice(1)}
          </Table.Tr>
          {data.periods.map((p, r) => (
            <Table.Tr key={p.key} data-period={p.key}>
              <Table.Th scope="row" style={sticky} fw={500}>
                <Text size="sm" ff="monospace" dir="ltr" ta="start" fw={600}>
                  {p.key}
                </Text>
                <Text size="10px" c="dimmed" lh={1.2}>
                  {formatDate(p.start)} – {formatDate(p.end)}
                </Text>
              </Table.Th>
              {cellFor(p.key, p.key, r + 1)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
