import PDFDocument from 'pdfkit';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportDocument } from './document.types.js';
import { PdfText } from './render-pdf-text.js';
import { renderPdf } from './render-pdf.js';
import { HOSTILE_TEXTS, largeReportDocument, maliNutritionReportArabic, maliNutritionReportWithHostileText } from './render.fixtures.js';

/** An entry of the PDF's Info dictionary, decoded (PDFKit writes each as an object of its own, non-ASCII text as UTF-16BE). */
function infoString(pdf: string, key: string): string | null {
  const objectText = (n: string) => {
    const start = pdf.indexOf(`\n${n} 0 obj\n`);
    return start < 0 ? null : pdf.slice(pdf.indexOf('obj\n', start) + 4, pdf.indexOf('\nendobj', start));
  };
  // The Info dictionary is the object the trailer names (outline items have titles too).
  const info = /\/Info (\d+) 0 R/.exec(pdf.slice(pdf.lastIndexOf('trailer')));
  const ref = info && new RegExp(`/${key} (\\d+) 0 R`).exec(objectText(info[1]!) ?? '');
  const literal = ref && objectText(ref[1]!);
  if (!literal?.startsWith('(') || !literal.endsWith(')')) return null;
  const bytes: number[] = [];
  const body = literal.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += octal[0].length;
    } else {
      const next = body[++i] ?? '';
      bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
    }
  }
  const buf = Buffer.from(bytes);
  return buf[0] === 0xfe && buf[1] === 0xff ? Buffer.from(buf.subarray(2)).swap16().toString('utf16le') : buf.toString('latin1');
}

const pageCount = (pdf: string) => (pdf.match(/\/Type \/Page\b(?!s)/g) ?? []).length;

/** Renders while recording every line drawn, with the index of the page it went on. */
async function renderRecorded(doc: ReportDocument) {
  const drawn: { text: string; page: number; y: number }[] = [];
  const original = PdfText.prototype.drawLine;
  const spy = vi.spyOn(PdfText.prototype, 'drawLine').mockImplementation(function (this: PdfText, ...args: Parameters<PdfText['drawLine']>) {
    // PDFKit keeps its buffered pages in order; the current one's index is the page number - 1.
    const pdf = (this as unknown as { pdf: { page: unknown; _pageBuffer: unknown[] } }).pdf;
    drawn.push({ text: args[0], page: pdf._pageBuffer.indexOf(pdf.page), y: args[2] });
    return original.apply(this, args);
  });
  try {
    const buffer = await renderPdf(doc);
    return { buffer, pdf: buffer.toString('latin1'), drawn };
  } finally {
    spy.mockRestore();
  }
}

describe('renderPdf', () => {
  const doc = maliNutritionReportWithHostileText();
  let out: Awaited<ReturnType<typeof renderRecorded>>;
  beforeAll(async () => {
    out = await renderRecorded(doc);
  });
  afterEach(() => vi.restoreAllMocks());

  it('is a complete PDF 1.7 file with the pages expected', () => {
    expect(out.pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(out.pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    // Cover, contents, summary and narrative, the IPTT (landscape), the other tables and annexes.
    expect(pageCount(out.pdf)).toBe(5);
    expect((out.pdf.match(/\/MediaBox \[0 0 841\.89 595\.28\]/g) ?? []).length).toBe(1);
  });

  it('embeds its fonts', () => {
    const descriptors = (out.pdf.match(/\/Type \/FontDescriptor/g) ?? []).length;
    expect(descriptors).toBeGreaterThanOrEqual(2);
    expect((out.pdf.match(/\/FontFile2 /g) ?? []).length).toBe(descriptors);
    expect(out.pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(out.pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
  });

  it('carries the title and the organisation as metadata', () => {
    expect(infoString(out.pdf, 'Title')).toBe('Quarterly performance report — Q3 2026');
    expect(infoString(out.pdf, 'Author')).toBe('Sahel Action International');
    expect(out.pdf).toContain('/DisplayDocTitle true');
  });

  it('numbers every page "Page n of N" in the footer', () => {
    const footers = out.drawn.filter((d) => d.text.includes(' · Page '));
    expect(footers.map((d) => [d.page, d.text])).toEqual([0, 1, 2, 3, 4].map((p) => [p, `Sahel Action International · Page ${p + 1} of 5`]));
  });

  it('lists the sections on the contents page with the pages they start on', () => {
    const headingPage = (title: string) => out.drawn.find((d) => d.text === title && d.page > 1)!.page + 1;
    const contents = out.drawn.filter((d) => d.page === 1);
    expect(contents[0]!.text).toBe('Contents');
    for (const section of doc.sections) {
      const entry = contents.findIndex((d) => d.text === section.title);
      expect(entry).toBeGreaterThan(0);
      expect(contents[entry + 1]!.text).toBe(String(headingPage(section.title)));
    }
    expect(headingPage('Indicator performance tracking table')).toBe(4);
  });

  it('cuts a contents entry too long for its line, clear of the page number', async () => {
    const long = maliNutritionReportWithHostileText();
    long.sections[0]!.title = `Executive summary of the quarter ${'and of the lean season response '.repeat(8)}`;
    const { drawn } = await renderRecorded(long);
    const contents = drawn.filter((d) => d.page === 1);
    const entry = contents.findIndex((d) => d.text.startsWith('Executive summary of the quarter'));
    expect(contents[entry]!.text.endsWith('…')).toBe(true);
    expect(contents[entry + 1]!.text).toBe('3');
  });

  it('draws typed text as it was typed, without the characters XML and fonts cannot hold', () => {
    const texts = out.drawn.map((d) => d.text);
    expect(texts).toContain(HOSTILE_TEXTS.markup);
    expect(texts).toContain('=1+1');
    expect(texts).toContain('Kayes region total');
    // eslint-disable-next-line no-control-regex -- the characters the renderers must remove
    expect(texts.some((t) => /[\u0000-\u0008]/.test(t))).toBe(false);
  });

  it('flags the untranslated passage and lists it at the end', () => {
    const texts = out.drawn.map((d) => d.text);
    expect(texts.find((t) => t.startsWith('[FR] Dans'))).toBeTruthy();
    expect(texts.indexOf(doc.labels.untranslated)).toBeLessThan(texts.lastIndexOf('Progress by result'));
  });

  it('writes figures in the report language and marks pending rows', () => {
    const texts = out.drawn.map((d) => d.text);
    expect(texts).toContain('25,170');
    expect(texts).toContain('104.9\u00a0%');
    expect(texts.some((t) => t.includes(doc.labels.pendingMark) || t.includes('(pending'))).toBe(true);
  });

  it('repeats the header rows on every page a long table continues on', async () => {
    const large = largeReportDocument(50, 12);
    const { drawn, pdf } = await renderRecorded(large);
    const disaggregation = drawn.filter((d) => d.text.startsWith('1.1 ') || d.text.startsWith('5.10 '));
    const first = Math.min(...disaggregation.map((d) => d.page));
    const last = Math.max(...drawn.filter((d) => d.text.startsWith('5.10 5 years')).map((d) => d.page));
    expect(last - first).toBeGreaterThanOrEqual(3);
    for (let page = first; page <= last; page++) {
      const header = drawn.filter((d) => d.page === page && d.text === 'Indicator / age group');
      expect(header, `header on page ${page + 1}`).toHaveLength(1);
      // Drawn at the top of the page, above the rows.
      const rows = drawn.filter((d) => d.page === page && /^\d+\.\d+ \d/.test(d.text));
      expect(Math.min(...rows.map((r) => r.y))).toBeGreaterThan(header[0]!.y);
    }
    // The monthly IPTT is cut into tables of at most 16 columns, each with the indicator names.
    expect(drawn.filter((d) => d.text === 'Result / indicator').length).toBeGreaterThanOrEqual(4);
    expect(pageCount(pdf)).toBeGreaterThan(10);
  }, 30_000); // renders and parses a many-page PDF: seconds of CPU, more on a busy machine

  it('lays out an Arabic report right to left', async () => {
    const ar = maliNutritionReportArabic();
    const { pdf, drawn } = await renderRecorded(ar);
    expect(pageCount(pdf)).toBe(4);
    expect(infoString(pdf, 'Title')).toBe(ar.title);
    expect(drawn.some((d) => d.text === 'Sahel Action International · الصفحة 2 من 4')).toBe(true);
  });
});

describe('right-to-left lines', () => {
  const text = new PdfText(new PDFDocument({ autoFirstPage: false }));
  const style = { face: 'regular' as const, size: 10 };
  const runs = (line: string, rtl = true) => text.runs(line, rtl, style).map((r) => r.text.replace(/\u00a0/g, ' '));

  // fontkit lays out a run of Arabic script right to left itself: such runs are given in logical order, the others
  // in visual order, left to right; brackets mirrored. Checked against Chromium's rendering of the same lines.
  it('orders Arabic, Latin and numbers as the bidi algorithm does', () => {
    expect(runs('العلاج (OTP)، وبلغ')).toEqual(['(، وبلغ', 'OTP', 'العلاج )']);
    expect(runs('(بانتظار)')).toEqual([')بانتظار(']);
    expect(runs('نسبة 91 %')).toEqual(['% ', '91', 'نسبة ']);
    expect(runs('الصفحة 2 من 4')).toEqual(['4', ' من ', '2', 'الصفحة ']);
  });

  it('leaves left-to-right text alone and drops direction marks', () => {
    expect(runs('Page 3 of 5', false)).toEqual(['Page 3 of 5']);
    expect(runs('\u200e-1,234.5', false)).toEqual(['-1,234.5']);
  });

  it('wraps on spaces and cuts a word longer than the line', () => {
    expect(text.wrap('one two three', style, text.width('one two', style) + 1)).toEqual(['one two', 'three']);
    const long = 'x'.repeat(200);
    const lines = text.wrap(long, style, 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
    expect(text.wrap('a\nb', style, 100)).toEqual(['a', 'b']);
  });
});
