import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { html, signIn } from './support/ui.js';

/**
 * A budget from draft to approval on the demo workspace: the finance officer reads the Accra and
 * Kumasi budget's approved revision beside the original, creates a new budget, types a line whose
 * total is computed as they type, spreads it over the quarters and submits it; the budget holder
 * (Arabic interface) reads the revision right to left and approves the new budget.
 */
const WAIT = { timeout: 30_000 };
const TITLE = 'Community radio spots 2026';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function projectId(page: Page, code: string): Promise<string> {
  return page.evaluate(async (c) => {
    const res = await fetch(`/api/projects?q=${c}`);
    return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
  }, code);
}

describe('budget', () => {
  it('is drafted and submitted by finance, read as a revision, and approved by the budget holder in Arabic', async () => {
    let id = '';
    await journey(browser, server.url, 'budget-draft', async (page) => {
      await signIn(page, 'finance@fieldbook.demo');
      id = await projectId(page, 'LASI-GH-04');
      await page.goto(`/projects/${id}/budget`);
      await page.getByTestId('budget-lines').waitFor(WAIT);
      // The demo's revision 2 is in force: the page opens on it, with original and in-force columns.
      await page.getByTestId('budget-version-2').waitFor(WAIT);
      expect(await page.getByTestId('budget-version-card').textContent()).toContain('In force');
      await screenshot(page, 'budget-revision-en');

      await page.getByTestId('budget-new').click();
      await page.getByTestId('budget-settings-title').fill(TITLE);
      await page.getByTestId('budget-settings-save').click();
      await page.getByTestId('budget-editor').waitFor(WAIT);
      await page.getByTestId('budget-add-line').click();
      const row = page.getByTestId('budget-edit-line-0');
      await row.getByTestId('line-description').fill('Radio spots, Kumasi FM');
      await row.getByTestId('line-unit').fill('spot');
      await row.getByTestId('line-quantity').fill('12');
      await row.getByTestId('line-unit-cost').fill('1,250.50');
      expect(await row.getByTestId('line-total').textContent()).toBe('15,006.00');
      await row.getByTestId('line-spread').click();
      expect(await row.getByTestId('line-remaining').textContent()).toBe('✓');
      await screenshot(page, 'budget-draft-editing-en', { fullPage: false });
      await page.getByTestId('budget-save-lines').click();
      await page.getByTestId('budget-lines').waitFor(WAIT);
      expect(await page.getByTestId('budget-total').textContent()).toBe('15,006.00 GHS');
      await page.getByTestId('budget-submit').click();
      await page.getByTestId('budget-submit-text').fill('Radio campaign for the market forums');
      await page.getByTestId('budget-submit-confirm').click();
      await page.locator('[data-testid="budget-version-card"]:has-text("Submitted")').waitFor(WAIT);
      expect(await page.getByTestId('budget-approve').count()).toBe(0);
      await screenshot(page, 'budget-submitted-en');
    });

    await journey(browser, server.url, 'budget-approve', async (page) => {
      await signIn(page, 'budget@fieldbook.demo');
      expect(await html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      await page.goto(`/projects/${id}/budget`);
      await page.getByTestId('budget-select').click(WAIT);
      await page.getByRole('option', { name: new RegExp(TITLE) }).click();
      await page.getByTestId('budget-approve').click(WAIT);
      await page.getByTestId('budget-approve-confirm').click();
      await page.getByTestId('budget-revise').waitFor(WAIT);
      expect(await page.getByTestId('budget-version-card').textContent()).toContain('سارية');
      await screenshot(page, 'budget-approved-ar');

      // The city teams' budget: revision 2 in force, beside the original.
      await page.getByTestId('budget-select').click();
      await page.getByRole('option', { name: /Accra and Kumasi/ }).click();
      await page.getByTestId('budget-version-2').waitFor(WAIT);
      await page.getByTestId('budget-lines').waitFor(WAIT);
      await page.getByTestId('budget-revise').waitFor(WAIT);
      await screenshot(page, 'budget-revision-ar');

      // The superseded original is read only: a revision starts from the version in force, so it is not offered there.
      await page.getByTestId('budget-version-1').click();
      await page.locator('[data-testid="budget-version-1"][aria-pressed="true"]').waitFor(WAIT);
      await page.getByTestId('budget-lines').waitFor(WAIT);
      expect(await page.getByTestId('budget-revise').count()).toBe(0);
    });
  }, 400_000);
});
