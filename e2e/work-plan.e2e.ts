import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { chooseLanguage, html, signIn } from './support/ui.js';

/**
 * The work plan on the demo workspace, through the browser. SOKADE's partner reporter opens the
 * Kolwezi project's 2026 plan, finds the school-kit distribution (C4) past its planned end, records
 * it as delayed at 90 %, and sees its Gantt bar change; the list filtered to overdue, delayed
 * activities shows it. Then the same page in Arabic, drawn right to left.
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

async function projectId(page: Page, code: string): Promise<string> {
  return page.evaluate(async (c) => {
    const res = await fetch(`/api/projects?q=${encodeURIComponent(c)}`);
    return ((await res.json()) as { items: { id: string; code: string }[] }).items.find((p) => p.code === c)!.id;
  }, code);
}

const row = (page: Page, code: string) => page.locator(`[data-testid="gantt-row"][data-code="${code}"]`);
const actualBar = (page: Page, code: string) => row(page, code).getByTestId('gantt-actual');

describe('work plan', () => {
  it('a partner updates an activity, the Gantt bar changes and the overdue list shows it', async () => {
    await journey(browser, server.url, 'work-plan-progress', async (page) => {
      await signIn(page, 'partner@fieldbook.demo');
      const id = await projectId(page, 'CLM-KOL-01');
      await page.goto(`/projects/${id}/work-plan`);
      await page.getByTestId('gantt').waitFor(WAIT);
      expect(await page.getByTestId('work-plan').getAttribute('data-year')).toBe('2026');
      expect(await page.getByTestId('plan-status').getAttribute('data-status')).toBe('approved');

      // Before: on track at 85 %, past its planned end of 25 September.
      const c4 = row(page, 'C4');
      expect(await c4.getAttribute('data-status')).toBe('on_track');
      expect(await c4.getAttribute('data-percent')).toBe('85');
      expect(await c4.getAttribute('data-overdue')).toBe('true');
      const before = (await actualBar(page, 'C4').getAttribute('aria-label'))!;
      expect(before).toContain('85');
      expect(await actualBar(page, 'C4').getAttribute('data-status')).toBe('on_track');
      const fillBefore = await actualBar(page, 'C4').locator('div').first().evaluate((el) => (el as HTMLElement).style.width);
      expect(fillBefore).toBe('85%');
      await screenshot(page, 'work-plan-gantt-before');

      // The partner's dialog opens on progress; the plan tab is read-only for them.
      await c4.getByTestId('gantt-open').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('progress-form').waitFor(WAIT);
      await dialog.getByTestId('progress-status').click();
      await page.getByRole('option', { name: 'Retardée', exact: true }).click();
      await dialog.getByTestId('progress-percent').fill('90');
      await dialog.getByTestId('progress-note').fill('Kits bloqués à la douane de Kasumbalesa : 10 % restent à distribuer.');
      await screenshot(page, 'work-plan-progress-dialog', { fullPage: false });
      await dialog.getByTestId('progress-save').click();
      await dialog.waitFor({ state: 'detached', ...WAIT });

      // After: the row and its bar say delayed, 90 %.
      await page.locator('[data-testid="gantt-row"][data-code="C4"][data-status="delayed"]').waitFor(WAIT);
      expect(await c4.getAttribute('data-percent')).toBe('90');
      expect(await actualBar(page, 'C4').getAttribute('data-status')).toBe('delayed');
      const after = (await actualBar(page, 'C4').getAttribute('aria-label'))!;
      expect(after).not.toBe(before);
      expect(after).toContain('90');
      expect(after).toContain('Retardée');
      expect(await actualBar(page, 'C4').locator('div').first().evaluate((el) => (el as HTMLElement).style.width)).toBe('90%');
      await screenshot(page, 'work-plan-gantt-after');

      // The list view, filtered to overdue activities that are delayed, kept in the address.
      await page.getByTestId('view-toggle').getByText('Liste').click();
      await page.getByTestId('activity-table').waitFor(WAIT);
      // The address changes after the click (a router navigation), and the box follows it.
      await page.getByTestId('filter-overdue').click();
      await expect.poll(() => page.url(), WAIT).toMatch(/overdue=1/);
      await page.getByTestId('filter-status').click();
      await page.getByRole('option', { name: 'Retardée', exact: true }).click();
      await expect.poll(() => page.url(), WAIT).toMatch(/status=delayed/);
      expect(page.url()).toMatch(/view=list/);
      const rows = page.getByTestId('activity-row');
      await expect.poll(async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).includes('C4'), WAIT).toBe(true);
      for (const status of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) expect(status).toBe('delayed');
      for (const overdue of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-overdue')))) expect(overdue).toBe('true');
      await screenshot(page, 'work-plan-list-overdue');

      // A reload keeps the filters.
      await page.reload();
      await page.locator('[data-testid="activity-row"][data-code="C4"]').waitFor(WAIT);
      expect(await page.getByTestId('filter-overdue').isChecked()).toBe(true);
    });
  });

  it('reads right to left in Arabic, January at the right edge', async () => {
    await journey(browser, server.url, 'work-plan-arabic', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await chooseLanguage(page, 'العربية');
      const id = await projectId(page, 'LASI-GH-04');
      await page.goto(`/projects/${id}/work-plan`);
      await page.getByTestId('gantt').waitFor(WAIT);
      expect((await html(page)).dir).toBe('rtl');

      // A1 ran January to April: in Arabic its bar sits at the right of the timeline, A15 (December) at the left.
      const a1 = (await row(page, 'A1').getByTestId('gantt-planned').boundingBox())!;
      const a15 = (await row(page, 'A15').getByTestId('gantt-planned').boundingBox())!;
      expect(a1.x).toBeGreaterThan(a15.x);
      // The delayed Kumasi by-law activity is flagged overdue, and says so in words.
      expect(await row(page, 'A8').getAttribute('data-overdue')).toBe('true');
      expect(await row(page, 'A8').getByTestId('overdue-badge').textContent()).toContain('متأخر');
      await screenshot(page, 'work-plan-gantt-ar');

      await row(page, 'A8').getByTestId('gantt-open').click();
      await page.getByRole('dialog').getByTestId('progress-form').waitFor(WAIT);
      await page.getByRole('dialog').getByTestId('tab-plan').click();
      await page.getByRole('dialog').getByTestId('dates-locked').waitFor(WAIT);
      await screenshot(page, 'work-plan-dialog-ar', { fullPage: false });
    });
  });

  it('is drawn left to right in English with the today line and milestones', async () => {
    await journey(browser, server.url, 'work-plan-english', async (page) => {
      await signIn(page, 'admin@fieldbook.demo');
      const id = await projectId(page, 'LASI-GH-04');
      await page.goto(`/projects/${id}/work-plan`);
      await page.getByTestId('gantt').waitFor(WAIT);
      const a1 = (await row(page, 'A1').getByTestId('gantt-planned').boundingBox())!;
      const a15 = (await row(page, 'A15').getByTestId('gantt-planned').boundingBox())!;
      expect(a1.x).toBeLessThan(a15.x);
      await page.getByTestId('gantt-today').waitFor(WAIT);
      expect(await page.getByTestId('gantt-milestone').count()).toBeGreaterThan(5);
      await screenshot(page, 'work-plan-gantt-en');
    });
  });
});
