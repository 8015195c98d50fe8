import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedReport } from '@shared/schemas/reports.js';
import type { Iptt } from '@shared/schemas/monitoring.js';
import { ARTIFACTS, journey, launchBrowser, newContext, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { chooseLanguage, dialogField, downloadBytes, pickInDialog, signIn } from './support/ui.js';

/**
 * Donor reports on the demo workspace, through the browser: the M&E officer generates the Mali
 * protection project's quarterly report with the USAID-style template (its agreement chosen for
 * her), follows the job to the end, downloads the DOCX and finds in it the cover, the template's
 * section headings and the IPTT's figure for the quarter; then shares the report with a link, opens
 * it signed out, revokes it and sees the public page refuse it.
 *
 * The demo's rounds are placed relative to today, so the quarter and its figures move: the DOCX is
 * compared with the IPTT the server computes for the report's own period, never with a fixed number.
 */
const PROJECT = 'Protection Services in Mopti, Ségou, Tombouctou and Gao';
const PROJECT_CODE = 'PROT-ML-01';
const AGREEMENT = 'NFCC-2026-007';
const TEMPLATE = 'USAID quarterly performance report';
/** Section titles of the demo template that always have content, in the template's order. */
const HEADINGS = ['Executive summary', 'Indicator performance tracking table (IPTT)', 'Progress by result'];
/** A report job queues, assembles the data and writes three files; a busy two-core machine is slow. */
const GENERATION_TIMEOUT = 120_000;
const STEP_TIMEOUT = 30_000;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// Reading a DOCX

interface DocxParagraph {
  style: string;
  text: string;
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const runsText = (xml: string) => unescapeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

/** The body's paragraphs with their style (Title, Heading1…) and text, and its tables as rows of cell texts. */
async function readDocx(bytes: Buffer): Promise<{ paragraphs: DocxParagraph[]; tables: string[][][] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('The DOCX has no word/document.xml');
  const paragraphs = [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: runsText(m[0]),
  }));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => runsText(c[0]).trim())),
  );
  return { paragraphs, tables };
}

/** "5,377" → 5377; "72.33" → 72.33; null when the cell has no figure. English report, so commas group thousands. */
const cellNumber = (text: string) => {
  const m = /-?\d[\d,]*(?:\.\d+)?/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : null;
};

// ---------------------------------------------------------------------------------------------

describe('donor report journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'reports-server.log'), server.output());
    }
    await server?.stop();
  });

  const run = (name: string, steps: (page: Page) => Promise<void>) =>
    journey(browser, server.url, name, async (page) => {
      page.setDefaultTimeout(STEP_TIMEOUT);
      await steps(page);
    });

  it(
    'the M&E officer generates the quarterly report, finds the IPTT in its DOCX, and shares it with a link that works signed out until she revokes it',
    { timeout: 420_000 },
    async () => {
      await run('reports-generate-and-share', async (page) => {
        await signIn(page, 'me@fieldbook.demo');
        // The officer works in French; the journey reads the English interface and makes an English report.
        await chooseLanguage(page, 'English');

        await page.goto('/projects');
        await page.getByTestId('projects-table').getByRole('link', { name: PROJECT }).click();
        await page.getByTestId('reports-link').click();
        await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/reports$/);
        const projectId = /\/projects\/([0-9a-f-]{36})\/reports$/.exec(page.url())![1]!;
        await page.getByTestId('no-reports').waitFor();

        // The project's only agreement is chosen (its number goes on the cover), last quarter by default.
        await page.getByTestId('generate-report').click();
        await page.getByTestId('generate-report-form').waitFor();
        await expect.poll(() => dialogField(page, 'Agreement').inputValue()).toMatch(new RegExp(`^${escapeRegExp(AGREEMENT)}\\b`));
        await pickInDialog(page, 'Template', new RegExp(`^${escapeRegExp(TEMPLATE)} \\(version \\d+\\)$`));
        await expect.poll(() => page.getByTestId('period-presets').locator('input:checked').inputValue()).toBe('lastQuarter');
        // The agreement asks for French; this donor copy is in English.
        expect(await dialogField(page, 'Report language').inputValue()).toBe('Français');
        await pickInDialog(page, 'Report language', 'English');
        await screenshot(page, 'reports-generate-dialog', { fullPage: false });
        await page.getByTestId('generate-submit').click();

        // The new report is at the top of the history, queued or running, then done with its downloads.
        const row = page.getByTestId('report-row').first();
        await row.waitFor();
        const reportId = (await row.getAttribute('data-report-id'))!;
        await expect.poll(() => row.getAttribute('data-status'), { timeout: GENERATION_TIMEOUT }).toBe('done');
        await expect.poll(() => row.getByTestId('report-files').locator('button').count()).toBe(3);
        await screenshot(page, 'reports-history');

        const report = (await (await page.request.get(`/api/reports/${reportId}`)).json()) as GeneratedReport;
        expect(report).toMatchObject({ status: 'done', language: 'en', templateName: TEMPLATE, agreementNumber: AGREEMENT });
        expect(await row.getByTestId('report-title').innerText()).toBe(report.title);

        const { download, bytes } = await downloadBytes(page, () => row.locator('button[data-format="docx"]').click());
        expect(download.suggestedFilename()).toMatch(/\.docx$/);
        const docx = await readDocx(bytes);

        // Cover: the template's title, the project, the agreement number and the period's key.
        const cover = docx.paragraphs.slice(0, docx.paragraphs.findIndex((p) => p.style === 'Heading1'));
        expect(cover.find((p) => p.style === 'Title')?.text).toBe(TEMPLATE);
        expect(cover.find((p) => p.style === 'Subtitle')?.text).toContain(PROJECT_CODE);
        expect(cover.some((p) => p.text.includes(AGREEMENT))).toBe(true);

        // Real Word headings, one per section, in the template's order.
        const headings = docx.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
        const positions = HEADINGS.map((h) => headings.indexOf(h));
        expect(positions.every((i) => i >= 0), `headings: ${headings.join(' | ')}`).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);

        // The IPTT table carries the quarter's actual of each indicator as the IPTT computes it for the same period.
        const iptt = (await (
          await page.request.get('/api/iptt', { params: { scope: 'project', id: projectId, granularity: 'quarter', from: report.periodStart, to: report.periodEnd } })
        ).json()) as Iptt;
        const indicator = iptt.rows.find(
          (r): r is Extract<Iptt['rows'][number], { kind: 'indicator' }> => r.kind === 'indicator' && r.type === 'number' && (r.periods[0]?.actual?.value ?? 0) > 0,
        );
        expect(indicator, 'an indicator with a figure for the quarter').toBeDefined();
        const actual = indicator!.periods[0]!.actual!.value!;
        // The IPTT is the one table whose rows start with indicator codes (disaggregation tables start with groups).
        const docxRow = docx.tables.flat().find((r) => r[0] === indicator!.code);
        expect(docxRow, `IPTT row ${indicator!.code} in the DOCX`).toBeDefined();
        expect(docxRow!.map(cellNumber), `${indicator!.code}: ${docxRow!.join(' | ')}`).toContain(actual);

        // Share the report with a link, from the project page.
        await page.goto(`/projects/${projectId}`);
        await page.getByTestId('share-open').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('share-kind').getByText('A generated report', { exact: true }).click();
        await pickInDialog(page, 'Report', new RegExp(`^${escapeRegExp(report.title)}`));
        await dialog.getByTestId('share-label').fill('NFCC programme officer, Bamako');
        await dialog.getByTestId('share-create').click();
        const url = (await dialog.getByTestId('share-url').innerText()).trim();
        expect(url).toMatch(/\/shared\/[^/]+$/);
        // The address names the installation's public URL; the journey's server listens on a port of its own.
        const sharedPath = new URL(url).pathname;

        // Signed out, in a browser of its own: the report and its DOCX.
        const visitor = await newContext(browser, server.url);
        const publicErrors: Error[] = [];
        try {
          const publicPage = await visitor.newPage();
          publicPage.setDefaultTimeout(STEP_TIMEOUT);
          publicPage.on('pageerror', (e) => publicErrors.push(e));
          await publicPage.goto(sharedPath);
          await publicPage.getByRole('heading', { name: report.title }).waitFor();
          const shared = await downloadBytes(publicPage, () => publicPage.getByTestId('shared-file-docx').click());
          expect((await readDocx(shared.bytes)).paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(headings);
          await screenshot(publicPage, 'reports-shared-page');

          // Revoked by the officer, the link is refused on the next visit.
          const link = dialog.getByTestId('share-link-row').first();
          await expect.poll(() => link.getAttribute('data-status')).toBe('active');
          await link.getByTestId('share-revoke').click();
          await link.getByTestId('share-revoke-confirm').click();
          await expect.poll(() => link.getAttribute('data-status')).toBe('revoked');

          await publicPage.reload();
          await publicPage.getByTestId('shared-gone').waitFor();
          await expect.poll(() => publicPage.getByTestId('shared-file-docx').count()).toBe(0);
          expect((await publicPage.request.get(`/api${sharedPath}/files/docx`)).status()).toBe(404);
          expect(publicErrors.map((e) => e.message)).toEqual([]);
        } finally {
          await visitor.close();
        }
      });
    },
  );

  it('gives a template section its title in other languages', async () => {
    await run('template-languages', async (page) => {
      await signIn(page, 'admin@fieldbook.demo');
      const template = await page.evaluate(async () => {
        const res = await fetch('/api/report-templates');
        return ((await res.json()) as { items: { id: string; name: string }[] }).items.find((x) => x.name === 'EU interim narrative report')!;
      });
      await page.goto(`/report-templates/${template.id}`);
      // The demo's EU template carries French headings already; a Spanish one is added here.
      await page.getByTestId('section-languages-summary').click();
      expect(await page.getByTestId('section-title-summary-fr').inputValue()).toBe('1. Résumé de l’Action');
      await page.getByTestId('section-title-summary-es').fill('1. Resumen de la Acción');
      await page.getByTestId('section-summary').scrollIntoViewIfNeeded();
      await screenshot(page, 'template-languages-en', { fullPage: false });
      await page.getByTestId('save-template').click();
      await expect
        .poll(async () =>
          page.evaluate(async (id) => {
            const res = await fetch(`/api/report-templates/${id}`);
            return ((await res.json()) as { sections: { key: string; titles?: Record<string, string> }[] }).sections.find((x) => x.key === 'summary')?.titles;
          }, template.id),
        )
        .toEqual({ fr: '1. Résumé de l’Action', es: '1. Resumen de la Acción' });
    });
  });
});
