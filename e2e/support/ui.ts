import type { Download, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';

/** Signs in on the sign-in page and waits for the app shell, so the user's own language is applied. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/sign-in');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Picks an interface language by its own name (English, Français, العربية); it is saved to the user's profile. */
export async function chooseLanguage(page: Page, name: string): Promise<void> {
  // Signed in, the choice is also saved to the profile, and the next page load takes the profile's
  // language: wait for that save, or a quick reload can bring back the language chosen before.
  const signedIn = (await page.getByTestId('user-menu').count()) > 0;
  const saved = signedIn
    ? page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/me' && r.request().method() === 'PATCH', { timeout: 30_000 }).catch(() => undefined)
    : undefined;
  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name }).click();
  await saved;
}

export const html = (page: Page) => page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A field of the open dialog by its label, which may carry the required-field asterisk. */
export const dialogField = (page: Page, label: string) =>
  page
    .getByRole('dialog')
    .locator('input, textarea')
    .and(page.getByLabel(new RegExp(`^${escape(label)}\\s*\\*?$`)));

/** Picks an option in a Mantine Select of the open dialog; a dropdown that closes while opening is tried again. */
export async function pickInDialog(page: Page, label: string, option: string | RegExp): Promise<void> {
  const input = dialogField(page, label);
  const choice = page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).first();
  for (let attempt = 1; ; attempt++) {
    await input.click();
    try {
      await choice.click({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/** Opens a node's or an indicator's action menu ("Actions for 1.1") and picks an item. */
export async function act(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

export const resultNode = (page: Page, code: string) => page.locator(`[data-testid="result-node"][data-code="${code}"]`);
export const indicatorRow = (page: Page, code: string) => page.locator(`[data-testid="indicator-row"][data-code="${code}"]`);

/** Opens a project's results framework from the project list (by the project's title). */
export async function openProjectFramework(page: Page, title: string, frameworkLink = 'Results framework'): Promise<void> {
  await page.goto('/projects');
  await page.getByTestId('projects-table').getByRole('link', { name: title }).click();
  await page.getByRole('link', { name: frameworkLink }).first().click();
  await page.waitForURL(/\/(projects|programmes)\/[0-9a-f-]{36}\/framework$/);
  await page.getByTestId('framework-tree').waitFor();
}

/** Clicks what starts a download (a menu item that fetches a file and saves it) and returns the file's bytes. */
export async function downloadBytes(page: Page, start: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { download, bytes: Buffer.concat(chunks) };
}
