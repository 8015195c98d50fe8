import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { act, chooseLanguage, dialogField, html, indicatorRow, openProjectFramework, signIn } from './support/ui.js';

/**
 * The indicator library and programme roll-up on the demo workspace, read by the installation
 * administrator: SAI's standard indicators, the protection project's indicator adopted from one of
 * them (linked, its comparable fields locked), and the child-labour programme's indicator with the
 * project indicator that rolls up into it.
 */
describe('indicator library and roll-up journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an administrator finds a library entry, the project indicator adopted from it, and a programme indicator with its contributors', { timeout: 120_000 }, async () => {
    await journey(browser, server.url, 'results-library', async (page) => {
      await signIn(page, 'admin@fieldbook.demo');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });

      // SAI's library: the standard indicators, and how many framework indicators follow each.
      await page.getByRole('navigation').getByRole('link', { name: 'Indicator library' }).click();
      await page.getByRole('heading', { name: 'Indicator library' }).waitFor();
      const library = page.getByTestId('library-table');
      const entry = (code: string) => library.locator(`[data-testid="library-row"][data-code="${code}"]`);
      await entry('PROT-01').waitFor();
      await expect
        .poll(() => library.getByTestId('library-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))))
        .toEqual(['CP-01', 'EDU-01', 'GOV-01', 'PROT-01']);
      expect((await entry('PROT-01').innerText()).replace(/\s+/g, ' ').trim()).toBe(
        'PROT-01 Number of people reached with protection services, by sex, age and disability Number people Global Protection Cluster indicator registry 1',
      );
      await screenshot(page, 'library-en');

      // Searching keeps the words in the address; the adopted entry says its comparable fields are locked.
      await page.getByTestId('library-search').fill('people reached');
      await expect.poll(() => library.getByTestId('library-row').count()).toBe(1);
      await expect.poll(() => page.url()).toMatch(/[?&]q=people(\+|%20)reached/);
      await entry('PROT-01').getByRole('button', { name: 'Number of people reached with protection services, by sex, age and disability' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Edit library indicator PROT-01' }).waitFor();
      await dialog.getByText(/^1 indicator in a framework follows this entry\. Type, unit, direction, aggregation, cumulative and categories are locked/).waitFor();
      expect(await dialogField(page, 'Type').isDisabled()).toBe(true);
      expect(await dialogField(page, 'Name').isDisabled()).toBe(false);
      await screenshot(page, 'library-entry-locked-en', { fullPage: false });
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // The protection project's SO1.1 follows PROT-01: marked in the tree, locked in its form.
      await openProjectFramework(page, 'Protection Services in Mopti, Ségou, Tombouctou and Gao');
      const so11 = indicatorRow(page, 'SO1.1');
      await so11.getByRole('img', { name: 'Adopted from the indicator library' }).waitFor();
      await so11.getByRole('img', { name: 'Disaggregated by Sex × Age × Disability (Washington Group)' }).waitFor();
      await act(page, 'Actions for indicator SO1.1', 'Edit');
      const linked = page.getByRole('dialog').getByTestId('library-linked');
      await linked.getByText('Linked to an indicator library entry').waitFor();
      await expect.poll(() => linked.getByTestId('library-entry').innerText()).toMatch(/^PROT-01 — Number of people reached with protection services/);
      for (const locked of ['Type', 'Unit of measure', 'Direction', 'Over time', 'Across places']) {
        expect(await dialogField(page, locked).isDisabled(), `${locked} locked`).toBe(true);
      }
      expect(await dialogField(page, 'Code').isDisabled()).toBe(false);
      expect(await page.getByRole('dialog').getByRole('switch', { name: /^Cumulative/ }).isDisabled()).toBe(true);
      await screenshot(page, 'library-adopted-locked-en', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      // The programme's framework, from the programme page: CLM.1 and the project indicator rolling up into it.
      await page.goto('/programmes');
      await page.getByTestId('programmes-table').getByRole('link', { name: 'Child Labour-Free Mining Supply Chains' }).click();
      await page.getByRole('link', { name: 'Programme results framework' }).click();
      await page.waitForURL(/\/programmes\/[0-9a-f-]{36}\/framework$/);
      await page.getByRole('heading', { name: 'Programme results framework' }).waitFor();
      const clm1 = indicatorRow(page, 'CLM.1');
      await clm1.getByRole('img', { name: 'Adopted from the indicator library' }).waitFor();
      await screenshot(page, 'programme-framework-en');
      await clm1.getByRole('link', { name: 'Open the reference sheet of CLM.1' }).click();
      const contributions = page.getByTestId('contributions');
      await contributions.getByRole('heading', { name: 'Contributing project indicators' }).waitFor();
      await expect
        .poll(async () => (await contributions.getByTestId('contribution-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()))
        .toEqual(['CLM-KOL-01 Kolwezi Child Protection in Cobalt Mining Communities OC1.1 Number of children withdrawn from mine sites and enrolled in school Number people']);
      await page.getByTestId('reference-sheet').getByText(/^NFCC-CL-1$/).waitFor();
      await screenshot(page, 'programme-indicator-en');

      // The same page right to left; then back from the contributor to the programme indicator.
      await chooseLanguage(page, 'العربية');
      await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      await contributions.getByTestId('contribution-row').waitFor();
      await screenshot(page, 'programme-indicator-ar');
      await chooseLanguage(page, 'English');
      await contributions.getByRole('link', { name: 'OC1.1' }).click();
      await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);
      await page.getByTestId('sheet-contributes-to').getByRole('link', { name: 'CLM.1' }).waitFor();
    });
  });
});
