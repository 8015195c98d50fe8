import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; browsers are never downloaded in this project. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../.e2e-artifacts');

export const VIEWPORTS = {
  laptop: { width: 1366, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's "chromium" package (apt-get install chromium); browsers are not downloaded.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A fresh context per journey (no cookies, no stored language), in British English like a field office laptop. */
export async function newContext(browser: Browser, baseURL: string, viewport: { width: number; height: number } = VIEWPORTS.laptop): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport, timezoneId: 'Africa/Lubumbashi' });
  context.setDefaultTimeout(15_000);
  return context;
}

/** The whole page by default; `fullPage: false` for an open dialog, whose fixed overlay only covers the window. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // From the top, so the fixed header is not painted across the middle of a full-page capture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage });
  return file;
}

const BENIGN_PAGE_ERRORS = [/^ResizeObserver loop completed with undelivered notifications/];

/**
 * Runs one journey in its own context. Uncaught page errors fail it; on failure a screenshot and the
 * browser console are saved to .e2e-artifacts/ before the error is rethrown.
 */
export async function journey(
  browser: Browser,
  baseURL: string,
  name: string,
  run: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const context = await newContext(browser, baseURL, viewport);
  const page = await context.newPage();
  const consoleLines: string[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => {
    // Chromium reports a ResizeObserver callback deferred to the next frame as an error event. It is a
    // notice, not a failure (the spec says so; Mantine's scroll areas trigger it when a layout settles
    // while the page is busy), so it is kept in the console log rather than failing the journey.
    if (BENIGN_PAGE_ERRORS.some((re) => re.test(e.message))) consoleLines.push(`[pageerror, benign] ${e.message}`);
    else pageErrors.push(e);
  });
  try {
    await run(page);
    if (pageErrors.length) throw new Error(`Uncaught errors in the page:\n${pageErrors.map((e) => e.stack ?? e.message).join('\n')}`);
  } catch (err) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, `${name}-failure-console.txt`), consoleLines.join('\n'));
    throw err;
  } finally {
    await context.close();
  }
}
