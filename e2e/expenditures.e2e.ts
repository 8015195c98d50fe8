import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { html, signIn } from './support/ui.js';

/**
 * An expenditure from recording to budget vs actual on the demo workspace: the finance officer
 * records a payment in US dollars against a line of the Accra and Kumasi GHS budget, with the rate
 * and a receipt — first mistyping the amount, then correcting it from the drawer — and signs out; the budget holder (Arabic interface) finds it on the home page and
 * approves it; the budget-vs-actual page then shows that line's actual up by exactly the converted
 * amount.
 */
const WAIT = { timeout: 30_000 };
const LINE = '4.1';
const PAYEE = 'Accra Print House';
/** USD 100.00 at 0.0645 USD per GHS = GHS 1,550.387… → 1,550.39 (155,039 pesewas). */
const CONVERTED_MINOR = 155_039;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

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

/** A line's actual on the budget-vs-actual page, in minor units (the page writes the budget currency's two decimals). */
async function actualOf(page: Page, id: string, code: string): Promise<number> {
  await page.goto(`/projects/${id}/budget-vs-actual`);
  const cell = page.locator(`[data-testid="bva-line-${code}"] [data-testid="bva-actual"]`).first();
  await cell.waitFor(WAIT);
  const text = (await cell.textContent()) ?? '';
  const digits = text.replace(/[\u066b]/g, '.').replace(/[^\d.]/g, '');
  const [whole = '0', fraction = ''] = digits.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

async function pickOption(page: Page, testId: string, search: string, option: RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('expenditures', () => {
  it('are recorded by finance, approved by the budget holder in Arabic, and counted in budget vs actual', async () => {
    let before = 0;
    let id = '';
    await journey(browser, server.url, 'expenditure-record', async (page) => {
      await signIn(page, 'finance@fieldbook.demo');
      id = await projectId(page, 'LASI-GH-04');
      before = await actualOf(page, id, LINE);

      await page.goto(`/projects/${id}/expenditures`);
      await page.getByTestId('expenditure-record').click(WAIT);
      await pickOption(page, 'expenditure-line', LINE, new RegExp(`^${LINE.replace('.', '\\.')} · `));
      await page.getByTestId('expenditure-line-remaining').waitFor();
      await page.getByTestId('expenditure-payee').fill(PAYEE);
      await page.getByTestId('expenditure-invoice').fill('APH-2026-1187');
      await page.getByTestId('expenditure-description').fill('Forum banners and handouts for the December review');
      // A slip of the keyboard: USD 10.00 instead of 100.00, corrected below before anyone approves it.
      await page.getByTestId('expenditure-amount').fill('10.00');
      // The rate fields appear only once the currency differs from the budget's.
      expect(await page.getByTestId('expenditure-rate').count()).toBe(0);
      await pickOption(page, 'expenditure-currency', 'USD', /^USD · /);
      await page.getByTestId('expenditure-rate').fill('0.0645');
      await page.getByTestId('expenditure-rate-source').fill('Bank of Ghana reference rate');
      expect(await page.getByTestId('expenditure-rate-label').textContent()).toBe('1 GHS = 0.0645 USD');
      expect(await page.getByTestId('expenditure-converted').textContent()).toBe('In the budget: 155.04 GHS');
      await page.locator('[data-testid="expenditure-form"] input[type="file"]').setInputFiles({ name: 'APH-2026-1187.pdf', mimeType: 'application/pdf', buffer: PDF });
      await screenshot(page, 'expenditure-record-dialog-en', { fullPage: false });
      await page.getByTestId('expenditure-submit').click();

      // Recorded, opened in the drawer with its receipt, waiting for approval.
      const drawer = page.getByTestId('expenditure-detail');
      await drawer.waitFor(WAIT);
      expect(await drawer.getAttribute('data-status')).toBe('submitted');
      await drawer.getByTestId('expenditure-receipt').waitFor(WAIT);
      expect(await drawer.getByTestId('detail-in-budget').textContent()).toBe('155.04 GHS');

      // Corrected by its recorder while it waits: the form comes back filled as it was typed.
      await screenshot(page, 'expenditure-drawer-own-en', { fullPage: false });
      await drawer.getByTestId('expenditure-edit').click();
      const amount = page.getByTestId('expenditure-amount');
      expect(await amount.inputValue()).toBe('10.00');
      expect(await page.getByTestId('expenditure-rate').inputValue()).toBe('0.0645');
      expect(await page.getByTestId('expenditure-payee').inputValue()).toBe(PAYEE);
      await amount.fill('100.00');
      expect(await page.getByTestId('expenditure-converted').textContent()).toBe('In the budget: 1,550.39 GHS');
      await screenshot(page, 'expenditure-correct-dialog-en', { fullPage: false });
      await page.getByTestId('expenditure-submit').click();
      await page.getByTestId('expenditure-form').waitFor({ state: 'detached', ...WAIT });
      await page.locator('[data-testid="detail-in-budget"]', { hasText: '1,550.39 GHS' }).waitFor(WAIT);
      expect(await drawer.getAttribute('data-status')).toBe('submitted');
      await drawer.getByTestId('expenditure-receipt').waitFor(WAIT);
      await page.keyboard.press('Escape');
      const row = page.getByTestId('expenditure-row').filter({ hasText: PAYEE });
      expect(await row.getAttribute('data-status')).toBe('submitted');
      expect(await row.getByTestId('expenditure-paid').textContent()).toBe('100.00 USD');
      await screenshot(page, 'expenditure-list-en');

      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await page.waitForURL('**/sign-in', WAIT);
    });

    await journey(browser, server.url, 'expenditure-approve', async (page) => {
      await signIn(page, 'budget@fieldbook.demo');
      expect(await html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      const card = page.getByTestId('expenditures-awaiting');
      await card.waitFor(WAIT);
      const item = card.getByTestId('expenditure-awaiting-item').filter({ hasText: PAYEE });
      await item.waitFor(WAIT);
      await screenshot(page, 'expenditure-home-card-ar');
      // The card's link opens that expenditure's drawer on the project's list.
      await item.getByRole('link').click();
      const drawer = page.getByTestId('expenditure-detail');
      await drawer.getByTestId('expenditure-approve').waitFor(WAIT);
      await screenshot(page, 'expenditure-drawer-ar', { fullPage: false });
      await drawer.getByTestId('expenditure-approve').click();
      await page.locator('[data-testid="expenditure-detail"][data-status="approved"]').waitFor(WAIT);
      expect(await page.getByTestId('expenditure-approve').count()).toBe(0);
      await screenshot(page, 'expenditure-approved-ar', { fullPage: false });
      await page.keyboard.press('Escape');
      await page.goto(`/projects/${id}/expenditures`);
      await page.getByTestId('expenditure-row').first().waitFor(WAIT);
      await screenshot(page, 'expenditure-list-ar', { fullPage: false });

      // Exactly the converted amount more on that line.
      expect(await actualOf(page, id, LINE)).toBe(before + CONVERTED_MINOR);
      await screenshot(page, 'expenditure-budget-vs-actual-ar');
    });
    // Two sign-ins, a dialog, a drawer and the budget-vs-actual page twice: slow on a busy machine.
  }, 300_000);
});
