import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { RTL_LOCALES, type Locale } from '@shared/locales.js';
import type { ReportBlock, ReportCover, ReportDocSection, ReportDocument, TableBlock } from './document.types.js';
import {
  cleanText,
  headerGroupCells,
  isSpanningLevelRow,
  labelColumn,
  numberFormats,
  pageLabelParts,
  splitWideTable,
  textLines,
  untranslatedMarker,
  untranslatedSections,
  type NumberFormats,
} from './render-common.js';

/**
 * A ReportDocument as a Word file: built-in heading styles (so Word's navigation pane and the table of contents
 * work), a cover, a contents field Word fills in on opening, tables whose header rows repeat on each page, and
 * "Page n of N" footers. Every text goes in as a plain run: the library escapes it, nothing is parsed as markup.
 */

// A4 with 2 cm margins, in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = { portrait: PAGE.width - 2 * PAGE.margin, landscape: PAGE.height - 2 * PAGE.margin };
// Beyond these, a table goes on landscape pages, and beyond the second it is cut into several tables.
const PORTRAIT_MAX_COLUMNS = 8;
const LANDSCAPE_MAX_COLUMNS = 16;
const COLORS = { heading: '1F4E79', header: 'D9E2F3', level: 'EDEDED', grey: '767676', fixedBorder: 'A6A6A6', fixedFill: 'F7F7F7' };
const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-TN' };
const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
const BULLETS = 'report-bullets';

interface Ctx {
  rtl: boolean;
  fmt: NumberFormats;
  doc: ReportDocument;
}

/**
 * Runs for a text, one line break per line typed; right-to-left only for runs holding a right-to-left script.
 * The docx library fills in "{key}" placeholders (list and image ids) across the finished XML, so typed text such
 * as "{report-bullets-0}" would come out as a number: a run ends after each "{", which no placeholder can span.
 */
function runs(ctx: Ctx, text: string, options: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}): TextRun[] {
  return textLines(text).flatMap((line, i) =>
    line.split(/(?<=\{)/).map(
      (part, j) =>
        new TextRun({ ...options, text: part, ...(i > 0 && j === 0 ? { break: 1 } : {}), ...(ctx.rtl && RTL_SCRIPT.test(part) ? { rightToLeft: true } : {}) }),
    ),
  );
}

type ParagraphOptions = Omit<Exclude<ConstructorParameters<typeof Paragraph>[0], string>, 'children'>;

/** A paragraph in the report's direction, or in its own: a French passage in an Arabic report stays left to right. */
const para = (ctx: Ctx, children: ParagraphChild[], options: ParagraphOptions = {}, rtl = ctx.rtl) =>
  new Paragraph({ ...options, children, ...(rtl ? { bidirectional: true } : {}) });

function coverBlocks(ctx: Ctx, cover: ReportCover): (Paragraph | Table)[] {
  const out: Paragraph[] = [];
  if (cover.logo) {
    // Fit the logo in 200 × 90 px, keeping its proportions.
    const scale = Math.min(1, 200 / Math.max(1, cover.logo.width), 90 / Math.max(1, cover.logo.height));
    const image = new ImageRun({
      type: cover.logo.mediaType === 'image/png' ? 'png' : 'jpg',
      data: cover.logo.content,
      transformation: { width: Math.round(cover.logo.width * scale), height: Math.round(cover.logo.height * scale) },
      altText: { name: 'logo', description: cleanText(ctx.doc.organisationName), title: cleanText(ctx.doc.organisationName) },
    });
    out.push(para(ctx, [image], { spacing: { after: 1200 } }));
  } else {
    out.push(para(ctx, [], { spacing: { after: 1200 } }));
  }
  out.push(para(ctx, runs(ctx, cover.title), { style: 'Title' }));
  out.push(para(ctx, runs(ctx, cover.subtitle), { style: 'Subtitle', spacing: { after: 720 } }));
  for (const line of cover.lines) {
    out.push(para(ctx, [...runs(ctx, `${line.label}: `, { bold: true }), ...runs(ctx, line.value)], { spacing: { after: 80 } }));
  }
  if (cover.statement) out.push(para(ctx, runs(ctx, cover.statement, { italics: true, size: 18 }), { spacing: { before: 720 } }));
  return out;
}

function paragraphBlock(ctx: Ctx, block: Extract<ReportBlock, { type: 'paragraph' }>): Paragraph {
  const language = block.language ? { language: { value: LANGUAGE_TAGS[block.language] } } : {};
  const rtl = block.language ? RTL_LOCALES.has(block.language) : ctx.rtl;
  switch (block.style) {
    case 'fixed':
      return para(ctx, runs(ctx, block.text, { italics: true, ...language }), {
        border: Object.fromEntries(['top', 'bottom', 'left', 'right'].map((side) => [side, { style: BorderStyle.SINGLE, size: 4, color: COLORS.fixedBorder, space: 4 }])),
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.fixedFill },
      }, rtl);
    case 'note':
      return para(ctx, runs(ctx, block.text, { size: 18, color: COLORS.grey, ...language }), {}, rtl);
    case 'untranslated':
      return para(ctx, [new TextRun({ text: `${untranslatedMarker(block.language)} `, bold: true, color: COLORS.grey }), ...runs(ctx, block.text, { color: COLORS.grey, italics: true, ...language })], {}, rtl);
    default:
      return para(ctx, runs(ctx, block.text, language), {}, rtl);
  }
}

// Cell text takes its size and alignment from a paragraph style rather than from properties on every run and
// paragraph: a monthly IPTT has thousands of cells, and the document's size and packing time follow the XML.
const TABLE_STYLES = {
  normal: { text: 'TableText', number: 'TableNumber', size: 18 },
  small: { text: 'TableTextSmall', number: 'TableNumberSmall', size: 16 },
} as const;

function tableBlock(ctx: Ctx, table: TableBlock, textWidth: number): (Paragraph | Table)[] {
  const n = table.columns.length;
  if (n === 0) return [];
  const styles = n <= PORTRAIT_MAX_COLUMNS ? TABLE_STYLES.normal : TABLE_STYLES.small;
  const weights = table.columns.map((c) => (c.width && c.width > 0 ? c.width : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * textWidth));
  const label = labelColumn(table.columns);
  const cellRuns = (text: string, options: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}) => (text === '' ? [] : runs(ctx, text, options));
  const cellPara = (children: ParagraphChild[], kind: 'text' | 'number' | 'center', indent = 0) =>
    para(ctx, children, {
      style: kind === 'number' ? styles.number : styles.text,
      ...(kind === 'center' ? { alignment: AlignmentType.CENTER } : {}),
      ...(indent ? { indent: { start: indent } } : {}),
    });
  const shaded = (fill: string) => ({ shading: { type: ShadingType.CLEAR, color: 'auto', fill } });
  const kindOf = (c: TableBlock['columns'][number]) => (c.kind === 'text' ? 'text' : 'number');

  const rows: TableRow[] = [];
  if (table.headerGroups?.length) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headerGroupCells(table.headerGroups, n).map(
          (g) => new TableCell({ columnSpan: g.span, ...shaded(COLORS.header), children: [cellPara(cellRuns(g.label, { bold: true }), 'center')] }),
        ),
      }),
    );
  }
  rows.push(
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: table.columns.map(
        (c, i) => new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, ...shaded(COLORS.header), children: [cellPara(cellRuns(c.label, { bold: true }), kindOf(c))] }),
      ),
    }),
  );
  for (const row of table.rows) {
    const strong = row.emphasis === 'level' || row.emphasis === 'total' ? { bold: true } : {};
    const shade = row.emphasis === 'level' ? shaded(COLORS.level) : {};
    if (isSpanningLevelRow(row.cells, row.emphasis)) {
      rows.push(new TableRow({ cantSplit: true, children: [new TableCell({ columnSpan: n, ...shade, children: [cellPara(cellRuns(ctx.fmt.cell(row.cells[0] ?? null, 'text'), strong), 'text')] })] }));
      continue;
    }
    rows.push(
      new TableRow({
        cantSplit: true,
        children: table.columns.map((c, i) => {
          const children: ParagraphChild[] = cellRuns(ctx.fmt.cell(row.cells[i] ?? null, c.kind, c.digits), strong);
          if (row.pending && i === label) children.push(...runs(ctx, ` ${ctx.doc.labels.pendingMark}`, { italics: true, color: COLORS.grey }));
          return new TableCell({ ...shade, children: [cellPara(children, kindOf(c), row.emphasis === 'sub' && i === 0 ? 280 : 0)] });
        }),
      }),
    );
  }
  const out: (Paragraph | Table)[] = [];
  if (table.caption) out.push(para(ctx, runs(ctx, table.caption, { bold: true }), { keepNext: true, spacing: { before: 240, after: 80 } }));
  out.push(
    new Table({
      rows,
      width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { top: 30, bottom: 30, left: 60, right: 60 },
      ...(ctx.rtl ? { visuallyRightToLeft: true } : {}),
    }),
  );
  out.push(para(ctx, [], { spacing: { after: 120 } }));
  return out;
}

const isWide = (section: ReportDocSection) => section.blocks.some((b) => b.type === 'table' && b.columns.length > PORTRAIT_MAX_COLUMNS);

function sectionBlocks(ctx: Ctx, section: ReportDocSection, textWidth: number, breakBefore: boolean): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [para(ctx, runs(ctx, section.title), { heading: HeadingLevel.HEADING_1, ...(breakBefore ? { pageBreakBefore: true } : {}) })];
  for (const block of section.blocks) {
    switch (block.type) {
      case 'heading':
        out.push(para(ctx, runs(ctx, block.text), { heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 }));
        break;
      case 'paragraph':
        out.push(paragraphBlock(ctx, block));
        break;
      case 'bullets':
        for (const item of block.items) out.push(para(ctx, runs(ctx, item), { numbering: { reference: BULLETS, level: 0 } }));
        break;
      case 'table':
        for (const part of splitWideTable(block, LANDSCAPE_MAX_COLUMNS)) out.push(...tableBlock(ctx, part, textWidth));
        break;
    }
  }
  return out;
}

function footer(ctx: Ctx): Footer {
  const page = pageLabelParts(ctx.doc.labels.pageOf).map((part) =>
    'text' in part ? new TextRun({ text: cleanText(part.text), size: 18, color: COLORS.grey }) : new TextRun({ children: [part.field === 'n' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], size: 18, color: COLORS.grey }),
  );
  return new Footer({
    children: [para(ctx, [...runs(ctx, `${ctx.doc.organisationName} · `, { size: 18, color: COLORS.grey }), ...page], { alignment: AlignmentType.CENTER })],
  });
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const ctx: Ctx = { rtl: doc.direction === 'rtl', fmt: numberFormats(doc.language), doc };
  const portrait = { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } };
  const landscape = { page: { ...portrait.page, size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE } } };

  // The cover and the contents, then the report's sections; a section with a wide table gets landscape pages.
  const front: (Paragraph | Table | TableOfContents)[] = [];
  if (doc.cover) front.push(...coverBlocks(ctx, doc.cover));
  front.push(para(ctx, runs(ctx, doc.labels.contents), { style: 'ContentsHeading', ...(doc.cover ? { pageBreakBefore: true } : {}) }));
  front.push(new TableOfContents(cleanText(doc.labels.contents), { hyperlink: true, headingStyleRange: '1-3' }));

  const sections: ISectionOptions[] = [];
  let current: { wide: boolean; children: (Paragraph | Table | TableOfContents)[] } = { wide: false, children: front };
  const flush = () => {
    sections.push({
      properties: { ...(current.wide ? landscape : portrait), ...(sections.length > 0 ? { type: SectionType.NEXT_PAGE } : {}) },
      footers: { default: footer(ctx) },
      children: current.children,
    });
  };
  for (const section of doc.sections) {
    const wide = isWide(section);
    if (wide !== current.wide) {
      flush();
      current = { wide, children: [] };
    }
    // The first section starts on the page after the contents; a new landscape or portrait part starts on its own
    // page already; other sections follow on.
    const afterContents = current.children === front && section === doc.sections[0];
    current.children.push(...sectionBlocks(ctx, section, wide ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait, afterContents));
  }
  const untranslated = untranslatedSections(doc);
  if (untranslated.length > 0) {
    current.children.push(para(ctx, runs(ctx, doc.labels.untranslated), { style: 'ContentsHeading', spacing: { before: 480 } }));
    for (const title of untranslated) current.children.push(para(ctx, runs(ctx, title), { numbering: { reference: BULLETS, level: 0 } }));
  }
  flush();

  const languageTag = LANGUAGE_TAGS[doc.language];
  const document = new Document({
    title: cleanText(doc.title),
    creator: cleanText(doc.organisationName),
    lastModifiedBy: 'Fieldbook',
    // Word fills in the contents' page numbers when the file is opened, after asking. (docx/layout's estimator
    // could write them, but takes seconds on a monthly project-year; LibreOffice shows the entries without numbers.)
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial', eastAsia: 'Calibri' }, size: 22, language: { value: languageTag, bidirectional: 'ar-TN' } },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { size: 52, bold: true, color: COLORS.heading } },
        heading1: { run: { size: 32, bold: true, color: COLORS.heading }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { size: 26, bold: true, color: COLORS.heading }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { size: 23, bold: true, color: '404040' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 30, color: '404040' } },
        // Word's contents entry styles, found by name; right to left in an Arabic report.
        ...[1, 2, 3].map((level) => ({
          id: `TOC${level}`,
          name: `toc ${level}`,
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: { spacing: { after: 60 }, indent: { start: (level - 1) * 220 }, ...(ctx.rtl ? { bidirectional: true } : {}) },
        })),
        // Looks like a heading but is not one, so the contents do not list themselves.
        ...Object.values(TABLE_STYLES).flatMap((t) => [
          { id: t.text, name: t.text, basedOn: 'Normal', run: { size: t.size }, paragraph: { spacing: { before: 0, after: 0 } } },
          { id: t.number, name: t.number, basedOn: t.text, paragraph: { alignment: AlignmentType.END } },
        ]),
        { id: 'ContentsHeading', name: 'Contents Heading', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 32, bold: true, color: COLORS.heading }, paragraph: { spacing: { before: 240, after: 160 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { start: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections,
  });
  return Packer.toBuffer(document);
}
