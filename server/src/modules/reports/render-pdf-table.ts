import type { ReportLabels, TableBlock } from './document.types.js';
import { cleanText, headerGroupCells, isSpanningLevelRow, labelColumn, splitWideTable, type NumberFormats } from './render-common.js';
import { COLORS, type PdfLayout } from './render-pdf-layout.js';
import type { TextStyle } from './render-pdf-text.js';

/**
 * Tables on PDF pages: columns sized by their relative widths, rows that never split, and the header rows drawn
 * again at the top of every page the table continues on. Right to left, the first column is on the right.
 */

/** Beyond this many columns a table is cut into several (see splitWideTable). */
export const MAX_COLUMNS = { portrait: 8, landscape: 16 };
const PAD = 3;

interface Cell {
  text: string;
  /** First column and number of columns covered. */
  from: number;
  span: number;
  align: 'start' | 'end' | 'center';
  style: TextStyle;
  fill?: string;
  indent?: number;
  /** The wrapped lines, worked out once for the row's height and drawn from. */
  lines?: string[];
}

export function drawTable(layout: PdfLayout, table: TableBlock, fmt: NumberFormats, labels: ReportLabels) {
  const max = layout.landscape ? MAX_COLUMNS.landscape : MAX_COLUMNS.portrait;
  for (const part of splitWideTable(table, max)) drawPart(layout, part, fmt, labels);
}

function drawPart(layout: PdfLayout, table: TableBlock, fmt: NumberFormats, labels: ReportLabels) {
  const n = table.columns.length;
  if (n === 0) return;
  const size = n <= MAX_COLUMNS.portrait ? 8 : 7;
  const regular: TextStyle = { face: 'regular', size };
  const bold: TextStyle = { face: 'bold', size };
  const weights = table.columns.map((c) => (c.width && c.width > 0 ? c.width : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => (w / total) * layout.width);
  const offsets = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w, 0));
  // Right to left, column 0 is at the right edge.
  const cellX = (from: number, span: number) => {
    const w = widths.slice(from, from + span).reduce((s, x) => s + x, 0);
    const start = offsets[from] ?? 0;
    return { x: layout.rtl ? layout.left + layout.width - start - w : layout.left + start, w };
  };
  const lh = (style: TextStyle) => layout.text.lineHeight(style);

  const innerWidth = (c: Cell) => cellX(c.from, c.span).w - 2 * PAD - (c.indent ?? 0);
  const linesOf = (c: Cell) => (c.lines ??= c.text === '' ? [] : layout.text.wrap(c.text, c.style, innerWidth(c)));
  const rowHeight = (cells: Cell[]) => Math.max(lh(regular), ...cells.map((c) => linesOf(c).length * lh(c.style))) + 2 * PAD;

  const drawRow = (cells: Cell[], height: number) => {
    for (const c of cells) {
      const { x, w } = cellX(c.from, c.span);
      if (c.fill) layout.pdf.save().rect(x, layout.y, w, height).fill(c.fill).restore();
      layout.pdf.save().rect(x, layout.y, w, height).lineWidth(0.5).strokeColor(COLORS.border).stroke().restore();
      const inner = innerWidth(c);
      const innerX = layout.rtl ? x + PAD : x + PAD + (c.indent ?? 0);
      let y = layout.y + PAD;
      for (const line of linesOf(c)) {
        layout.text.drawLine(line, innerX, y, inner, c.style, { rtl: layout.rtl, align: c.align });
        y += lh(c.style);
      }
    }
    layout.y += height;
  };

  const headerRows: Cell[][] = [];
  if (table.headerGroups?.length) {
    let from = 0;
    headerRows.push(
      headerGroupCells(table.headerGroups, n).map((g) => {
        const cell: Cell = { text: g.label, from, span: g.span, align: 'center', style: bold, fill: COLORS.header };
        from += g.span;
        return cell;
      }),
    );
  }
  headerRows.push(table.columns.map((c, i) => ({ text: cleanText(c.label), from: i, span: 1, align: c.kind === 'text' ? 'start' : 'end', style: bold, fill: COLORS.header })));
  const headerHeights = headerRows.map(rowHeight);
  const drawHeader = () => headerRows.forEach((cells, i) => drawRow(cells, headerHeights[i] ?? 0));
  const headerTotal = headerHeights.reduce((s, h) => s + h, 0);

  const label = labelColumn(table.columns);
  const bodyRows = table.rows.map((row): Cell[] => {
    const strong = row.emphasis === 'level' || row.emphasis === 'total' ? bold : regular;
    const fill = row.emphasis === 'level' ? COLORS.level : undefined;
    if (isSpanningLevelRow(row.cells, row.emphasis)) return [{ text: fmt.cell(row.cells[0] ?? null, 'text'), from: 0, span: n, align: 'start', style: strong, fill }];
    return table.columns.map((c, i) => {
      const text = fmt.cell(row.cells[i] ?? null, c.kind, c.digits);
      const pending = row.pending && i === label;
      return {
        text: pending ? `${text} ${cleanText(labels.pendingMark)}` : text,
        from: i,
        span: 1,
        align: c.kind === 'text' ? 'start' : 'end',
        style: strong,
        fill,
        indent: row.emphasis === 'sub' && i === 0 ? 8 : 0,
      };
    });
  });

  // The caption, the header and the first row start on the same page.
  const captionStyle: TextStyle = { face: 'bold', size: 9 };
  const captionHeight = table.caption ? layout.text.wrap(table.caption, captionStyle, layout.width).length * lh(captionStyle) + 4 : 0;
  layout.ensure(captionHeight + headerTotal + (bodyRows[0] ? rowHeight(bodyRows[0]) : 0));
  if (table.caption) layout.paragraph(table.caption, captionStyle, { spaceAfter: 4 });
  drawHeader();
  layout.onPageBreak = drawHeader;
  for (const cells of bodyRows) {
    // A row taller than a page is drawn anyway and runs over the footer: it cannot be split here.
    const height = rowHeight(cells);
    layout.ensure(height);
    drawRow(cells, height);
  }
  layout.onPageBreak = null;
  layout.y += 10;
}
