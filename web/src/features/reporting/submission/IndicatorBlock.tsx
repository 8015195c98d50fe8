import { Group, Text, Tooltip } from '@mantine/core';
import { memo, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdditive } from '@shared/domain/submission-checks.js';
import type { SubmissionDetail, SubmissionIndicator } from '@shared/schemas/index.js';
import { currentLocale } from '../../../i18n/index.js';
import { formatNumber } from '../../../lib/format.js';
import { categoryName, optionLabel, TypeBadge } from '../../results/labels.js';
import { formatCell } from '../../results/targets/locale-number.js';
import { consistencyWarnings, type Formatters } from './checks.js';
import { breakdownSum, type CellContent, type CellKey, cellKey, type Column, columnSum, columnsOf, type IndicatorCells, percentOf, rowLocations, type Sum } from './grid-model.js';
import classes from './grid.module.css';
import { type CellMarks, ValueCell } from './ValueCell.js';

export interface IndicatorBlockProps {
  indicator: SubmissionIndicator;
  locations: SubmissionDetail['locations'];
  cells: IndicatorCells;
  errors: Record<CellKey, string[]> | undefined;
  marks: Record<CellKey, CellMarks> | undefined;
  readOnly: boolean;
  /** The cell whose comments are open, when it is one of this indicator's. */
  activeCell: CellKey | null;
  onChange: (key: CellKey, content: CellContent) => void;
  onBadText: (key: CellKey, bad: boolean) => void;
  onToggleDetails: (key: CellKey | null) => void;
  details: (key: CellKey) => ReactNode;
}

interface HeaderCell {
  key: string;
  label: string;
  span: number;
}

/** One header row per category, each option spanning the combinations under it (Female over its five age bands). */
function headerRows(categories: SubmissionIndicator['categories'], columns: Column[]): HeaderCell[][] {
  const split = columns.slice(1);
  const label = (level: number, id: string) => {
    const o = categories[level]?.options.find((x) => x.id === id);
    return o ? optionLabel(o) : '?';
  };
  return categories.map((_, level) => {
    const row: HeaderCell[] = [];
    for (const col of split) {
      const prefix = col.optionIds.slice(0, level + 1).join('|');
      const last = row[row.length - 1];
      if (last && last.key === prefix) last.span++;
      else row.push({ key: prefix, label: label(level, col.optionIds[level]!), span: 1 });
    }
    return row;
  });
}

/** A column's name for a screen reader: "Female · 0–4 years", or "Total". */
function columnName(categories: SubmissionIndicator['categories'], column: Column, total: string): string {
  if (column.key === '') return total;
  return column.optionIds.map((id, level) => categories[level]?.options.find((o) => o.id === id)).map((o) => (o ? optionLabel(o) : '?')).join(' · ');
}

function sumText(sum: Sum, type: SubmissionIndicator['type']): string {
  if (type === 'percentage') {
    const pct = percentOf(sum.numerator, sum.denominator);
    return pct === null ? '' : `${formatCell(Math.round(pct * 10) / 10)} %`;
  }
  return sum.value === null ? '' : formatCell(sum.value);
}

/**
 * One indicator of the package: places down (or the project as a whole), the total and every full
 * combination of its categories across, with what the breakdown adds up to beside the total and, for
 * counts and percentages reported in several places, all places together underneath.
 */
export const IndicatorBlock = memo(function IndicatorBlock(p: IndicatorBlockProps) {
  const { t } = useTranslation('submission');
  const { indicator: ind, locations, cells } = p;
  const qualitative = ind.type === 'qualitative';
  const columns = useMemo(() => (qualitative ? columnsOf([]) : columnsOf(ind.categories)), [ind.categories, qualitative]);
  const header = useMemo(() => headerRows(qualitative ? [] : ind.categories, columns), [ind.categories, columns, qualitative]);
  const rows = rowLocations(locations);
  const additive = isAdditive(ind);
  const showSum = additive && columns.length > 1;
  const showAll = (additive || ind.type === 'percentage') && rows.length > 1;
  const f: Formatters = { locale: currentLocale(), number: (n) => formatNumber(n, { maximumFractionDigits: 4 }), section: (s) => s };
  const warnings = useMemo(() => (showSum ? consistencyWarnings(ind, locations, cells, f) : {}), [cells, ind, locations, showSum]); // eslint-disable-line react-hooks/exhaustive-deps
  const totalLabel = t('grid.total');
  const names = columns.map((c) => columnName(ind.categories, c, qualitative ? t('grid.text') : totalLabel));
  const place = (id: string | null) => {
    const l = id === null ? null : locations.find((x) => x.id === id);
    return l ? l.name : t('grid.wholeProject');
  };
  const headerCount = Math.max(1, header.length);
  const blockId = `block-${ind.id}`;

  const cell = (locationId: string | null, col: Column, r: number, c: number) => {
    const key = cellKey(ind.id, locationId, col.key);
    const marks = p.marks?.[key];
    const errors = p.errors?.[key];
    const cls = [col.key === '' ? classes.totalCol : '', marks?.openComments ? classes.openComment : marks?.flag ? classes.flagged : '', errors?.length ? classes.hasError : ''].join(' ');
    return (
      <td key={col.key} className={cls} data-cell={key}>
        <ValueCell
          cellKey={key}
          type={ind.type}
          content={cells[key]}
          label={`${ind.code}, ${place(locationId)}, ${names[c]}`}
          readOnly={p.readOnly}
          errors={errors}
          marks={marks}
          row={r}
          col={c}
          active={p.activeCell === key}
          onChange={p.onChange}
          onBadText={p.onBadText}
          onToggleDetails={p.onToggleDetails}
          details={p.details}
        />
      </td>
    );
  };

  return (
    <section aria-labelledby={`${blockId}-code ${blockId}-title`} data-indicator={ind.code} id={blockId}>
      <Group gap="xs" mb={4} wrap="nowrap" align="baseline">
        <Text fw={700} size="sm" ff="monospace" dir="ltr" style={{ flexShrink: 0 }} id={`${blockId}-code`}>
          {ind.code}
        </Text>
        <Text fw={600} size="sm" id={`${blockId}-title`}>
          {ind.name}
        </Text>
        {ind.unit && (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            ({ind.unit})
          </Text>
        )}
        <TypeBadge type={ind.type} />
        {ind.categories.length > 0 && !qualitative && (
          <Text size="xs" c="dimmed">
            {t('grid.byCategories', { categories: ind.categories.map(categoryName).join(' × ') })}
          </Text>
        )}
      </Group>
      <div className={classes.scroll}>
        <table className={classes.table} data-testid={`grid-${ind.code}`}>
          <thead>
            {Array.from({ length: headerCount }, (_, r) => (
              <tr key={r}>
                {r === 0 && (
                  <>
                    <th rowSpan={headerCount} className={classes.sticky} scope="col">
                      {t('grid.location')}
                    </th>
                    <th rowSpan={headerCount} className={classes.totalCol} scope="col">
                      {qualitative ? t('grid.text') : totalLabel}
                    </th>
                    {showSum && (
                      <th rowSpan={headerCount} scope="col">
                        <Tooltip label={t('grid.breakdownSumHelp')} withArrow multiline maw={260}>
                          <span>{t('grid.breakdownSum')}</span>
                        </Tooltip>
                      </th>
                    )}
                  </>
                )}
                {header[r]?.map((h) => (
                  <th key={h.key} colSpan={h.span} scope="colgroup" className={h.span > 1 ? classes.spanHead : undefined}>
                    <span className={classes.spanLabel}>{h.label}</span>
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((locationId, r) => {
              const totalKey = cellKey(ind.id, locationId, '');
              const mismatch = warnings[totalKey];
              const sum = showSum ? breakdownSum(cells, ind.id, locationId, columns) : null;
              const l = locations.find((x) => x.id === locationId);
              return (
                <tr key={locationId ?? ''} data-location={l?.pcode ?? ''}>
                  <th scope="row" className={classes.sticky}>
                    <div className={classes.placeName}>{place(locationId)}</div>
                    {l && (
                      <div className={classes.pcode} dir="ltr">
                        {l.pcode}
                      </div>
                    )}
                  </th>
                  {cell(locationId, columns[0]!, r, 0)}
                  {sum && (
                    <td className={`${classes.sumCol} ${mismatch ? classes.mismatch : ''}`} data-testid="breakdown-sum">
                      {mismatch ? (
                        <Tooltip label={mismatch.join(' ')} withArrow multiline maw={300} color="orange" events={{ hover: true, focus: true, touch: true }}>
                          <span tabIndex={0} dir="ltr" aria-label={`${t('grid.breakdownSum')}: ${sumText(sum, ind.type)}. ${mismatch.join(' ')}`}>
                            ⚠ {sumText(sum, ind.type)}
                          </span>
                        </Tooltip>
                      ) : (
                        <span dir="ltr">{sumText(sum, ind.type)}</span>
                      )}
                    </td>
                  )}
                  {columns.slice(1).map((col, i) => cell(locationId, col, r, i + 1))}
                </tr>
              );
            })}
            {showAll && (
              <tr className={classes.allRow} data-testid="all-locations">
                <th scope="row" className={classes.sticky}>
                  {t('grid.allLocations')}
                </th>
                {columns.map((col, i) => {
                  const text = sumText(columnSum(cells, ind.id, rows, col.key), ind.type);
                  return [
                    <td key={col.key} className={classes.computed} dir="ltr" aria-label={`${t('grid.allLocations')}, ${names[i]}: ${text || '—'}`}>
                      {text}
                    </td>,
                    i === 0 && showSum ? <td key="sum" className={classes.sumCol} /> : null,
                  ];
                })}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
});
