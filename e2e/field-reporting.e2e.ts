import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { chooseLanguage, dialogField, downloadBytes, html, signIn } from './support/ui.js';

/**
 * Field reporting on the demo workspace, through the browser: SOKADE's reporter fills and submits
 * the current quarter of the Kolwezi child-protection project, the M&E officer queries one value and
 * returns it, the reporter corrects it, the officer approves and the package locks; then the
 * returned quarter is corrected offline in the Excel template and imported, and a broken file is
 * refused with its problems by row and column.
 */
const PROJECT = 'CLM-KOL-01';
const CURRENT = 'FY2027-Q3';
const RETURNED = 'FY2027-Q2';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A value's input in the grid, named "Value: CODE, Place, Total" (or a breakdown). */
const valueInput = (page: Page, cell: string) => page.getByRole('textbox', { name: `Value: ${cell}`, exact: true });
/** The computed "All places" figure under an indicator's column. */
const allPlaces = (page: Page, code: string, column = 'Total') => page.getByTestId(`grid-${code}`).getByTestId('all-locations').getByLabel(new RegExp(`^All places, ${column}:`));
/** The package's status as its badge beside the title says it (the badge's words, not its upper-case styling). */
const status = (page: Page) => page.getByRole('heading', { level: 2 }).locator('..').locator('[data-status]').textContent();
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Waits until the grid says every change reached the server. */
async function allSaved(page: Page): Promise<void> {
  const line = page.getByTestId('save-status');
  // Sent after a second of quiet, so longer than expect.poll's default second.
  await expect.poll(() => line.getAttribute('data-state'), { timeout: 10_000 }).toBe('idle');
  await expect.poll(() => line.innerText()).toMatch(/^All changes saved/);
}

/** Opens a package from one section of "Your reporting" on the home page. */
async function openFromHome(page: Page, section: 'due' | 'returned' | 'review' | 'overdue', period: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
  const list = page.getByTestId('your-reporting').locator(`[data-section="${section}"]`);
  await list.getByRole('link', { name: `${PROJECT} · ${period}` }).click();
  await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/);
  await page.getByTestId('values-grid').waitFor();
}

/** Runs a review action (submit, return, approve) through its dialog, with the comment when it takes one. */
async function reviewAction(page: Page, button: string, comment?: string): Promise<void> {
  await page.getByTestId(button).click();
  const dialog = page.getByRole('dialog');
  if (comment !== undefined) await dialog.getByTestId('action-comment').fill(comment);
  await dialog.getByTestId('confirm-action').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The template's Values sheet, read by its header names. */
function valuesSheet(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet('Values')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const column = (name: string) => {
    expect(header, `column ${name}`).toContain(name);
    return header.indexOf(name) + 1;
  };
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const row = (code: string, pcode: string, breakdown = '') => {
    for (let r = 2; r <= sheet.rowCount; r++) {
      const at = sheet.getRow(r);
      if (text(at.getCell(column('indicator_code')).value) === code && text(at.getCell(column('location_pcode')).value) === pcode && text(at.getCell(column('disaggregation_codes')).value) === breakdown) {
        return { r, cell: (name: string) => at.getCell(column(name)) };
      }
    }
    throw new Error(`No template row for ${code} at ${pcode} (${breakdown || 'total'})`);
  };
  return { sheet, row };
}

describe('field reporting journeys', () => {
  let server: RunningServer;
  let browser: Browser;
  const COMMENT = 'Lubudi counts 79 children in the register of the catch-up centre, not 77: please check.';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a partner reporter finds the current quarter on the home page, fills the grid and the narrative, and submits it', { timeout: 90_000 }, async () => {
    await journey(browser, server.url, 'reporting-fill', async (page) => {
      await signIn(page, 'partner@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });

      // What SOKADE owes: the current quarter due, the last one returned with a comment.
      const home = page.getByTestId('your-reporting');
      await expect.poll(async () => flat(await home.locator('[data-section="due"]').innerText())).toMatch(
        new RegExp(`^Due · 1 ${PROJECT} · ${CURRENT} Kolwezi Child Protection in Cobalt Mining Communities .*\\(SOKADE\\) Draft Due in \\d+ days`, 'i'),
      );
      await expect.poll(async () => flat(await home.locator('[data-section="returned"]').innerText())).toMatch(new RegExp(`${PROJECT} · ${RETURNED} .* Returned .* 1 open comment`, 'i'));
      await screenshot(page, 'reporting-home-partner-en', { fullPage: false });
      await openFromHome(page, 'due', CURRENT);
      await expect.poll(() => status(page)).toBe('Draft');
      await page.getByText('8 of 16 values filled').waitFor();

      // The second half of the grid; the "All places" row adds the places up as they are typed.
      await valueInput(page, 'OP1.1.1, Kolwezi, Total').fill('84');
      await valueInput(page, 'OP1.1.1, Lubudi, Total').fill('77');
      await expect.poll(() => allPlaces(page, 'OP1.1.1').innerText()).toBe('161');
      await valueInput(page, 'OC3.1, Kolwezi, Total').fill('2');
      await valueInput(page, 'OC3.1, Lubudi, Total').fill('1');
      await valueInput(page, 'OP1.2.1, Kolwezi, Total').fill('4250');
      await valueInput(page, 'OP1.2.1, Lubudi, Total').fill('3980.5');
      await expect.poll(() => allPlaces(page, 'OP1.2.1').innerText()).toBe('8,230.5');
      await valueInput(page, 'OP1.1.2, Kolwezi, Total').fill('6');
      await allSaved(page);

      // The connection drops while typing: the change is kept and said so, then saved once back online.
      await page.context().setOffline(true);
      await valueInput(page, 'OP1.1.2, Lubudi, Total').fill('5');
      const lost = page.getByTestId('connection-lost');
      await lost.getByText('Connection lost — 1 change kept on this device, retrying…').waitFor();
      await screenshot(page, 'reporting-offline-en', { fullPage: false });
      await page.context().setOffline(false);
      await lost.waitFor({ state: 'hidden' });
      await allSaved(page);
      // What the server holds, after a reload: every value, the one typed offline included.
      await page.reload();
      await page.getByText('16 of 16 values filled').waitFor();
      expect(await valueInput(page, 'OP1.1.2, Lubudi, Total').inputValue()).toBe('5');
      expect(await valueInput(page, 'OP1.2.1, Lubudi, Total').inputValue()).toBe('3,980.5');

      // Every value is there, but achievements and challenges must be written before submitting.
      await page.getByTestId('submit-package').click();
      const dialog = page.getByRole('dialog');
      const missing = dialog.getByTestId('submit-problems');
      await missing.getByText('2 problems to correct before submitting').waitFor();
      await expect.poll(async () => flat(await missing.innerText())).toMatch(/Achievements.*Challenges/);
      expect(await dialog.getByTestId('confirm-action').isDisabled()).toBe(true);
      await screenshot(page, 'reporting-submit-blocked-en', { fullPage: false });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('tab', { name: 'Narrative' }).click();
      const narratives = page.getByTestId('narratives');
      await narratives.getByLabel(/^Achievements/).fill('84 children in Kolwezi and 77 in Lubudi completed the catch-up cycle; six committees met every month.');
      await narratives.getByLabel(/^Challenges/).fill('The road to Lubudi was cut for two weeks in November; sessions were moved to the parish hall.');
      await narratives.getByTestId('narratives-save').click();
      await expect.poll(() => narratives.getByTestId('narratives-state').innerText(), { timeout: 5_000 }).toMatch(/^Saved /);
      await screenshot(page, 'reporting-narrative-en');

      await page.getByTestId('submit-package').click();
      await dialog.getByText(/^Every check passed\./).waitFor();
      await dialog.getByTestId('confirm-action').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Package submitted.').waitFor();
      await expect.poll(() => status(page)).toBe('Submitted');
      await page.getByTestId('read-only').getByText(/^Submitted and waiting for review/).waitFor();
      expect(await page.getByTestId('values-grid').locator('input').count()).toBe(0);
      expect(await page.getByTestId('submit-package').count()).toBe(0);
      await page.getByRole('tab', { name: 'Values' }).click();
      await screenshot(page, 'reporting-submitted-en');
    });
  });

  it('the reviewer queries one value and returns the package; the reporter corrects it in place and resubmits; the reviewer approves and it locks', { timeout: 120_000 }, async () => {
    await journey(browser, server.url, 'reporting-review', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
      await openFromHome(page, 'review', CURRENT);
      await expect.poll(() => status(page)).toBe('Submitted');

      // A comment on Lubudi's catch-up figure, from the cell's speech bubble.
      await page.getByRole('button', { name: 'Comments and history: OP1.1.1, Lubudi, Total', exact: true }).click();
      const popover = page.getByTestId('cell-popover');
      await popover.getByText('No comments on this value.').waitFor();
      await popover.getByLabel('Comment on this value').fill(COMMENT);
      await popover.getByRole('button', { name: 'Add comment' }).click();
      const added = popover.getByTestId('review-comment');
      await added.getByText(COMMENT).waitFor();
      expect(await added.getAttribute('data-resolved')).toBe('false');
      await added.getByText('Open', { exact: true }).waitFor();
      await screenshot(page, 'reporting-value-comment-en', { fullPage: false });
      await page.keyboard.press('Escape');

      // Returning lists the comment on the value with the package's comment.
      await page.getByTestId('return-package').click();
      const dialog = page.getByRole('dialog', { name: 'Return the package' });
      await expect.poll(async () => (await dialog.getByTestId('return-value-comments').allInnerTexts()).map(flat)).toEqual([`OP1.1.1 · Lubudi: ${COMMENT}`]);
      await dialog.getByTestId('action-comment').fill('One figure to check at Lubudi; the rest is fine.');
      await screenshot(page, 'reporting-return-dialog-en', { fullPage: false });
      await dialog.getByTestId('confirm-action').click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => status(page)).toBe('Returned');
    });

    await journey(browser, server.url, 'reporting-correct', async (page) => {
      await signIn(page, 'partner@fieldbook.demo');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
      await openFromHome(page, 'returned', CURRENT);
      await expect.poll(() => status(page)).toBe('Returned');
      await page.getByTestId('returned-note').getByText(/^A reviewer left 1 comment that is still open/).waitFor();

      // The comment shows on its cell, in place.
      const bubble = page.getByRole('button', { name: 'Comments and history: OP1.1.1, Lubudi, Total (1 open reviewer comment)', exact: true });
      await bubble.click();
      const popover = page.getByTestId('cell-popover');
      await popover.getByTestId('review-comment').getByText(COMMENT).waitFor();
      await screenshot(page, 'reporting-comment-in-place-en', { fullPage: false });
      await page.keyboard.press('Escape');

      await valueInput(page, 'OP1.1.1, Lubudi, Total').fill('79');
      await expect.poll(() => allPlaces(page, 'OP1.1.1').innerText()).toBe('163');
      await allSaved(page);
      await reviewAction(page, 'submit-package');
      await expect.poll(() => status(page)).toBe('Submitted');
    });

    await journey(browser, server.url, 'reporting-approve', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await openFromHome(page, 'review', CURRENT);
      // The reviewer sees the correction in the value's history, resolves the comment and approves.
      await page.getByRole('button', { name: /^Comments and history: OP1\.1\.1, Lubudi, Total/ }).click();
      const popover = page.getByTestId('cell-popover');
      await expect.poll(async () => flat(await popover.getByTestId('value-history').innerText())).toMatch(/Grâce Mbuyi · .* 77 → 79/);
      await popover.getByRole('button', { name: 'Mark resolved' }).click();
      await expect.poll(() => popover.getByTestId('review-comment').getAttribute('data-resolved')).toBe('true');
      await page.keyboard.press('Escape');
      await reviewAction(page, 'approve-package', 'Thank you for the quick correction.');
      await page.getByText('Package approved.').waitFor();

      // Approved and locked: no field left to type in, the values shown as text.
      await expect.poll(() => status(page)).toBe('Approved');
      await page.getByTestId('read-only').getByText(/^Approved by .* The values are locked\./).waitFor();
      expect(await page.getByTestId('values-grid').locator('input, textarea, select').count()).toBe(0);
      await page.getByTestId('grid-OP1.1.1').getByLabel('Value: OP1.1.1, Lubudi, Total: 79', { exact: true }).waitFor();
      await page.getByTestId('reopen-package').waitFor();
      await screenshot(page, 'reporting-approved-en');

      // The round's completeness board shows SOKADE approved.
      await page.getByTestId('round-link').click();
      await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
      const row = page.getByTestId('completeness-board').locator('tr[data-organisation="SOKADE"]');
      await expect.poll(() => row.getAttribute('data-status')).toBe('approved');
      await row.getByText('Approved').waitFor();
      await screenshot(page, 'reporting-board-en');
    });
  });

  it('the reporter corrects the returned quarter in the Excel template: a broken file is refused row by row and changes nothing; the corrected file is checked, imported and shown in the grid', { timeout: 90_000 }, async () => {
    await journey(browser, server.url, 'reporting-import', async (page) => {
      await signIn(page, 'partner@fieldbook.demo');
      await openFromHome(page, 'returned', RETURNED);
      const grid = page.getByTestId('values-grid');
      const gridValues = () => grid.locator('input').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label')}=${(e as HTMLInputElement).value}`));
      const before = await gridValues();
      await page.getByTestId('submission-excel-menu').click();
      const { download, bytes } = await downloadBytes(page, () => page.getByTestId('download-values-template').click());
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

      // The template, filled by hand: Lubudi's committees (entered three times too high) back to 6, one more cooperative in Kolwezi.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const values = valuesSheet(workbook);
      const committees = values.row('OP1.1.2', 'CD7203');
      expect(typeof committees.cell('value').value).toBe('number');
      committees.cell('value').value = 6;
      values.row('OC3.1', 'CD7201').cell('value').value = 4;
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());

      // The same file with an indicator the package does not have, a percentage above 100 and words in a number column.
      const unknown = values.row('OC2.1', 'CD7201');
      unknown.cell('indicator_code').value = 'OC9.9';
      const percent = values.row('OC1.2', 'CD7203');
      percent.cell('numerator').value = null;
      percent.cell('denominator').value = null;
      percent.cell('value').value = 140;
      const words = values.row('OP1.2.1', 'CD7201');
      words.cell('value').value = 'about 4000';
      const broken = Buffer.from(await workbook.xlsx.writeBuffer());

      await page.getByTestId('submission-excel-menu').click();
      await page.getByTestId('import-values').click();
      const dialog = page.getByRole('dialog', { name: 'Import values from a file' });
      const file = dialog.locator('input[type="file"]');
      await file.setInputFiles({ name: 'sokade-q2-broken.xlsx', mimeType: XLSX, buffer: broken });
      await dialog.getByTestId('import-values-check').click();
      const problems = dialog.getByTestId('import-problems');
      await problems.waitFor();
      const rows = (await problems.getByTestId('import-problem').allInnerTexts()).map(flat);
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^Values ${unknown.r} indicator_code .*OC9\\.9`)),
          expect.stringMatching(new RegExp(`^Values ${percent.r} value .*100`)),
          expect.stringMatching(new RegExp(`^Values ${words.r} value "about 4000" is not a number\\.$`)),
        ]),
      );
      expect(rows).toHaveLength(3);
      await screenshot(page, 'reporting-import-problems-en', { fullPage: false });
      // Importing it anyway is refused the same way, all or nothing.
      await dialog.getByTestId('import-values-apply').click();
      await expect.poll(async () => (await problems.getByTestId('import-problem').allInnerTexts()).length).toBe(3);
      expect(await dialog.getByTestId('import-values-result').count()).toBe(0);

      // The corrected file: the check says what would change and writes nothing.
      await file.setInputFiles({ name: 'sokade-q2.xlsx', mimeType: XLSX, buffer: filled });
      await dialog.getByTestId('import-values-check').click();
      const check = dialog.getByTestId('import-values-check-result');
      await check.getByText('Check passed: nothing was written yet').waitFor();
      expect(await check.getByTestId('import-count-updated').innerText()).toBe('2');
      expect(await check.getByTestId('import-count-created').innerText()).toBe('0');
      expect(await check.getByTestId('import-count-cleared').innerText()).toBe('0');
      expect(await problems.count()).toBe(0);
      await screenshot(page, 'reporting-import-check-en', { fullPage: false });

      await dialog.getByTestId('import-values-apply').click();
      await dialog.getByTestId('import-values-result').getByText('Imported').waitFor();
      expect(await dialog.getByTestId('import-count-updated').innerText()).toBe('2');
      await dialog.getByTestId('import-values-close').click();
      await dialog.waitFor({ state: 'hidden' });

      // The grid shows the two new values and nothing else moved: neither the refused file nor the check wrote anything.
      await expect.poll(() => valueInput(page, 'OP1.1.2, Lubudi, Total').inputValue()).toBe('6');
      await expect.poll(() => valueInput(page, 'OC3.1, Kolwezi, Total').inputValue()).toBe('4');
      const changed = (await gridValues()).filter((v, i) => v !== before[i]).sort();
      expect(changed).toEqual(['Value: OC3.1, Kolwezi, Total=4', 'Value: OP1.1.2, Lubudi, Total=6']);
      await screenshot(page, 'reporting-imported-en');
    });
  });

  it("the M&E officer opens a round for the project's one free quarter, SOKADE reporting for its two places, from the project's Reporting page", { timeout: 60_000 }, async () => {
    await journey(browser, server.url, 'reporting-new-round', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
      await page.goto('/projects');
      await page.getByTestId('projects-table').getByRole('link', { name: 'Kolwezi Child Protection in Cobalt Mining Communities' }).click();
      await page.getByRole('link', { name: 'Reporting', exact: true }).first().click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/reporting$/);
      await page.getByRole('button', { name: 'New reporting round' }).click();

      // Every quarter from FY2026-Q2 on has its round: the project's first quarter is still free.
      const dialog = page.getByRole('dialog', { name: 'New reporting round' });
      // Already chosen: the only free quarter, with a due date (picking it again would clear it).
      await expect.poll(() => dialogField(page, 'Period').inputValue()).toMatch(/^\u2068?FY2026-Q1\u2069? · /);
      await expect.poll(() => dialogField(page, 'Due date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Only SOKADE reports, for the two places where it works.
      await dialog.getByRole('checkbox', { name: 'Sahel Action International (SAI)' }).uncheck();
      await dialog.getByRole('checkbox', { name: "Solidarité Katanga pour les Droits de l'Enfant (SOKADE)" }).check();
      const places = dialogField(page, 'Places SOKADE reports for');
      const pills = places.locator('xpath=ancestor::*[contains(@class, "mantine-MultiSelect-root")][1]').locator('.mantine-Pill-root');
      // Every place of the project is offered first, the province included: it goes, the two districts stay.
      await expect.poll(() => pills.allInnerTexts()).toEqual(['Lualaba (CD72)', 'Kolwezi (CD7201)', 'Lubudi (CD7203)']);
      await pills.filter({ hasText: 'Lualaba (CD72)' }).locator('button').click();
      await expect.poll(() => pills.allInnerTexts()).toEqual(['Kolwezi (CD7201)', 'Lubudi (CD7203)']);
      await screenshot(page, 'reporting-new-round-en', { fullPage: false });
      await dialog.getByRole('button', { name: 'Open the round' }).click();

      // The new round's board: SOKADE's package is a draft waiting for its 16 values, nothing submitted yet.
      await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
      await page.getByText('Reporting round FY2026-Q1 is open.').waitFor();
      const row = page.getByTestId('completeness-board').locator('tr[data-organisation="SOKADE"]');
      await expect.poll(() => row.getAttribute('data-status')).toBe('draft');
      await expect.poll(async () => flat(await row.innerText())).toMatch(/^Solidarité Katanga pour les Droits de l'Enfant \(SOKADE\) 2 places Draft 0 \/ 16 Not yet — Open$/i);
      await screenshot(page, 'reporting-new-round-board-en');
    });
  });
});
