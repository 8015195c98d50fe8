import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { chooseLanguage, dialogField, downloadBytes, html, indicatorRow, openProjectFramework, pickInDialog, resultNode, signIn } from './support/ui.js';

/**
 * A disaggregated percentage indicator with quarterly targets, against the real server on a fresh demo
 * database: the M&E officer adds it to the Kolwezi project (CLM-KOL-01), fills its targets table in
 * English and French, meets the 100 % limit on a cell, finds the change with its reason in the history,
 * and sees the table in Arabic; then the indicator plan carries the targets, and a broken framework
 * workbook is refused with every problem by sheet, row and column.
 *
 * The journeys run in order on one server: the plan and the import use the indicator the first one adds.
 */
const PROJECT = 'Kolwezi Child Protection in Cobalt Mining Communities';
const CODE = 'OC1.3';
const NAME = 'Percentage of withdrawn children passing the end-of-year exam';

describe('targets and indicator plan journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A target cell by its accessible name: "FY2025-Q1 · Total", "FY2025-Q2 · Female · 12–17 years". */
  const cell = (page: Page, name: string) => page.getByTestId('targets-table').getByRole('textbox', { name, exact: true });
  const rollUp = (page: Page) => page.getByTestId('targets-rollup').innerText();

  /** Saves the targets table with a reason; the reason is asked for first. */
  async function saveTargets(page: Page, reason: string, note: string) {
    await page.getByTestId('targets-save').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save targets' }).click();
    await expect.poll(() => dialogField(page, 'Reason').getAttribute('aria-invalid')).toBe('true');
    await pickInDialog(page, 'Reason', reason);
    await dialogField(page, 'Note').fill(note);
    await dialog.getByRole('button', { name: 'Save targets' }).click();
  }

  it('an M&E officer adds a disaggregated percentage indicator and sets its quarterly targets with a reason', { timeout: 180_000 }, async () => {
    await journey(browser, server.url, 'results-targets', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      // Fatoumata works in French; the journey reads in English, and comes back to French at the end.
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'fr' });
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
      await openProjectFramework(page, PROJECT);

      // A count adds up over quarters: the sum is shown beside the life-of-project target, which is not overwritten.
      await indicatorRow(page, 'OC1.1').getByRole('link', { name: 'Open the reference sheet of OC1.1' }).click();
      await expect
        .poll(() => rollUp(page))
        .toBe('Sum of quarterly targets: 2,250 — the life-of-project target is set separately: 2,400');
      await page.getByRole('link', { name: 'Results framework' }).click();
      await page.getByTestId('framework-tree').waitFor();

      // Under outcome 1.1: a percentage, averaged over quarters, split by sex and age.
      await resultNode(page, '1.1').getByRole('button', { name: 'Add indicator' }).first().click();
      await page.getByRole('dialog').getByRole('heading', { name: 'New indicator' }).waitFor();
      await dialogField(page, 'Code').fill(CODE);
      await dialogField(page, 'Name').fill(NAME);
      await pickInDialog(page, 'Type', 'Percentage');
      await dialogField(page, 'Unit of measure').fill('%');
      await pickInDialog(page, 'Over time', 'Average');
      await pickInDialog(page, 'Frequency', 'Quarterly');
      for (const category of ['Sex', 'Age']) {
        await page.getByTestId('field-add-category').click();
        await page.getByRole('option', { name: new RegExp(`^${category}\\b`) }).click();
      }
      await expect.poll(() => page.getByTestId('chosen-category').allInnerTexts()).toEqual([
        expect.stringMatching(/^1\. Sex\s+Female · Male/),
        expect.stringMatching(/^2\. Age\s+0–4 years · 5–11 years · 12–17 years · 18–59 years · 60 years and over/),
      ]);
      await page.getByTestId('combination-count').getByText('10 combinations').waitFor();
      await dialogField(page, 'Baseline value').fill('35');
      await dialogField(page, 'Baseline date').fill('2024-06-30');
      await dialogField(page, 'Target for the whole project').fill('70');
      await screenshot(page, 'targets-indicator-form-en', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Add indicator' }).click();
      await page.getByText(`Indicator ${CODE} added.`).waitFor();
      const row = indicatorRow(page, CODE);
      await expect.poll(() => row.innerText()).toMatch(/35 %[\s\S]*70 %/);
      await row.getByTestId('indicator-mark-categories').waitFor();

      // Its page: SAI's fiscal year starts in April, so the quarters are FY quarters.
      await row.getByRole('link', { name: `Open the reference sheet of ${CODE}` }).click();
      await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);
      const indicatorUrl = page.url();
      await page.getByTestId('targets-table').waitFor();
      expect(await rollUp(page)).toBe('No quarterly targets yet — the life-of-project target is set separately: 70 %');

      // Totals for four quarters, one combination, then the sex columns on their own.
      await cell(page, 'FY2025-Q1 · Total').fill('40');
      await cell(page, 'FY2025-Q2 · Total').fill('45');
      await cell(page, 'FY2025-Q3 · Total').fill('50');
      await cell(page, 'FY2025-Q4 · Total').fill('55');
      await cell(page, 'FY2025-Q2 · Female · 12–17 years').fill('44.5');
      await page.getByTestId('targets-mode').getByText('By category').click();
      await cell(page, 'FY2025-Q1 · Female').fill('38');
      await cell(page, 'FY2025-Q1 · Male').fill('42');
      await page.getByTestId('targets-dirty').waitFor();
      // The period targets are averaged (the indicator's rule over time) beside the LoP target, which stays its own number.
      await expect.poll(() => rollUp(page)).toBe('Average of the quarterly targets: 47.5 % — the life-of-project target is set separately: 70 %');
      await screenshot(page, 'targets-table-en');

      await saveTargets(page, 'Donor requirement', 'Quarterly milestones agreed with NFCC at the inception review.');
      await page.getByText(`Targets of ${CODE} saved.`).waitFor();
      expect(await page.getByTestId('targets-dirty').count()).toBe(0);

      // After a reload the server's targets fill the table again.
      await page.reload();
      await page.getByTestId('targets-table').waitFor();
      expect(await cell(page, 'FY2025-Q1 · Total').inputValue()).toBe('40');
      expect(await cell(page, 'FY2025-Q4 · Total').inputValue()).toBe('55');
      expect(await cell(page, 'FY2025-Q2 · Female · 12–17 years').inputValue()).toBe('44.5');
      expect(await cell(page, 'FY2025-Q3 · Female · 12–17 years').inputValue()).toBe('');
      await page.getByTestId('targets-mode').getByText('By category').click();
      expect(await cell(page, 'FY2025-Q1 · Female').inputValue()).toBe('38');
      expect(await cell(page, 'FY2025-Q1 · Male').inputValue()).toBe('42');
      await expect.poll(() => page.getByTestId('targets-lop-total').innerText()).toBe('70 %');

      // Above 100 % the server refuses the whole table and says which cell is wrong; nothing is saved.
      await cell(page, 'FY2025-Q1 · Male').fill('120');
      await saveTargets(page, 'Correction', 'Typing error check.');
      await page.getByTestId('targets-errors').getByText('The targets were not saved').waitFor();
      await page.getByTestId('targets-errors').getByText('FY2025-Q1 · All places together · Male: Must be at most 100.').waitFor();
      await expect.poll(() => cell(page, 'FY2025-Q1 · Male').getAttribute('aria-invalid')).toBe('true');
      await cell(page, 'FY2025-Q1 · Male').focus();
      await page.getByRole('tooltip').getByText('Must be at most 100.').waitFor();
      await screenshot(page, 'targets-error-en');
      await page.getByRole('button', { name: 'Discard changes' }).click();
      await expect.poll(() => cell(page, 'FY2025-Q1 · Male').inputValue()).toBe('42');
      await page.reload();
      await page.getByTestId('targets-table').waitFor();
      await page.getByTestId('targets-mode').getByText('By category').click();
      expect(await cell(page, 'FY2025-Q1 · Male').inputValue()).toBe('42');

      // The history has one target change (the refused one left none), with who, why and each cell.
      const history = page.getByTestId('indicator-history');
      const targets = history.locator('[data-testid="history-entry"][data-action="indicator.targets"]');
      await expect.poll(() => targets.count()).toBe(1);
      await targets.getByTestId('history-reason').getByText('Donor requirement').waitFor();
      await targets.getByText('Quarterly milestones agreed with NFCC at the inception review.').waitFor();
      await targets.getByText('Fatoumata Coulibaly').waitFor();
      const changes = await targets.locator('tbody tr').allInnerTexts();
      expect(changes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Target FY2025-Q1\s+\(empty\)\s+40 %$/),
          expect.stringMatching(/^Target FY2025-Q1 · Female\s+\(empty\)\s+38 %$/),
          expect.stringMatching(/^Target FY2025-Q2 · Female, 12–17 years\s+\(empty\)\s+44\.5 %$/),
        ]),
      );
      expect(changes).toHaveLength(7);
      await history.locator('[data-testid="history-entry"][data-action="indicator.create"]').waitFor();
      await screenshot(page, 'targets-history-en');

      // The same table right to left: periods and figures stay left to right, as in the spreadsheets.
      await chooseLanguage(page, 'العربية');
      await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      await page.getByTestId('targets-mode').getByText('كل تركيبة').click();
      await page.getByTestId('targets-table').getByText('أنثى').first().waitFor();
      await expect.poll(() => cell(page, 'FY2025-Q2 · أنثى · 12–17 سنة').inputValue()).toBe('44.5');
      await screenshot(page, 'targets-table-ar');

      // In French a decimal comma is typed and shown; a fifth quarter moves the average.
      await chooseLanguage(page, 'Français');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'fr' });
      await expect.poll(() => rollUp(page)).toMatch(/^Moyenne des cibles trimestrielles : 47,5\s%/);
      await cell(page, 'FY2026-Q1 · Total').fill('62,5');
      await expect.poll(() => rollUp(page)).toMatch(/^Moyenne des cibles trimestrielles : 50,5\s%/);
      await page.getByTestId('targets-save').click();
      await pickInDialog(page, 'Motif', 'Gestion adaptative');
      await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer les cibles' }).click();
      await page.getByText(`Cibles de ${CODE} enregistrées.`).waitFor();
      await expect.poll(() => cell(page, 'FY2026-Q1 · Total').inputValue()).toBe('62,5');
      await expect.poll(() => targets.count()).toBe(2);
      expect(page.url()).toBe(indicatorUrl);
      await screenshot(page, 'targets-table-fr');
    });
  });
  it('a programme manager downloads the indicator plan, in French, with the new indicator and its quarterly targets', { timeout: 120_000 }, async () => {
    await journey(browser, server.url, 'results-plan', async (page) => {
      await signIn(page, 'pm@fieldbook.demo');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'fr' });
      await openProjectFramework(page, PROJECT, 'Cadre de résultats');
      await indicatorRow(page, CODE).waitFor();
      await page.getByTestId('excel-menu').click();
      // Once the menu has faded in, so the picture shows it.
      await expect.poll(() => page.getByRole('menu').evaluate((menu) => getComputedStyle(menu).opacity)).toBe('1');
      await screenshot(page, 'plan-excel-menu-fr', { fullPage: false });
      const { download, bytes } = await downloadBytes(page, () => page.getByTestId('download-plan').click());
      expect(download.suggestedFilename()).toMatch(/^fieldbook-indicator-plan-CLM-KOL-01-\d{4}-\d{2}-\d{2}\.xlsx$/);

      // The plan speaks the reader's language: title lines, then one header row and one row per indicator.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe('Plan des indicateurs');
      expect(sheet.getCell('A1').value).toBe('Plan des indicateurs (plan de suivi de la performance)');
      const header = (sheet.getRow(6).values as unknown[]).slice(1).map(String);
      const codes = Array.from({ length: sheet.rowCount - 6 }, (_, i) => sheet.getRow(7 + i).getCell(header.indexOf("Code de l'indicateur") + 1).value);
      // In framework order: the new indicator follows the other indicators of outcome 1.1.
      expect(codes.indexOf(CODE)).toBe(codes.indexOf('OC1.2') + 1);
      const row = sheet.getRow(7 + codes.indexOf(CODE));
      const value = (column: string) => {
        expect(header, `column ${column}`).toContain(column);
        return row.getCell(header.indexOf(column) + 1).value ?? null;
      };
      expect({
        resultCode: value('Code du résultat'),
        name: value('Indicateur'),
        type: value('Type'),
        overTime: value('Dans le temps'),
        by: value('Ventilé par'),
        baseline: value('Valeur de référence'),
        lop: value('Cible sur la durée du projet'),
        frequency: value('Fréquence'),
      }).toEqual({
        resultCode: '1.1',
        name: NAME,
        type: 'Pourcentage',
        overTime: 'Moyenne',
        by: 'Sexe, Âge',
        baseline: 35,
        lop: 70,
        frequency: 'Trimestrielle',
      });
      // Totals only, one column per quarter; the breakdowns by sex and age are not in the plan.
      const quarters = ['FY2024-Q4', 'FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3', 'FY2025-Q4', 'FY2026-Q1', 'FY2026-Q2'];
      expect(quarters.map(value)).toEqual([null, 40, 45, 50, 55, 62.5, null]);
      expect(row.getCell(header.indexOf('FY2025-Q1') + 1).numFmt).toContain('%');
    });
  });

  it('an M&E officer imports a broken framework workbook and sees every problem; the untouched export changes nothing', { timeout: 120_000 }, async () => {
    await journey(browser, server.url, 'results-import', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
      await openProjectFramework(page, PROJECT);
      await page.getByTestId('excel-menu').click();
      const { download, bytes: exported } = await downloadBytes(page, () => page.getByTestId('download-framework').click());
      expect(download.suggestedFilename()).toBe('fieldbook-framework-CLM-KOL-01.xlsx');

      // An unknown type on an indicator and a quarter the project does not have on a target.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported as unknown as ArrayBuffer);
      const rowWhere = (sheetName: string, match: Record<string, string>) => {
        const ws = workbook.getWorksheet(sheetName)!;
        const keys = (ws.getRow(1).values as unknown[]).slice(1).map(String);
        for (let r = 2; r <= ws.rowCount; r++) {
          const row = ws.getRow(r);
          if (Object.entries(match).every(([k, v]) => String(row.getCell(keys.indexOf(k) + 1).value) === v)) {
            return { row, r, cell: (key: string) => row.getCell(keys.indexOf(key) + 1) };
          }
        }
        throw new Error(`No row with ${JSON.stringify(match)} on ${sheetName}`);
      };
      const badType = rowWhere('Indicators', { code: 'OC3.1' });
      badType.cell('type').value = 'ratio';
      const badPeriod = rowWhere('Targets', { indicator_code: CODE, period: 'FY2025-Q3' });
      badPeriod.cell('period').value = 'FY2031-Q1';
      const broken = Buffer.from(await workbook.xlsx.writeBuffer());

      await page.getByTestId('excel-menu').click();
      await page.getByTestId('import-framework').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Import the framework from Excel' }).waitFor();
      const file = dialog.locator('input[type="file"]');
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      await file.setInputFiles({ name: 'kolwezi-framework-edited.xlsx', mimeType: xlsx, buffer: broken });
      await pickInDialog(page, 'Reason', 'Correction');
      await page.getByTestId('import-check').click();

      // Nothing imported; each problem names its sheet, row and column.
      const problems = page.getByTestId('import-problems');
      await problems.getByText('Nothing was imported').waitFor();
      const rows = await problems.getByTestId('import-problem').allInnerTexts();
      const flat = rows.map((r) => r.replace(/\s+/g, ' ').trim());
      expect(flat).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^Indicators ${badType.r} type "ratio" is not allowed here\\. Use one of: number, percentage`)),
          `Targets ${badPeriod.r} period Period 'FY2031-Q1' is not one of the indicator's periods.`,
        ]),
      );
      expect(flat).toHaveLength(2);
      await screenshot(page, 'import-problems-en', { fullPage: false });

      // The export as it came: a check finds nothing to change.
      await file.setInputFiles({ name: 'kolwezi-framework.xlsx', mimeType: xlsx, buffer: exported });
      await page.getByTestId('import-check').click();
      const check = page.getByTestId('import-check-result');
      await check.getByText('The file matches the framework as it is: importing would change nothing.').waitFor();
      await check.getByText(/^Targets: \d+ in all, 0 changed\.$/).waitFor();
      // Eight results and nine indicators (the demo's eight and the new one), all unchanged.
      expect((await check.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['Results 0 0 0 8', 'Indicators 0 0 0 9']);
      expect(await page.getByTestId('import-problems').count()).toBe(0);
      await screenshot(page, 'import-check-en', { fullPage: false });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });
  });
});
