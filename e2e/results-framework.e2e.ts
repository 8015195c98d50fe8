import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot, VIEWPORTS } from './support/browser.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

/**
 * The results framework (logframe) editor against the real server on a fresh demo database: a programme
 * manager builds a framework from nothing (impact → outcome → output, a percentage indicator), changes the
 * indicator with a reason and finds the change in its history, then deletes the outcome after the warning
 * about what hangs below it. A donor reads a framework and cannot change it, on a phone, in Arabic.
 */
describe('results framework journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, email: string) {
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.getByTestId('user-menu').waitFor();
  }

  async function chooseLanguage(page: Page, name: string) {
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name }).click();
  }

  const html = (page: Page) => page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

  /** A form field by its label, which may carry the required-field asterisk. */
  const field = (page: Page, label: string) =>
    page
      .getByRole('dialog')
      .locator('input, textarea')
      .and(page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`)));

  /** Picks an option in a Mantine Select in the open dialog; a dropdown that closes while opening is tried again. */
  async function pick(page: Page, label: string, option: string) {
    const input = field(page, label);
    const choice = page.getByRole('option', { name: option, exact: true }).first();
    for (let attempt = 1; ; attempt++) {
      await input.click();
      try {
        await choice.click({ timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        await page.keyboard.press('Escape');
      }
    }
  }

  /** Opens a node's or an indicator's action menu and picks an item. */
  async function act(page: Page, menu: string, item: string) {
    await page.getByRole('button', { name: menu, exact: true }).click();
    await page.getByRole('menuitem', { name: item }).click();
  }

  const node = (page: Page, code: string) => page.locator(`[data-testid="result-node"][data-code="${code}"]`);

  it('a programme manager builds a framework, changes an indicator with a reason and deletes an outcome after the warning', { timeout: 180_000 }, async () => {
    await journey(browser, server.url, 'results-framework', async (page) => {
      await signIn(page, 'pm@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });

      // From the project page to its framework, still empty: the page explains the levels.
      await page.getByRole('navigation').getByRole('link', { name: 'Projects' }).click();
      await page.getByTestId('projects-table').getByRole('link', { name: 'Schools not Shafts: South Kivu 3T Mining Areas' }).click();
      await page.getByRole('link', { name: 'Results framework' }).click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/framework$/);
      await page.getByRole('heading', { name: 'Results framework' }).waitFor();
      await page.getByTestId('framework-empty').getByText('No results yet').waitFor();
      await screenshot(page, 'framework-empty-en');

      // The donor is FCDO: its template names the levels Impact → Outcome → Output → Activity.
      await page.getByTestId('template-select').click();
      await page.getByRole('option', { name: 'FCDO', exact: true }).click();
      await page.getByRole('dialog').getByText('Impact → Outcome → Output → Activity').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Switch template' }).click();
      await page.getByText('The framework now uses the FCDO template.').waitFor();

      // Impact → outcome → output, each one level below the last.
      await page.getByTestId('framework-empty').getByRole('button', { name: 'Add Impact' }).click();
      await page.getByRole('dialog').getByRole('heading', { name: 'New Impact' }).waitFor();
      expect(await field(page, 'Code').inputValue()).toBe('1');
      await field(page, 'Statement').fill('Children in South Kivu 3T mining areas are protected from child labour');
      await page.getByRole('dialog').getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('Impact 1 added.').waitFor();
      await node(page, '1').waitFor();

      await act(page, 'Actions for 1', 'Add Outcome');
      expect(await field(page, 'Code').inputValue()).toBe('1.1');
      await field(page, 'Statement').fill('Children withdrawn from mine sites attend school');
      await page.getByRole('dialog').getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('Outcome 1.1 added.').waitFor();

      await act(page, 'Actions for 1.1', 'Add Output');
      await field(page, 'Statement').fill('Catch-up classes run in community learning centres');
      await page.getByRole('dialog').getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('Output 1.1.1 added.').waitFor();

      // A percentage indicator on the output, with its baseline and life-of-project target.
      await act(page, 'Actions for 1.1.1', 'Add indicator');
      await page.getByRole('dialog').getByRole('heading', { name: 'New indicator' }).waitFor();
      // Nothing filled in: the shared schema's words, next to the fields.
      await page.getByRole('dialog').getByRole('button', { name: 'Add indicator' }).click();
      await expect.poll(() => page.getByRole('dialog').getByText('This field is required.').count()).toBeGreaterThanOrEqual(3);
      await field(page, 'Code').fill('OP1.1.1a');
      await field(page, 'Name').fill('Percentage of enrolled children completing a catch-up cycle');
      await pick(page, 'Type', 'Percentage');
      await page.getByTestId('percentage-help').getByText('numerator and a denominator').waitFor();
      await field(page, 'Unit of measure').fill('%');
      await field(page, 'Baseline value').fill('40');
      await field(page, 'Baseline date').fill('2026-01-15');
      await field(page, 'Target for the whole project').fill('75');
      await field(page, 'Means of verification').fill('Learning centre registers and end-of-cycle test sheets');
      await pick(page, 'Frequency', 'Every six months');
      await screenshot(page, 'indicator-form-en');
      await page.getByRole('dialog').getByRole('button', { name: 'Add indicator' }).click();
      await page.getByText('Indicator OP1.1.1a added.').waitFor();
      const row = page.locator('[data-testid="indicator-row"][data-code="OP1.1.1a"]');
      await expect.poll(() => row.innerText()).toMatch(/40 %[\s\S]*75 %/);
      await screenshot(page, 'framework-built-en');

      // Changing the target asks why; the reason is required.
      await act(page, 'Actions for indicator OP1.1.1a', 'Edit');
      await page.getByRole('dialog').getByRole('heading', { name: 'Edit indicator OP1.1.1a' }).waitFor();
      await field(page, 'Target for the whole project').fill('80');
      await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => field(page, 'Reason').getAttribute('aria-invalid')).toBe('true');
      await pick(page, 'Reason', 'Donor requirement');
      await field(page, 'Note').fill('The donor asked for 80 % in the revised logframe.');
      await screenshot(page, 'indicator-edit-en');
      await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Indicator OP1.1.1a saved.').waitFor();
      await expect.poll(() => row.innerText()).toMatch(/80 %/);

      // The reference sheet shows the new target; the history says who, why and what changed.
      await row.getByRole('link', { name: 'Open the reference sheet of OP1.1.1a' }).click();
      await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByTestId('sheet-lop-target').innerText()).toBe('80 %');
      await expect.poll(() => page.getByTestId('sheet-baseline').innerText()).toBe('40 %');
      const change = page.getByTestId('history-entry').filter({ hasText: 'Changed' });
      await change.getByTestId('history-reason').getByText('Donor requirement').waitFor();
      await change.getByText('The donor asked for 80 % in the revised logframe.').waitFor();
      await change.getByText('Jean-Pierre Mukendi').waitFor();
      const lop = change.locator('tr[data-field="lopTarget"]');
      await expect.poll(() => lop.innerText()).toMatch(/Life-of-project target\s+75 %\s+80 %/);
      await page.getByTestId('history-entry').filter({ hasText: 'Created' }).waitFor();
      await screenshot(page, 'indicator-sheet-en');

      // Deleting the outcome warns that its output and the indicator go with it.
      await page.getByRole('link', { name: 'Results framework' }).click();
      await node(page, '1.1').waitFor();
      await act(page, 'Actions for 1.1', 'Delete');
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Delete Outcome 1.1?' }).waitFor();
      await dialog.getByTestId('delete-dependants').getByText(/1 result and 1 indicator/).waitFor();
      await screenshot(page, 'framework-delete-warning-en');
      await dialog.getByRole('button', { name: 'Delete all of it' }).click();
      await page.getByText('1.1 deleted.').waitFor();
      await expect.poll(() => node(page, '1.1').count()).toBe(0);
      expect(await node(page, '1.1.1').count()).toBe(0);
      expect(await page.locator('[data-testid="indicator-row"]').count()).toBe(0);
      await node(page, '1').waitFor();

      // The same page in Arabic, right to left.
      await chooseLanguage(page, 'العربية');
      await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      await page.getByRole('heading', { name: 'إطار النتائج' }).waitFor();
      await screenshot(page, 'framework-ar');
      await chooseLanguage(page, 'Français'); // back to his own language
    });
  });

  it('a donor reads a framework on a phone in Arabic and is offered no changes', { timeout: 120_000 }, async () => {
    await journey(
      browser,
      server.url,
      'results-framework-viewer',
      async (page) => {
        await signIn(page, 'donor@fieldbook.demo');
        await chooseLanguage(page, 'العربية');
        await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
        await page.goto('/projects');
        await page.getByTestId('projects-table').getByRole('link', { name: 'Kolwezi Child Protection in Cobalt Mining Communities' }).click();
        await page.getByRole('link', { name: 'إطار النتائج' }).click();
        await page.getByTestId('framework-tree').waitFor();
        await page.getByText('يمكنك الاطلاع على هذا الإطار', { exact: false }).waitFor();
        expect(await page.getByTestId('node-menu').count()).toBe(0);
        expect(await page.getByTestId('template-select').count()).toBe(0);
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(await overflow()).toBeLessThanOrEqual(0);
        await screenshot(page, 'phone-framework-ar');

        await page.locator('[data-testid="indicator-row"][data-code="IMP.1"]').getByRole('link').click();
        await page.getByTestId('reference-sheet').waitFor();
        await page.getByRole('heading', { name: 'السجل' }).waitFor();
        expect(await page.getByRole('button', { name: 'تعديل' }).count()).toBe(0);
        expect(await overflow()).toBeLessThanOrEqual(0);
        await screenshot(page, 'phone-indicator-ar');
      },
      VIEWPORTS.phone,
    );
  });
});
