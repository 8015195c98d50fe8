import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { chooseLanguage, html, signIn } from './support/ui.js';

/**
 * Change requests on the demo workspace: the M&E officer asks for a new target on the Kolwezi
 * project, the programme manager approves it and sees it in the History; the page and the dialog
 * in English and in Arabic (right to left).
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

async function kolwezi(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/projects?q=CLM-KOL-01');
    return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
  });
}

async function pickFirst(page: Page, testId: string, option?: string) {
  await page.getByTestId(testId).click();
  const choice = option ? page.getByRole('option', { name: option, exact: true }) : page.getByRole('option').first();
  await choice.click(WAIT);
}

describe('change requests', () => {
  it('are requested by one person, approved and applied by another, and listed in the history', async () => {
    let projectId = '';
    let reference = '';
    await journey(browser, server.url, 'change-requests-request', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await chooseLanguage(page, 'English');
      projectId = await kolwezi(page);
      await page.goto(`/projects/${projectId}/change-requests`);
      await page.getByTestId('cr-new').click(WAIT);
      await page.getByRole('dialog').waitFor(WAIT);
      await pickFirst(page, 'cr-indicator');
      await pickFirst(page, 'cr-period');
      await page.getByTestId('cr-current').waitFor(WAIT);
      await page.getByTestId('cr-value').fill('45');
      await page.getByTestId('cr-add-target').click();
      await page.getByTestId('cr-change-row').first().waitFor(WAIT);
      await page.getByTestId('cr-title').fill('Raise the Q4 2026 target after the new site opened');
      await page.getByTestId('cr-description').fill('The 2026-Q4 target becomes 45 %.');
      await page.getByTestId('cr-justification').fill('A third child-friendly space opened in Kolwezi in October.');
      await page.getByTestId('cr-impact').fill('More children reached; no budget change.');
      await screenshot(page, 'change-requests-dialog-en', { fullPage: false });
      await page.getByTestId('cr-submit').click();
      await page.getByTestId('cr-drawer').getByTestId('cr-preview').waitFor(WAIT);
      expect(await page.getByTestId('cr-preview-after').first().textContent()).toBe('45');
      expect(await page.getByTestId('cr-approve').count()).toBe(0);
      expect(await page.getByTestId('cr-withdraw').count()).toBe(1);
      await screenshot(page, 'change-requests-drawer-en', { fullPage: false });
      reference = (await page.locator('[data-testid^="cr-row-"]').first().getAttribute('data-testid'))!.replace('cr-row-', '');
    });

    await journey(browser, server.url, 'change-requests-approve', async (page) => {
      await signIn(page, 'pm@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await page.goto(`/projects/${projectId}/change-requests?status=submitted`);
      await page.getByTestId(`cr-row-${reference}`).click(WAIT);
      await page.getByTestId('cr-note').fill('Agreed at the November review.');
      await page.getByTestId('cr-approve').click();
      await page.getByTestId('cr-decision').waitFor(WAIT);
      await page.keyboard.press('Escape');
      await page.goto(`/projects/${projectId}/change-requests?view=history`);
      await page.getByTestId(`cr-row-${reference}`).waitFor(WAIT);
      await screenshot(page, 'change-requests-history-en');

      await chooseLanguage(page, 'العربية');
      expect((await html(page)).dir).toBe('rtl');
      await page.goto(`/projects/${projectId}/change-requests`);
      await page.getByTestId(`cr-row-${reference}`).waitFor(WAIT);
      await screenshot(page, 'change-requests-page-ar');
      await page.getByTestId(`cr-row-${reference}`).click();
      await page.getByTestId('cr-decision').waitFor(WAIT);
      await screenshot(page, 'change-requests-drawer-ar', { fullPage: false });
      await page.keyboard.press('Escape');
      await page.getByTestId('cr-new').click();
      await page.getByRole('dialog').waitFor(WAIT);
      await pickFirst(page, 'cr-indicator');
      await pickFirst(page, 'cr-period');
      await page.getByTestId('cr-value').fill('50');
      await page.getByTestId('cr-add-target').click();
      await page.getByTestId('cr-submit').click();
      await page.getByTestId('cr-title').locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]').getByText('هذا الحقل إلزامي.').waitFor(WAIT);
      await screenshot(page, 'change-requests-dialog-ar', { fullPage: false });
    });
  });
});
