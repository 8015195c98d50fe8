import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { downloadBytes, html, signIn } from './support/ui.js';

/**
 * Budget vs actual on the demo workspace: the Accra and Kumasi city teams' GHS budget (revision 2
 * in force, line 2.1 over-spent) read by the administrator in English, its workbook downloaded,
 * the budget card on the project dashboard, and the same page for the budget holder in Arabic.
 */
const WAIT = { timeout: 30_000 };
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const projectId = (page: Page, code: string) =>
  page.evaluate(async (c) => ((await (await fetch(`/api/projects?q=${c}`)).json()) as { items: { id: string }[] }).items[0]!.id, code);

describe('budget vs actual', () => {
  it('shows the lines, flags the over-spent one in words, charts burn against time and downloads the workbook', async () => {
    await journey(browser, server.url, 'bva-english', async (page) => {
      await signIn(page, 'admin@fieldbook.demo');
      const id = await projectId(page, 'LASI-GH-04');
      await page.goto(`/projects/${id}/budget-vs-actual`);
      const over = page.getByTestId('bva-line-2.1');
      await over.waitFor(WAIT);
      expect(await over.getAttribute('data-flagged')).toBe('true');
      expect(await over.textContent()).toContain('Over budget');
      expect(await over.getByTestId('bva-budget').textContent()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
      await page.getByTestId('bva-burn-chart').locator('svg').first().waitFor(WAIT);
      await screenshot(page, 'bva-page-en');

      await page.getByTestId('bva-tab-periods').click();
      await page.getByTestId('bva-period-chart').locator('svg').first().waitFor(WAIT);
      await screenshot(page, 'bva-periods-en');
      await page.getByTestId('bva-tab-results').click();
      await screenshot(page, 'bva-results-en');
      await page.getByTestId('bva-tab-rates').click();
      await screenshot(page, 'bva-rates-en');

      const { bytes } = await downloadBytes(page, () => page.getByTestId('bva-download').click());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['By line', 'By category', 'By period', 'By result', 'Rates used']);

      await page.goto(`/projects/${id}/dashboard`);
      const card = page.getByTestId('dashboard-budget-card');
      await card.waitFor(WAIT);
      expect(await card.textContent()).toContain('Accra and Kumasi city teams 2026');
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: '.e2e-artifacts/bva-dashboard-card.png' });
    });
  });

  it('is laid out right to left for the budget holder in Arabic', async () => {
    await journey(browser, server.url, 'bva-arabic', async (page) => {
      await signIn(page, 'budget@fieldbook.demo');
      const id = await projectId(page, 'LASI-GH-04');
      await page.goto(`/projects/${id}/budget-vs-actual`);
      await page.getByTestId('bva-line-2.1').waitFor(WAIT);
      expect(await html(page)).toMatchObject({ dir: 'rtl', lang: 'ar' });
      expect(await page.getByTestId('bva-line-2.1').textContent()).toContain('تجاوز الميزانية');
      await page.getByTestId('bva-burn-chart').locator('svg').first().waitFor(WAIT);
      await screenshot(page, 'bva-page-ar');
    });
  });

  it('gives the cost per output of Kolwezi results in French', async () => {
    await journey(browser, server.url, 'bva-french', async (page) => {
      await signIn(page, 'pm@fieldbook.demo');
      const id = await projectId(page, 'CLM-KOL-01');
      await page.goto(`/projects/${id}/budget-vs-actual?tab=results`);
      await page.locator('[data-testid^="bva-result-"]').first().waitFor(WAIT);
      await screenshot(page, 'bva-results-fr');
      const costs = page.locator('[data-testid^="bva-cost-"]');
      expect(await costs.count()).toBeGreaterThan(0);
      expect(await costs.first().textContent()).toMatch(/ USD par /);
      await page.getByTestId('bva-tab-rates').click();
      await page.getByTestId('bva-rate-CDF').first().waitFor(WAIT);
      await screenshot(page, 'bva-rates-fr');
    });
  });

  it('hides the budget card from those who may not see money', async () => {
    await journey(browser, server.url, 'bva-viewer', async (page) => {
      await signIn(page, 'donor@fieldbook.demo');
      const id = await projectId(page, 'CLM-KOL-01');
      await page.goto(`/projects/${id}/dashboard`);
      await page.getByTestId('dashboard').waitFor(WAIT);
      expect(await page.getByTestId('dashboard-budget-card').count()).toBe(0);
      const res = await page.evaluate(async (p) => (await fetch(`/api/projects/${p}/budget-summary`)).status, id);
      expect(res).toBe(403);
    });
  });
});
