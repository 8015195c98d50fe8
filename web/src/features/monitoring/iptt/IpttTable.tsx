import { Fragment, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CellGroup, Figure } from './IpttCells.js';
import classes from './iptt.module.css';
import type { IpttView, RowView } from './view-model.js';

/** Columns before the groups: indicator, unit, baseline. */
const LEADING = 3;

/**
 * The tracking table: baseline, life of project and each period as Target / Actual / % met,
 * under project and result headings, with each indicator's disaggregation rows indented below it.
 */
export function IpttTable({ view, caption, refreshing, tableRef }: { view: IpttView; caption: string; refreshing: boolean; tableRef?: Ref<HTMLTableElement> }) {
  const { t } = useTranslation('iptt');
  const columnCount = LEADING + 3 * (1 + view.periods.length);
  const subHeads = [t('columns.target'), t('columns.actual'), t('columns.met')];

  return (
    <div className={`${classes.scroll} ${refreshing ? classes.refreshing : ''}`} aria-busy={refreshing} tabIndex={0} role="region" aria-label={caption}>
      <table className={classes.table} data-testid="iptt-table" ref={tableRef}>
        <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{caption}</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className={classes.sticky}>
              {t('columns.indicator')}
            </th>
            <th rowSpan={2} scope="col" className={classes.wrap}>
              {t('columns.unit')}
            </th>
            <th rowSpan={2} scope="col" className={`${classes.groupStart} ${classes.wrap}`}>
              {t('columns.baseline')}
            </th>
            <th colSpan={3} scope="colgroup" className={classes.groupStart}>
              {t('columns.lop')}
            </th>
            {view.periods.map((p) => (
              <th key={p.key} colSpan={3} scope="colgroup" className={classes.groupStart} data-period={p.key}>
                <div className={classes.periodKey} dir="ltr">
                  {p.key}
                </div>
                <div className={classes.periodRange}>{p.range}</div>
              </th>
            ))}
          </tr>
          <tr>
            {Array.from({ length: 1 + view.periods.length }, (_, g) =>
              subHeads.map((label, i) => (
                <th key={`${g}-${i}`} scope="col" className={i === 0 ? classes.groupStart : undefined}>
                  {label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <Fragment key={row.key}>{renderRow(row, columnCount)}</Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function renderRow(row: RowView, columnCount: number) {
  switch (row.kind) {
    case 'project':
      return (
        <tr className={classes.projectRow} data-kind="project" data-code={row.code}>
          <th scope="rowgroup" className={classes.sticky}>
            <span className={classes.code}>{row.code}</span>
            <span dir="auto">{row.title}</span>
          </th>
          <td colSpan={columnCount - 1} />
        </tr>
      );
    case 'result':
      return (
        <tr className={classes.resultRow} data-kind="result" data-level={Math.min(row.level, 3)} data-code={row.code}>
          <th scope="rowgroup" className={classes.sticky} style={{ paddingInlineStart: 8 + (row.level - 1) * 12 }}>
            <span className={classes.levelLabel}>{row.levelLabel}</span>
            <span className={classes.code}>{row.code}</span>
            <span dir="auto">{row.title}</span>
          </th>
          <td colSpan={columnCount - 1} />
        </tr>
      );
    case 'indicator':
      return (
        <tr className={classes.indicatorRow} data-kind="indicator" data-code={row.code} data-testid="iptt-indicator">
          <th scope="row" className={classes.sticky}>
            <span className={classes.code}>{row.code}</span>
            <span dir="auto">{row.name}</span>
          </th>
          <td className={classes.unit} dir="auto">
            {row.unit}
          </td>
          <td className={`${classes.num} ${classes.groupStart}`}>
            <Figure figure={row.baseline} />
          </td>
          <CellGroup cell={row.lop} />
          {row.periods.map((c, i) => (
            <CellGroup key={i} cell={c} />
          ))}
        </tr>
      );
    case 'disaggregation':
      return (
        <tr className={classes.disaggRow} data-kind="disaggregation" data-testid="iptt-disaggregation">
          <th scope="row" className={classes.sticky}>
            <span className={classes.category} dir="auto">
              {row.categoryName}:
            </span>{' '}
            <span dir="auto">{row.optionLabel}</span>
          </th>
          <td />
          <td className={classes.groupStart} />
          <CellGroup cell={row.lop} />
          {row.periods.map((c, i) => (
            <CellGroup key={i} cell={c} />
          ))}
        </tr>
      );
  }
}
