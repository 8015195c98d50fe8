import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from './document.types.js';
import { closeRenderPool, renderInWorker } from './render-pool.js';
import { largeReportDocument, maliNutritionReport } from './render.fixtures.js';

afterAll(() => closeRenderPool());

describe('renderInWorker', () => {
  const doc = maliNutritionReport();

  it('renders the three formats on the worker thread and hands back whole files', async () => {
    expect(doc.cover?.logo?.content).toBeInstanceOf(Buffer);
    const [docx, xlsx, pdf] = await Promise.all([renderInWorker('docx', doc), renderInWorker('xlsx', doc), renderInWorker('pdf', doc)]);
    for (const file of [docx, xlsx, pdf]) expect(Buffer.isBuffer(file)).toBe(true);
    // DOCX and XLSX are zips; the logo crossed to the worker and is in the Word file's media.
    expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(xlsx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const zip = await JSZip.loadAsync(docx);
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);
    expect(await zip.file('word/document.xml')?.async('string')).toContain('Indicator performance');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    // The logo crossed to the worker and PDFKit embedded it.
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  }, 60_000);

  it('fails the render with the renderer’s error, and keeps working afterwards', async () => {
    const broken = { ...doc, sections: null } as unknown as ReportDocument;
    await expect(renderInWorker('docx', broken)).rejects.toThrow(/^Rendering the report as DOCX failed: /);
    const again = await renderInWorker('pdf', doc);
    expect(again.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('fails a render whose worker stops before it finishes, and the next render gets a new worker', async () => {
    const unfinished = expect(renderInWorker('pdf', largeReportDocument(50, 12))).rejects.toThrow(/renderer was closed before it finished/);
    await closeRenderPool();
    await unfinished;
    const next = await renderInWorker('docx', doc);
    expect(next.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  }, 60_000);

  it('stops a render that takes longer than its time limit', async () => {
    await expect(renderInWorker('pdf', largeReportDocument(50, 12), { timeoutMs: 1 })).rejects.toThrow(/took longer than/);
    const next = await renderInWorker('xlsx', doc);
    expect(next.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  }, 60_000);
});
