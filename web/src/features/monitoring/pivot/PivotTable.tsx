import { Group, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotCatalogue, PivotDimension, PivotResult } from '@shared/schemas/monitoring.js';
import { RTL_LOCALES } from '@shared/locales.js';
import { currentLocale } from '../../../i18n/index.js';
import { formatNumber } from '../../../lib/format.js';
import { MemberLabel, useDimensionNames } from './labels.js';
import { buildTableModel, type CellView, formatFigure } from './table-model.js';

/** Beyond this many rows the page shows the first ones and points to the export: a browser table of 60,000 cells is slow to scroll. */
export const MAX_SHOWN_ROWS = 1500;

/** Label columns whose members have long names (indicators, results) get room, so they do not wrap word by word. */
const WIDE_LABELS = new Set<PivotDimension['type']>(['indicator', 'resultNode', 'project', 'programme']);
/**
 * The first label column stays in view while the figures scroll under it. Collapsed table borders
 * do not travel with a sticky cell: its edge line is drawn as a shadow on the inline-end side, and it
 * sticks 2px past the edge, over the table's own border, so no sliver of figures shows through there.
 */
const stickyStartFor = (rtl: boolean): CSSProperties => ({
  position: 'sticky',
  insetInlineStart: -2,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  boxShadow: `inset ${rtl ? 1 : -1}px 0 0 var(--mantine-color-gray-3)`,
});
const subtotalBg = 'var(--mantine-color-gray-0)';
const totalBorder = '2px solid var(--mantine-color-gray-5)';

/**
 * The pivot's answer as a table: column members as merged headers (years over quarters), row
 * members as merged labels, totals in the last row and column, subtotals of the first row
 * dimension in bold under their group. The first label column and the headers stay in view.
 */
export function PivotTable({ result, catalogue }: { result: PivotResult; catalogue: Pick<PivotCatalogue, 'categories'> }) {
  const { t } = useTranslation('pivot');
  const names = useDimensionNames(catalogue);
  const model = useMemo(() => buildTableModel(result), [result]);
  const stickyStart = stickyStartFor(RTL_LOCALES.has(currentLocale()));
  const headerCount = Math.max(1, model.headerRows.length);
  const shown = model.body.slice(0, MAX_SHOWN_ROWS);
  const pendingTitle = t('table.pendingCell');
  const totalLabel = t('table.total');

  const cell = (c: CellView, key: string | number, strong = false, style?: CSSProperties) => {
    const text = formatFigure(c, formatNumber);
    const f = c.figure;
    const ratio =
      f && c.type === 'percentage' && f.numerator != null && f.denominator != null
        ? t('table.ratio', { numerator: formatNumber(f.numerator), denominator: formatNumber(f.denominator) })
        : undefined;
    const title = [ratio, f?.pending ? pendingTitle : undefined].filter(Boolean).join(' · ') || undefined;
    return (
      <Table.Td key={key} ta="end" fw={strong ? 700 : undefined} c={text === '—' ? 'dimmed' : undefined} title={title} style={{ whiteSpace: 'nowrap', ...style }} data-pending={f?.pending || undefined}>
        {/* Numbers read left to right in Arabic too ("62.5 %"), so the figure is isolated from the page direction. */}
        <span dir="ltr" style={{ unicodeBidi: 'isolate', fontStyle: f?.pending ? 'italic' : undefined }}>
          {text}
        </span>
      </Table.Td>
    );
  };

  const labelHeads = result.rows.length
    ? result.rows.map((d, i) => (
        <Table.Th key={`dim${i}`} rowSpan={headerCount} style={{ verticalAlign: 'bottom', ...(i === 0 ? { ...stickyStart, zIndex: 3 } : {}) }} miw={WIDE_LABELS.has(d.type) ? 240 : 120}>
          {names.headingName(d)}
        </Table.Th>
      ))
    : [<Table.Th key="dim" rowSpan={headerCount} style={{ ...stickyStart, zIndex: 3 }} />];

  return (
    <>
      <Table.ScrollContainer minWidth={0} type="native" maxHeight="70vh">
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} stickyHeader w="auto" miw="100%" aria-label={t('table.label')} data-testid="pivot-table">
          <Table.Thead>
            {model.headerRows.length === 0 ? (
              <Table.Tr>
                {labelHeads}
                <Table.Th ta="end">{t('table.value')}</Table.Th>
              </Table.Tr>
            ) : (
              model.headerRows.map((row, r) => (
                <Table.Tr key={r}>
                  {r === 0 && labelHeads}
                  {row.map((h) => (
                    <Table.Th key={h.key} colSpan={h.span} ta={h.span > 1 ? 'center' : 'end'} fw={r < model.headerRows.length - 1 ? 700 : 600} miw={72} scope={h.span > 1 ? 'colgroup' : 'col'}>
                      <MemberLabel member={h.member} dimension={result.columns[r]} />
                    </Table.Th>
                  ))}
                  {r === 0 && model.showTotalColumn && (
                    <Table.Th rowSpan={headerCount} ta="end" style={{ verticalAlign: 'bottom', borderInlineStart: totalBorder }}>
                      {totalLabel}
                    </Table.Th>
                  )}
                </Table.Tr>
              ))
            )}
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) =>
              row.kind === 'data' ? (
                <Table.Tr key={row.key}>
                  {result.rows.length === 0 ? (
                    <Table.Th scope="row" style={stickyStart}>
                      {totalLabel}
                    </Table.Th>
                  ) : (
                    row.heads.map((h) => (
                      <Table.Th key={h.depth} scope="row" rowSpan={h.rowSpan} fw={500} style={{ verticalAlign: 'top', maxWidth: 320, ...(h.depth === 0 ? stickyStart : {}) }}>
                        <MemberLabel member={h.member} dimension={result.rows[h.depth]} />
                      </Table.Th>
                    ))
                  )}
                  {row.cells.map((c, i) => cell(c, i))}
                  {model.showTotalColumn && cell(row.total, 'total', true, { borderInlineStart: totalBorder })}
                </Table.Tr>
              ) : (
                <Table.Tr key={row.key} bg={subtotalBg} data-subtotal={row.member.key}>
                  <Table.Th scope="row" colSpan={row.labelSpan} fw={700} bg={subtotalBg}>
                    {t('table.subtotal')}
                  </Table.Th>
                  {row.cells.map((c, i) => cell(c, i, true))}
                  {model.showTotalColumn && cell(row.total, 'total', true, { borderInlineStart: totalBorder })}
                </Table.Tr>
              ),
            )}
            {model.totals && shown.length === model.body.length && (
              <Table.Tr style={{ borderTop: totalBorder }} data-testid="pivot-totals">
                <Table.Th scope="row" colSpan={model.labelColumns} fw={700} style={stickyStart}>
                  {totalLabel}
                </Table.Th>
                {model.totals.cells.map((c, i) => cell(c, i, true))}
                {model.showTotalColumn && cell(model.totals.total, 'total', true, { borderInlineStart: totalBorder })}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length < model.body.length && (
        <Text size="sm" c="orange.8" mt="xs" role="status">
          {t('table.truncated', { shown: formatNumber(shown.length), total: formatNumber(model.body.length) })}
        </Text>
      )}
      <Group gap="lg" mt="xs">
        <Text size="xs" c="dimmed">
          {t('table.legendNoData')}
        </Text>
        {model.hasPending && (
          <Text size="xs" c="dimmed" fs="italic" data-testid="pivot-pending-legend">
            {t('table.legendPending')}
          </Text>
        )}
      </Group>
    </>
  );
}
