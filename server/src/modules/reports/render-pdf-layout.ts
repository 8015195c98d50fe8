import { PdfText, type TextStyle } from './render-pdf-text.js';

/**
 * Pages and the flow of blocks down them: where the next line goes, when a page is full, and paragraphs, headings
 * and bullets that wrap and move on to the next page. Tables (render-pdf-table.ts) build on it.
 */

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 56, side: 56, bottom: 64 };
export const COLORS = { heading: '#1F4E79', text: '#000000', grey: '#767676', rule: '#A6A6A6', header: '#D9E2F3', level: '#EDEDED', border: '#BFBFBF' };

export const STYLES = {
  body: { face: 'regular', size: 10.5 },
  bold: { face: 'bold', size: 10.5 },
  italic: { face: 'italic', size: 10.5 },
  note: { face: 'regular', size: 8.5, color: COLORS.grey },
  h1: { face: 'bold', size: 18, color: COLORS.heading },
  h2: { face: 'bold', size: 14, color: COLORS.heading },
  h3: { face: 'bold', size: 12, color: '#404040' },
} satisfies Record<string, TextStyle>;

export interface ParagraphOptions {
  /** Base direction of this text; the report's unless the text is in another language. */
  rtl?: boolean;
  /** Space from the start side (left, or right when right to left). */
  indent?: number;
  align?: 'start' | 'end' | 'center';
  spaceAfter?: number;
  /** A thin rule along the start side, for a template's fixed wording. */
  rule?: boolean;
  /** Lines kept on the page with the first line, so a heading is not left alone at the bottom. */
  keepWith?: number;
}

export class PdfLayout {
  readonly text: PdfText;
  y = MARGIN.top;
  landscape = false;
  /** Called after every page break, e.g. to repeat a table's header rows. */
  onPageBreak: (() => void) | null = null;

  constructor(readonly pdf: PDFKit.PDFDocument, readonly rtl: boolean) {
    this.text = new PdfText(pdf);
  }

  get left() {
    return MARGIN.side;
  }
  get width() {
    return (this.landscape ? A4.height : A4.width) - 2 * MARGIN.side;
  }
  get bottom() {
    return (this.landscape ? A4.width : A4.height) - MARGIN.bottom;
  }

  newPage(landscape = this.landscape) {
    this.landscape = landscape;
    this.pdf.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: { top: MARGIN.top, bottom: 0, left: MARGIN.side, right: MARGIN.side } });
    this.y = MARGIN.top;
    this.onPageBreak?.();
  }

  /** Room for `height` more points on this page, or a new page. */
  ensure(height: number) {
    if (this.y + height > this.bottom && this.y > MARGIN.top) this.newPage();
  }

  /** The x where a block of `width` starts, `indent` from the start side. */
  startX(width: number, indent: number, rtl = this.rtl) {
    return rtl ? this.left + this.width - indent - width : this.left + indent;
  }

  paragraph(text: string, style: TextStyle, options: ParagraphOptions = {}) {
    const rtl = options.rtl ?? this.rtl;
    const indent = options.indent ?? 0;
    const width = this.width - indent;
    const lines = this.text.wrap(text, style, width);
    const lh = this.text.lineHeight(style);
    this.ensure(lh * Math.min(lines.length, 1 + (options.keepWith ?? 0)));
    const x = this.startX(width, indent, rtl);
    for (const line of lines) {
      this.ensure(lh);
      if (options.rule) {
        const ruleX = rtl ? x + width + 4 : x - 6;
        this.pdf.save().moveTo(ruleX, this.y - 1).lineTo(ruleX, this.y + lh - 1).lineWidth(1.5).strokeColor(COLORS.rule).stroke().restore();
      }
      this.text.drawLine(line, x, this.y, width, style, { rtl, align: options.align ?? 'start' });
      this.y += lh;
    }
    this.y += options.spaceAfter ?? style.size * 0.6;
  }

  heading(text: string, level: 1 | 2 | 3) {
    const style = level === 1 ? STYLES.h1 : level === 2 ? STYLES.h2 : STYLES.h3;
    this.y += level === 1 ? 12 : 8;
    // Keep the heading with two lines of what follows.
    this.ensure(this.text.lineHeight(style) + 2 * this.text.lineHeight(STYLES.body));
    this.paragraph(text, style, { spaceAfter: level === 1 ? 8 : 5 });
  }

  bullets(items: string[]) {
    const style = STYLES.body;
    const lh = this.text.lineHeight(style);
    for (const item of items) {
      this.ensure(lh);
      this.text.drawLine('•', this.startX(10, 6), this.y, 10, style, { rtl: this.rtl });
      this.paragraph(item, style, { indent: 20, spaceAfter: 3 });
    }
    this.y += 4;
  }
}
