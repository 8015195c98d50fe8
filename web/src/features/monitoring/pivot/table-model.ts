import type { Figure, PivotMember, PivotResult } from '@shared/schemas/monitoring.js';

/**
 * The result table's layout from a pivot answer, kept apart from React so the spans and the
 * placement of subtotals are tested on their own. The server gives one member tuple per row and
 * per column; here consecutive equal members become one spanning header, and each first-level row
 * group gets its subtotal row below it.
 */

export interface HeaderCell {
  /** The keys of the members above and including this one, joined: unique within its header row. */
  key: string;
  member: PivotMember;
  span: number;
}

/** A row header cell that is drawn (the ones it covers below are not). */
export interface RowHead {
  /** Which row dimension (0 = first column of labels). */
  depth: number;
  member: PivotMember;
  rowSpan: number;
}

/** What a cell needs to be written: its figure and the type of the indicator it measures (null when mixed). */
export interface CellView {
  figure: Figure | null;
  type: string | null;
}

export type BodyRow =
  | { kind: 'data'; key: string; heads: RowHead[]; cells: CellView[]; total: CellView }
  /** Subtotal of a first-level member: drawn under its group, the label cell spanning the other row-label columns. */
  | { kind: 'subtotal'; key: string; member: PivotMember; labelSpan: number; cells: CellView[]; total: CellView };

export interface TableModel {
  /** Label columns on the inline-start side (at least one, so a pivot without rows still has a label). */
  labelColumns: number;
  /** One array per column dimension, top to bottom; empty when there are no column dimensions. */
  headerRows: HeaderCell[][];
  /** The leaf columns, left to right (one unnamed column when there are no column dimensions). */
  columns: PivotMember[][];
  body: BodyRow[];
  /** The totals row, when there are row dimensions and some total is defined. */
  totals: { cells: CellView[]; total: CellView } | null;
  /** Whether the row-total column is drawn (there are column dimensions and some row total is defined). */
  showTotalColumn: boolean;
  hasPending: boolean;
}

const joinKeys = (members: PivotMember[], upTo: number) =>
  members
    .slice(0, upTo + 1)
    .map((m) => m.key)
    .join('\u0001');

/** Header rows for the column tuples: at each level, neighbours with the same members above and at it merge. */
export function columnHeaderRows(columnMembers: PivotMember[][], levels: number): HeaderCell[][] {
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < levels; level++) {
    const row: HeaderCell[] = [];
    for (const tuple of columnMembers) {
      const member = tuple[level];
      if (!member) continue;
      const key = joinKeys(tuple, level);
      const last = row[row.length - 1];
      if (last && last.key === key) last.span++;
      else row.push({ key, member, span: 1 });
    }
    rows.push(row);
  }
  return rows;
}

/**
 * For each row, how many rows its label at each depth covers: 0 where an equal label above already
 * covers it. A label only merges within the group of the label to its left, so "Female" under
 * Kolwezi and "Female" under Likasi stay apart.
 */
export function rowSpans(rowMembers: PivotMember[][], depths: number): number[][] {
  const spans = rowMembers.map(() => Array.from({ length: depths }, () => 0));
  for (let depth = 0; depth < depths; depth++) {
    let start = 0;
    for (let r = 1; r <= rowMembers.length; r++) {
      const same = r < rowMembers.length && joinKeys(rowMembers[r]!, depth) === joinKeys(rowMembers[start]!, depth);
      if (same) continue;
      spans[start]![depth] = r - start;
      start = r;
    }
  }
  return spans;
}

/**
 * Which indicator a figure measures: the indicator member of its row or column when indicators are
 * a dimension, the only indicator otherwise; null when the figure adds several (the server then
 * sends none).
 */
export function indicatorTypeResolver(result: PivotResult) {
  const types = new Map(result.indicators.map((i) => [i.id, i.type]));
  const only = result.indicators.length === 1 ? result.indicators[0]!.type : null;
  const rowAt = result.rows.findIndex((d) => d.type === 'indicator');
  const colAt = result.columns.findIndex((d) => d.type === 'indicator');
  return (row: PivotMember[] | null, column: PivotMember[] | null): string | null => {
    if (only) return only;
    const id = (rowAt >= 0 ? row?.[rowAt]?.key : undefined) ?? (colAt >= 0 ? column?.[colAt]?.key : undefined);
    return id ? (types.get(id) ?? null) : null;
  };
}

export function buildTableModel(result: PivotResult): TableModel {
  const rowDims = result.rows.length;
  const colDims = result.columns.length;
  // Without column dimensions the answer still has one column (the figure itself).
  const columns = result.columnMembers.length ? result.columnMembers : [[]];
  const rowTuples = result.rowMembers.length ? result.rowMembers : rowDims === 0 ? [[]] : [];
  const typeOf = indicatorTypeResolver(result);
  const spans = rowSpans(rowTuples, rowDims);
  const subtotalOf = new Map(result.subtotals.map((s) => [s.member.key, s]));
  let hasPending = false;
  const view = (figure: Figure | null | undefined, row: PivotMember[] | null, column: PivotMember[] | null): CellView => {
    if (figure?.pending) hasPending = true;
    return { figure: figure ?? null, type: figure ? typeOf(row, column) : null };
  };

  const body: BodyRow[] = [];
  let groupSize = 0;
  rowTuples.forEach((tuple, r) => {
    if (rowDims > 0 && spans[r]![0]! > 0) groupSize = spans[r]![0]!;
    const heads: RowHead[] = [];
    for (let depth = 0; depth < rowDims; depth++) {
      const span = spans[r]![depth]!;
      if (span > 0) heads.push({ depth, member: tuple[depth]!, rowSpan: span });
    }
    body.push({
      kind: 'data',
      key: `r${r}`,
      heads,
      cells: columns.map((col, c) => view(result.cells[r]?.[c], tuple, col)),
      total: view(result.rowTotals[r], tuple, null),
    });
    // A group of the first row dimension ends here: its subtotal row follows, unless the group is one
    // row (its subtotal would repeat that row's figures).
    const next = rowTuples[r + 1];
    const first = tuple[0];
    const subtotal = rowDims > 1 && groupSize > 1 && first && next?.[0]?.key !== first.key ? subtotalOf.get(first.key) : undefined;
    if (subtotal) {
      body.push({
        kind: 'subtotal',
        key: `s${r}`,
        member: subtotal.member,
        labelSpan: rowDims - 1,
        cells: columns.map((col, c) => view(subtotal.cells[c], [subtotal.member], col)),
        total: view(subtotal.total, [subtotal.member], null),
      });
    }
  });
  // The first label of a group also covers its subtotal row, so the subtotal reads "Kolwezi … Total".
  for (let i = 0; i < body.length; i++) {
    const row = body[i]!;
    if (row.kind !== 'data' || row.heads[0]?.depth !== 0) continue;
    const span = row.heads[0].rowSpan;
    // Subtotals come only after a group's last row, so the group's span holds data rows alone.
    if (body[i + span]?.kind === 'subtotal') row.heads[0] = { ...row.heads[0], rowSpan: span + 1 };
  }

  const columnTotals = columns.map((col, c) => view(result.columnTotals[c], null, col));
  const grand = view(result.grandTotal, null, null);
  const someColumnTotal = columnTotals.some((x) => x.figure) || grand.figure !== null;
  const totals = rowDims > 0 && someColumnTotal ? { cells: columnTotals, total: grand } : null;
  const showTotalColumn = colDims > 0 && (result.rowTotals.some((x) => x !== null) || grand.figure !== null);

  return {
    labelColumns: Math.max(1, rowDims),
    headerRows: colDims > 0 ? columnHeaderRows(columns, colDims) : [],
    columns,
    body,
    totals,
    showTotalColumn,
    hasPending,
  };
}

/**
 * A figure as the reader expects it: "1,234", "62.5 %" (Σnumerator ÷ Σdenominator, one decimal),
 * "—" for no data. `format` is the reader's number formatter (locale-aware).
 */
export function formatFigure(
  cell: CellView,
  format: (n: number, options?: Intl.NumberFormatOptions) => string,
): string {
  const value = cell.figure?.value;
  if (value === null || value === undefined) return '—';
  if (cell.type === 'percentage') return `${format(value, { maximumFractionDigits: 1 })} %`;
  if (cell.type === 'currency') return format(value, { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(value) ? 0 : 2 });
  return format(value, { maximumFractionDigits: 2 });
}
