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

  it('a planner creates next year’s plan, adds an activity by quarters, sees a server problem on its field, and approves the plan', async () => {
    await journey(browser, server.url, 'work-plan-editor', async (page) => {
      await signIn(page, 'admin@fieldbook.demo');
      const id = await projectId(page, 'LASI-GH-04');
      await page.goto(`/projects/${id}/work-plan`);
      await page.getByTestId('new-plan').click(WAIT);
      expect(await page.getByTestId('new-plan-year').inputValue()).toBe('2027');
      await page.getByTestId('new-plan-create').click();
      await page.locator('[data-testid="work-plan"][data-year="2027"]').waitFor(WAIT);
      expect(page.url()).toMatch(/year=2027/);
      expect(await page.getByTestId('plan-status').getAttribute('data-status')).toBe('draft');
      await page.getByTestId('no-activities').waitFor(WAIT);

      // A new activity planned by quarters: April to September 2027.
      await page.getByTestId('activity-new').click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByTestId('activity-code').inputValue()).toBe('A1');
      await dialog.getByTestId('activity-title').fill('Kumasi market forums, second year');
      await dialog.getByTestId('activity-date-mode').getByText('Quarters').click();
      await dialog.getByTestId('activity-quarter-from').click();
      await page.getByRole('option', { name: 'Quarter 2', exact: true }).click();
      await dialog.getByTestId('activity-quarter-to').click();
      await page.getByRole('option', { name: 'Quarter 3', exact: true }).click();
      expect(await dialog.getByTestId('activity-planned-start').inputValue()).toBe('2027-04-01');
      expect(await dialog.getByTestId('activity-planned-end').inputValue()).toBe('2027-09-30');
      await dialog.getByTestId('milestone-add').click();
      await dialog.getByTestId('milestone-title').fill('First forum held');
      await dialog.getByTestId('milestone-due').fill('2027-05-15');
      await screenshot(page, 'work-plan-activity-dialog', { fullPage: false });
      await dialog.getByTestId('activity-save').click();
      await dialog.waitFor({ state: 'detached', ...WAIT });
      const planned = row(page, 'A1').getByTestId('gantt-planned');
      await planned.waitFor(WAIT);
      expect(await planned.getAttribute('data-start')).toBe('2027-04-01');
      expect(await planned.getAttribute('data-end')).toBe('2027-09-30');
      expect(await row(page, 'A1').getByTestId('gantt-milestone').count()).toBe(1);

      // An actual start after today is refused by the server, next to its field.
      await row(page, 'A1').getByTestId('gantt-open').click();
      await dialog.getByTestId('progress-form').waitFor(WAIT);
      await dialog.getByTestId('progress-actual-start').fill('2027-04-05');
      await dialog.getByTestId('progress-save').click();
      await expect.poll(() => dialog.getByTestId('progress-actual-start').getAttribute('aria-invalid'), WAIT).toBe('true');
      await screenshot(page, 'work-plan-progress-error', { fullPage: false });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', ...WAIT });

      await page.getByTestId('plan-approve').click();
      await page.getByTestId('plan-approve-confirm').click();
      await page.locator('[data-testid="plan-status"][data-status="approved"]').waitFor(WAIT);
      expect(await page.getByTestId('activity-new').count()).toBe(0);
    });
  });
});
