import PDFDocument from 'pdfkit';
import { RTL_LOCALES } from '@shared/locales.js';
import type { ReportCover, ReportDocSection, ReportDocument } from './document.types.js';
import { cleanText, numberFormats, pageLabel, untranslatedMarker, untranslatedSections, type NumberFormats } from './render-common.js';
import { COLORS, MARGIN, PdfLayout, STYLES } from './render-pdf-layout.js';
import { MAX_COLUMNS, drawTable } from './render-pdf-table.js';

/**
 * A ReportDocument as a PDF: cover, a contents page with page numbers, the sections with their tables (header rows
 * repeated on each page), "Page n of N" footers and a bookmark outline. DejaVu Sans is embedded (subset), so the
 * file shows the same everywhere, Arabic included; text is drawn as text, nothing is interpreted.
 */

const LANGUAGE_TAGS = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar' } as const;

interface Entry {
  title: string;
  level: 1 | 2;
  page: number;
}

function drawCover(layout: PdfLayout, cover: ReportCover) {
  const { pdf } = layout;
  if (cover.logo) {
    const box = { w: 200, h: 90 };
    const scale = Math.min(1, box.w / Math.max(1, cover.logo.width), box.h / Math.max(1, cover.logo.height));
    const w = cover.logo.width * scale;
    try {
      pdf.image(cover.logo.content, layout.startX(w, 0), layout.y, { fit: [box.w, box.h] });
    } catch {
      // A logo PDFKit cannot read (a damaged or unusual JPEG) leaves the cover without it rather than the report undone.
    }
  }
  layout.y += 150;
  layout.paragraph(cover.title, { face: 'bold', size: 26, color: COLORS.heading }, { spaceAfter: 10 });
  layout.paragraph(cover.subtitle, { face: 'regular', size: 14, color: '#404040' }, { spaceAfter: 36 });
  for (const line of cover.lines) {
    // The label on its own, the value after it: two runs in one line keep their order in either direction.
    const labelText = `${cleanText(line.label)}:`;
    const labelWidth = layout.text.width(labelText, STYLES.bold) + 6;
    const lines = layout.text.wrap(line.value, STYLES.body, layout.width - labelWidth);
    const lh = layout.text.lineHeight(STYLES.body);
    layout.text.drawLine(labelText, layout.startX(labelWidth, 0), layout.y, labelWidth, STYLES.bold, { rtl: layout.rtl });
    for (const l of lines) {
      layout.text.drawLine(l, layout.startX(layout.width - labelWidth, labelWidth), layout.y, layout.width - labelWidth, STYLES.body, { rtl: layout.rtl });
      layout.y += lh;
    }
    layout.y += 4;
  }
  if (cover.statement) {
    layout.y += 36;
    layout.paragraph(cover.statement, { face: 'italic', size: 9, color: '#404040' });
  }
}

function drawSection(layout: PdfLayout, section: ReportDocSection, doc: ReportDocument, fmt: NumberFormats, entries: Entry[]) {
  // Content always goes on the last page so far: its number is the page count.
  const page = () => layout.pdf.bufferedPageRange().count;
  layout.heading(section.title, 1);
  const outline = layout.pdf.outline.addItem(cleanText(section.title));
  entries.push({ title: section.title, level: 1, page: page() });
  for (const block of section.blocks) {
    switch (block.type) {
      case 'heading':
        layout.heading(block.text, block.level);
        if (block.level === 2) {
          entries.push({ title: block.text, level: 2, page: page() });
          outline.addItem(cleanText(block.text));
        }
        break;
      case 'paragraph': {
        const rtl = block.language ? RTL_LOCALES.has(block.language) : layout.rtl;
        if (block.style === 'untranslated') layout.paragraph(`${untranslatedMarker(block.language)} ${block.text}`, { ...STYLES.italic, color: COLORS.grey }, { rtl });
        else if (block.style === 'fixed') layout.paragraph(block.text, STYLES.italic, { rtl, rule: true, indent: 4 });
        else if (block.style === 'note') layout.paragraph(block.text, STYLES.note, { rtl });
        else layout.paragraph(block.text, STYLES.body, { rtl });
        break;
      }
      case 'bullets':
        layout.bullets(block.items);
        break;
      case 'table':
        drawTable(layout, block, fmt, doc.labels);
        break;
    }
  }
}

/** The contents, on pages kept free after the cover, written once the sections' pages are known. */
function drawContents(layout: PdfLayout, doc: ReportDocument, entries: Entry[], firstPage: number, pages: number) {
  const { pdf } = layout;
  pdf.switchToPage(firstPage);
  layout.landscape = false;
  layout.y = MARGIN.top;
  layout.paragraph(doc.labels.contents, STYLES.h1, { spaceAfter: 10 });
  const lh = layout.text.lineHeight(STYLES.body) + 3;
  let page = firstPage;
  for (const entry of entries) {
    if (layout.y + lh > layout.bottom) {
      if (page + 1 >= firstPage + pages) break;
      pdf.switchToPage(++page);
      layout.y = MARGIN.top;
    }
    const style = entry.level === 1 ? STYLES.bold : STYLES.body;
    const indent = entry.level === 1 ? 0 : 16;
    const number = String(entry.page);
    const numberWidth = 30;
    const titleWidth = layout.width - indent - numberWidth - 6;
    // One line per entry: a title too long for it is cut with an ellipsis, clear of the page number.
    let title = cleanText(entry.title).replace(/\s+/g, ' ');
    if (layout.text.width(title, style) > titleWidth) {
      const chars = Array.from(title);
      while (chars.length > 1 && layout.text.width(`${chars.join('').trimEnd()}…`, style) > titleWidth) chars.pop();
      title = `${chars.join('').trimEnd()}…`;
    }
    layout.text.drawLine(title, layout.startX(titleWidth, indent), layout.y, titleWidth, style, { rtl: layout.rtl });
    layout.text.drawLine(number, layout.startX(numberWidth, layout.width - numberWidth), layout.y, numberWidth, style, { rtl: layout.rtl, align: 'end' });
    layout.y += lh;
  }
}

function drawFooters(layout: PdfLayout, doc: ReportDocument) {
  const { pdf } = layout;
  const range = pdf.bufferedPageRange();
  const style = { face: 'regular' as const, size: 8, color: COLORS.grey };
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const width = pdf.page.width - 2 * MARGIN.side;
    const text = `${cleanText(doc.organisationName)} · ${pageLabel(doc.labels.pageOf, i + 1, range.count)}`;
    layout.text.drawLine(text, MARGIN.side, pdf.page.height - MARGIN.bottom + 24, width, style, { rtl: layout.rtl, align: 'center' });
  }
}

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: LANGUAGE_TAGS[doc.language],
    displayTitle: true,
    info: { Title: cleanText(doc.title), Author: cleanText(doc.organisationName), Creator: 'Fieldbook' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const layout = new PdfLayout(pdf, doc.direction === 'rtl');
  const fmt = numberFormats(doc.language);
  if (doc.cover) {
    layout.newPage(false);
    drawCover(layout, doc.cover);
  }
  // Contents: the sections and their second-level headings, one line each; pages kept for them now.
  const entryCount = doc.sections.reduce((n, s) => n + 1 + s.blocks.filter((b) => b.type === 'heading' && b.level === 2).length, 0);
  const perPage = Math.floor((layout.bottom - MARGIN.top - 40) / (layout.text.lineHeight(STYLES.body) + 3));
  const contentsPages = Math.max(1, Math.ceil(entryCount / perPage));
  const contentsFirst = pdf.bufferedPageRange().count;
  for (let i = 0; i < contentsPages; i++) layout.newPage(false);

  const entries: Entry[] = [];
  let first = true;
  for (const section of doc.sections) {
    // A section holding a wide table is laid out on landscape pages; the first section starts after the contents.
    const wide = section.blocks.some((b) => b.type === 'table' && b.columns.length > MAX_COLUMNS.portrait);
    if (first || wide !== layout.landscape) layout.newPage(wide);
    first = false;
    drawSection(layout, section, doc, fmt, entries);
  }
  const untranslated = untranslatedSections(doc);
  if (untranslated.length > 0) {
    layout.y += 12;
    layout.paragraph(doc.labels.untranslated, STYLES.h3, { keepWith: 1 });
    layout.bullets(untranslated);
  }
  drawContents(layout, doc, entries, contentsFirst, contentsPages);
  drawFooters(layout, doc);
  pdf.end();
  return done;
}
