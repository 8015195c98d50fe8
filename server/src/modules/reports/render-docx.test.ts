import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableBlock } from './document.types.js';
import { renderDocx } from './render-docx.js';
import { HOSTILE_TEXTS, maliNutritionReport, maliNutritionReportArabic, maliNutritionReportWithHostileText } from './render.fixtures.js';

/** The parts of a Word file the checks read, unzipped. */
async function open(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the DOCX`);
    return file.async('string');
  };
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(read));
  return { zip, document: await read('word/document.xml'), core: await read('docProps/core.xml'), settings: await read('word/settings.xml'), styles: await read('word/styles.xml'), footers };
}

const unescape = (xml: string) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The top-level paragraphs of the body (outside tables), each with its style and plain text. */
function paragraphs(xml: string) {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    bidi: inner.includes('<w:bidi/>'),
    text: unescape([...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, inner = '']) => ({ inner, rows: [...inner.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1] ?? '') }));
const rowText = (row: string) => unescape([...row.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|'));

describe('renderDocx', () => {
  const doc = maliNutritionReportWithHostileText();
  let docx: Awaited<ReturnType<typeof open>>;
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderDocx(doc);
    docx = await open(buffer);
  });

  it('gives each section a Heading 1 paragraph and heading blocks Heading 2 and 3', () => {
    const ps = paragraphs(docx.document);
    expect(ps.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(doc.sections.map((s) => s.title));
    expect(ps.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([
      'Outcome 1: Early detection and treatment of acute malnutrition',
      'Outcome 2: Infant and young child feeding practices',
    ]);
    expect(ps.filter((p) => p.style === 'Heading3').map((p) => p.text)).toEqual(['Output 1.2: Outpatient treatment sites supplied and supervised']);
    // Word's own heading styles, so the navigation pane and the contents know them.
    expect(docx.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">\s*<w:name w:val="Heading 1"\/>/);
  });

  it('puts a contents field after the cover that Word updates on opening', () => {
    // Asserted as booleans: a failing match would print the whole document.
    expect(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/.test(docx.document)).toBe(true);
    expect(/<w:docPartGallery w:val="Table of Contents"\/>/.test(docx.document)).toBe(true);
    const ps = paragraphs(docx.document);
    const contents = ps.findIndex((p) => p.text === doc.labels.contents);
    expect(contents).toBeGreaterThan(ps.findIndex((p) => p.text === 'Donor: Nordic Fund for Children and Communities'));
    expect(contents).toBeLessThan(ps.findIndex((p) => p.style === 'Heading1'));
    expect(docx.settings).toContain('<w:updateFields/>');
  });

  it('shows the cover with the logo, title, subtitle and its lines', () => {
    const ps = paragraphs(docx.document).map((p) => p.text);
    expect(ps.slice(0, 8)).toEqual(expect.arrayContaining([doc.cover!.title, doc.cover!.subtitle, 'Agreement number: NFCC-2025-MLI-0147']));
    expect(Object.keys(docx.zip.files).some((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toBe(true);
    expect(docx.document).toContain('<wp:inline');
  });

  it('marks the header rows of every table to repeat on each page, and only those', () => {
    const [iptt, disaggregation] = tables(docx.document);
    // The IPTT has a row of period groups above the column labels: both repeat.
    expect(iptt!.rows.slice(0, 2).every((r) => r.includes('<w:tblHeader/>'))).toBe(true);
    expect(iptt!.rows.slice(2).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    expect(rowText(iptt!.rows[0]!)).toBe('July 2026|August 2026|September 2026|Q3 2026');
    expect(iptt!.rows[0]).toMatch(/<w:gridSpan w:val="3"\/>/);
    expect(disaggregation!.rows[0]).toContain('<w:tblHeader/>');
    expect(disaggregation!.rows[1]).not.toContain('<w:tblHeader/>');
  });

  it('writes the figures of the IPTT in the report language, right-aligned, and marks pending rows', () => {
    const [iptt] = tables(docx.document);
    const screened = iptt!.rows.find((r) => rowText(r).startsWith('1.1|'))!;
    expect(rowText(screened)).toBe('1.1|Children aged 6–59 months screened for acute malnutrition (MUAC)|0|96,000|8,000|8,412|105.2\u00a0%|8,000|7,650|95.6\u00a0%|8,000|9,108|113.9\u00a0%|24,000|25,170|104.9\u00a0%');
    expect(screened).toContain('<w:pStyle w:val="TableNumber');
    expect(docx.styles).toMatch(/w:styleId="TableNumberSmall">[\s\S]*?<w:jc w:val="end"\/>/);
    const pending = iptt!.rows.find((r) => rowText(r).startsWith('1.3|'))!;
    expect(rowText(pending)).toContain(`outpatient treatment| ${doc.labels.pendingMark}`);
    expect(rowText(iptt!.rows.find((r) => rowText(r).startsWith('1.2|'))!)).not.toContain(doc.labels.pendingMark);
  });

  it('shades header and result-level rows and spans a level row across the table', () => {
    const [iptt] = tables(docx.document);
    const level = iptt!.rows.find((r) => rowText(r).startsWith('Outcome 1'))!;
    expect(level).toMatch(/<w:gridSpan w:val="16"\/>/);
    expect(level).toMatch(/<w:shd [^>]*w:fill="EDEDED"/);
    expect(iptt!.rows[1]).toMatch(/<w:shd [^>]*w:fill="D9E2F3"/);
  });

  it('numbers the pages in the footer with "Page n of N" fields', () => {
    expect(docx.footers.length).toBeGreaterThan(0);
    for (const footer of docx.footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(footer).toContain('>Page </w:t>');
      expect(footer).toContain('> of </w:t>');
    }
  });

  it('keeps typed text as text: markup escaped, formulas plain, invalid characters gone', () => {
    const text = paragraphs(docx.document).map((p) => p.text);
    expect(text).toContain(`${HOSTILE_TEXTS.markup}=1+1Kayes region total`);
    expect(text).toContain(HOSTILE_TEXTS.placeholder);
    expect(docx.document).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;w:p/&gt;');
    expect(docx.document).not.toContain('<script>');
    // eslint-disable-next-line no-control-regex -- the characters the renderers must remove
    expect(docx.document).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(docx.document).toContain('>=1+1</w:t>');
    expect(docx.document).not.toContain('<w:fldSimple');
    const annex = tables(docx.document)[2]!;
    expect(rowText(annex.rows[1]!)).toBe(`=1+1|${HOSTILE_TEXTS.hyperlink}|3`);
    // Only the fields the renderer puts in: the contents and its page references.
    expect(new Set([...docx.document.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1]!.trim().split(' ')[0]))).toEqual(new Set(['TOC', 'PAGEREF']));
  });

  it('keeps line breaks, sets fixed wording apart and flags untranslated passages', () => {
    expect(docx.document).toMatch(/lean season, and fell back in August when the floods on the Bani cut access to four health areas\.<\/w:t><\/w:r><w:r><w:br\/>/);
    const ps = paragraphs(docx.document);
    const untranslated = ps.find((p) => p.text.startsWith('[FR] '))!;
    expect(untranslated.text).toContain("Dans l'aire de santé de Konna");
    expect(docx.document).toMatch(/<w:lang w:val="fr-FR"\/>/);
    const fixedXml = docx.document.split('<w:p>').find((p) => p.includes('All figures are drawn from approved submissions'))!;
    expect(fixedXml).toContain('<w:pBdr>');
    expect(fixedXml).toContain('<w:i/>');
    expect(ps.find((p) => p.text === doc.labels.untranslated)).toBeTruthy();
  });

  it('sets the title and the organisation as the file properties', () => {
    expect(docx.core).toContain('<dc:title>Quarterly performance report — Q3 2026</dc:title>');
    expect(docx.core).toContain('<dc:creator>Sahel Action International</dc:creator>');
  });

  it('lays a right-to-left report out right to left, except a passage in a left-to-right language', async () => {
    const ar = maliNutritionReportArabic();
    const xml = (await open(await renderDocx(ar))).document;
    const ps = paragraphs(xml);
    expect(ps.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(ar.sections.map((s) => s.title));
    expect(ps.filter((p) => p.style === 'Heading1').every((p) => p.bidi)).toBe(true);
    expect(ps.find((p) => p.text.startsWith('[FR]'))!.bidi).toBe(false);
    expect(xml).toContain('<w:bidiVisual/>');
    expect(xml).toMatch(/<w:rtl\/>[\s\S]*?<w:t xml:space="preserve">الملخص التنفيذي<\/w:t>/);
    const iptt = tables(xml)[0]!;
    expect(rowText(iptt.rows.find((r) => rowText(r).startsWith('1.1|'))!)).toContain('|96,000|8,000|8,412|105.2\u00a0%|');
  });

  it('puts a section with a wide table on landscape pages', () => {
    const sections = [...docx.document.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1]!);
    expect(sections.map((s) => /w:orient="landscape"/.test(s))).toEqual([false, true, false]);
  });

  it('renders a table without rows, a report without cover and empty texts', async () => {
    const bare = maliNutritionReport();
    bare.cover = null;
    const empty: TableBlock = { type: 'table', sheetName: 'Empty', columns: [{ label: 'Indicator', kind: 'text' }], rows: [] };
    bare.sections = [{ key: 'x', title: 'Annex', blocks: [{ type: 'paragraph', text: '' }, { type: 'bullets', items: [] }, empty] }];
    const xml = (await open(await renderDocx(bare))).document;
    expect(paragraphs(xml).filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Annex']);
    expect(tables(xml)).toHaveLength(1);
  });

  // LibreOffice is heavy for every run: FIELDBOOK_LIBREOFFICE=1 turns this on where it is installed (see scripts/docx-to-pdf.sh).
  it.runIf(process.env.FIELDBOOK_LIBREOFFICE === '1')('converts to PDF with LibreOffice without error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fb-docx-'));
    try {
      writeFileSync(path.join(dir, 'report.docx'), buffer);
      execFileSync('scripts/docx-to-pdf.sh', [path.join(dir, 'report.docx')], { stdio: 'pipe', timeout: 180_000 });
      expect(existsSync(path.join(dir, 'report.pdf'))).toBe(true);
      expect(readFileSync(path.join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);
});
