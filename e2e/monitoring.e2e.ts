import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, journey, launchBrowser, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { chooseLanguage, downloadBytes, html, signIn } from './support/ui.js';

/**
 * Monitoring on the demo workspace, through the browser: the IPTT of the Kolwezi project by quarter
 * then by year and its XLSX export read back; a pivot built, saved for the organisation, reopened
 * with the same numbers and exported to CSV; the map of an indicator by region against the IPTT
 * filtered to that region; and a project dashboard's charts in English and in Arabic.
 *
 * The demo's figures move with today's date (its rounds are placed relative to it), so nothing here
 * expects a demo number: each check compares two views of the same figure with each other.
 */
const KOLWEZI = 'Kolwezi Child Protection in Cobalt Mining Communities';
const MALI_PROTECTION = 'Protection Services in Mopti, Ségou, Tombouctou and Gao';
const LAPTOP = { width: 1366, height: 768 };
/**
 * How long a step may wait for the page: a page with charts, or a table the server computes, can
 * take longer than the usual 15 s to settle on a busy two-core machine. Only an upper bound: every
 * wait ends as soon as what it waits for is there.
 */
const STEP_TIMEOUT = 30_000;
const WAIT = { timeout: STEP_TIMEOUT };

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A parameter of the page's address: filters live there, changed in place without a navigation. */
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** A figure as the page shows it ("2,400", "15.8%", "50%On track"): its number and how many decimals are shown; null for "—". */
function shown(text: string): { value: number; decimals: number } | null {
  const match = /-?\d[\d,]*(?:\.\d+)?/.exec(text.replace(/\u2212/g, '-'));
  if (!match) return null;
  const digits = match[0].replace(/,/g, '');
  return { value: Number(digits), decimals: digits.split('.')[1]?.length ?? 0 };
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** A number from a file (XLSX cell, CSV field) against the page's text of the same figure, at the page's precision. */
function expectSameFigure(fileValue: unknown, pageText: string, where: string): void {
  const onPage = shown(pageText);
  if (onPage === null) {
    expect(fileValue ?? null, `${where}: "${pageText}" on the page`).toBeNull();
    return;
  }
  expect(typeof fileValue, `${where}: "${pageText}" on the page, ${String(fileValue)} in the file`).toBe('number');
  expect(round(fileValue as number, onPage.decimals), `${where}: "${pageText}" on the page`).toBe(onPage.value);
}

// ---------------------------------------------------------------------------------------------
// IPTT

const ipttTable = (page: Page) => page.getByTestId('iptt-table');
const periodKeys = (page: Page) => ipttTable(page).locator('th[data-period]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-period') ?? ''));

/** Waits until the table on screen is the answer to the address (the previous one stays, dimmed, while the next loads). */
async function ipttSettled(page: Page): Promise<void> {
  const region = ipttTable(page).locator('xpath=..');
  await expect.poll(() => region.getAttribute('aria-busy'), WAIT).toBe('false');
}

/** Every indicator row as shown: its code and the text of each cell (unit, baseline, then target / actual / % met per group). */
const ipttIndicatorRows = (page: Page) =>
  ipttTable(page)
    .locator('tr[data-testid="iptt-indicator"]')
    .evaluateAll((rows) => rows.map((r) => ({ code: r.getAttribute('data-code') ?? '', cells: [...r.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText) })));

/** The life-of-project actual of one indicator, as shown (cells: unit, baseline, LoP target, LoP actual, …). */
async function lopActual(page: Page, code: string): Promise<string> {
  const row = (await ipttIndicatorRows(page)).find((r) => r.code === code);
  expect(row, `IPTT row ${code}`).toBeDefined();
  return row!.cells[3]!;
}

/** From the project list to a project's page, then to one of its pages by the button's name. */
async function openProjectPage(page: Page, title: string, link: string, url: RegExp): Promise<void> {
  await page.goto('/projects');
  await page.getByTestId('projects-table').getByRole('link', { name: title }).click();
  // In the page itself: the main menu has an IPTT link too (the consolidated one).
  await page.getByRole('main').getByRole('link', { name: link, exact: true }).first().click();
  await page.waitForURL(url);
}

// ---------------------------------------------------------------------------------------------
// Pivot

interface PivotSnapshot {
  head: string[][];
  body: { kind: 'data' | 'subtotal' | 'total'; heads: string[]; cells: string[] }[];
}

/** The pivot table as text, header rows and body rows (with their row labels and cells kept apart). */
const pivotSnapshot = (page: Page): Promise<PivotSnapshot> =>
  page.getByTestId('pivot-table').evaluate((table) => {
    const text = (e: Element) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
    return {
      head: [...table.querySelectorAll('thead tr')].map((r) => [...r.children].map(text)),
      body: [...table.querySelectorAll('tbody tr')].map((r) => ({
        kind: r.hasAttribute('data-subtotal') ? ('subtotal' as const) : r.getAttribute('data-testid') === 'pivot-totals' ? ('total' as const) : ('data' as const),
        heads: [...r.querySelectorAll('th')].map(text),
        cells: [...r.querySelectorAll('td')].map(text),
      })),
    };
  });

/**
 * The table once it answers the current definition: the request goes half a second after the last
 * change and the previous table stays (dimmed) meanwhile, so the wait is on what the table must
 * show (`ready`) and on nothing being fetched any more.
 */
async function settledPivot(page: Page, ready: (s: PivotSnapshot) => boolean): Promise<PivotSnapshot> {
  let last: PivotSnapshot | null = null;
  await expect
    .poll(
      async () => {
        if ((await page.getByTestId('pivot-table').count()) === 0) return false;
        if ((await page.getByLabel('Updating the table').count()) > 0) return false;
        if ((await page.locator('[aria-busy="true"]').count()) > 0) return false;
        last = await pivotSnapshot(page);
        return ready(last);
      },
      WAIT,
    )
    .toBe(true);
  return last!;
}

/** A CSV file as rows of fields (RFC 4180 quoting), without the byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Picks an option of a searchable Mantine MultiSelect after typing in its search. */
async function pickOption(page: Page, input: Locator, search: string, option: RegExp): Promise<void> {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

// ---------------------------------------------------------------------------------------------
// Map and dashboard

const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** A chart drawn by recharts: its SVG surface is there and has something in it. */
async function chartDrawn(chart: Locator): Promise<void> {
  await chart.locator('svg.recharts-surface').first().waitFor();
  await expect.poll(() => chart.locator('svg.recharts-surface path, svg.recharts-surface rect').count(), WAIT).toBeGreaterThan(0);
}

const svgTexts = (chart: Locator) => chart.locator('svg text').allTextContents();

describe('monitoring journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  /** One journey in its own browser context, its steps allowed STEP_TIMEOUT each. */
  const run = (name: string, steps: (page: Page) => Promise<void>, viewport?: { width: number; height: number }) =>
    journey(
      browser,
      server.url,
      name,
      async (page) => {
        page.setDefaultTimeout(STEP_TIMEOUT);
        await steps(page);
      },
      viewport,
    );

  afterAll(async () => {
    await browser?.close();
    // What the server logged (warnings and errors only), next to the journeys' screenshots.
    if (server) fs.writeFileSync(path.join(ARTIFACTS, 'monitoring-server.log'), server.output());
    await server?.stop();
  });

  it('the programme manager opens the Kolwezi IPTT by quarter, switches to years, exports it and finds the same figures in the workbook', { timeout: 120_000 }, async () => {
    await run('monitoring-iptt', async (page) => {
      await signIn(page, 'pm@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page), WAIT).toEqual({ dir: 'ltr', lang: 'en' });
      await openProjectPage(page, KOLWEZI, 'IPTT', /\/projects\/[0-9a-f-]{36}\/iptt$/);
      await ipttTable(page).waitFor();
      await ipttSettled(page);

      // Quarters by default: the project's fiscal quarters as column groups.
      const quarters = await periodKeys(page);
      expect(quarters.length).toBeGreaterThan(1);
      for (const key of quarters) expect(key).toMatch(/^FY\d{4}-Q[1-4]$/);
      const byQuarter = await ipttIndicatorRows(page);
      expect(byQuarter.map((r) => r.code)).toContain('OC1.1');

      // Years: fewer groups, one per fiscal year of those quarters, kept in the address.
      await page.getByTestId('iptt-granularity').getByText('Yearly', { exact: true }).click();
      await expect.poll(() => param(page, 'granularity'), WAIT).toBe('year');
      await expect.poll(async () => (await periodKeys(page)).every((k) => /^FY\d{4}$/.test(k)), WAIT).toBe(true);
      await ipttSettled(page);
      const years = await periodKeys(page);
      expect(years).toEqual([...new Set(quarters.map((q) => q.slice(0, 6)))]);
      const byYear = await ipttIndicatorRows(page);
      // The life-of-project columns do not depend on the period length: same baseline, target, actual and % met.
      expect(byYear.map((r) => [r.code, ...r.cells.slice(0, 5)])).toEqual(byQuarter.map((r) => [r.code, ...r.cells.slice(0, 5)]));
      for (const r of byYear) expect(r.cells).toHaveLength(2 + 3 * (1 + years.length));
      await screenshot(page, 'monitoring-iptt-year-en');

      // The export: the same table, in a workbook.
      const subtitle = await page.getByText(/^CLM-KOL-01 — /).first().innerText();
      const { download, bytes } = await downloadBytes(page, () => page.getByTestId('iptt-export').click());
      expect(download.suggestedFilename()).toMatch(/^fieldbook-iptt-CLM-KOL-01-.*\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('IPTT')!;
      expect(sheet, 'the IPTT sheet').toBeDefined();
      const at = (r: number, c: number) => sheet.getRow(r).getCell(c).value;
      expect(String(at(1, 1))).toBe(`Indicator Performance Tracking Table — ${flat(subtitle)}`);
      expect(String(at(3, 1))).toBe('Period length: Yearly');
      expect(String(at(4, 1))).toBe('Approved values only');
      // Two header rows: Code, Result / indicator, Unit, Baseline; then Life of project and each year over Target, Actual, % met.
      expect([1, 2, 3, 4].map((c) => at(7, c))).toEqual(['Code', 'Result / indicator', 'Unit', 'Baseline']);
      expect(years.map((_, g) => at(7, 8 + 3 * g))).toEqual(years);
      expect(at(7, 5)).toBe('Life of project');
      expect([5, 6, 7].map((c) => at(8, c))).toEqual(['Target', 'Actual', '% met']);

      // Every figure of every indicator row: the page's cell i (after the unit) is the workbook's column i + 3.
      const rowOf = new Map<string, number>();
      sheet.eachRow((row, r) => {
        if (r > 8) rowOf.set(String(row.getCell(1).value ?? ''), r);
      });
      for (const { code, cells } of byYear) {
        const r = rowOf.get(code);
        expect(r, `workbook row for ${code}`).toBeDefined();
        expect(String(at(r!, 3))).toBe(cells[0]);
        cells.slice(1).forEach((text, i) => expectSameFigure(at(r!, i + 4), text, `${code}, column ${i + 4}`));
      }
    });
  });

  it('the M&E officer builds a pivot by indicator, region and year, saves it for the organisation, reopens it with the same numbers and exports it to CSV', { timeout: 120_000 }, async () => {
    await run('monitoring-pivot', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page), WAIT).toEqual({ dir: 'ltr', lang: 'en' });
      await page.getByRole('navigation').getByRole('link', { name: 'Pivot tables' }).click();
      await page.waitForURL(/\/pivot$/);

      // Two indicators of the Mali protection project (searched by the project's code), which the page asks to separate.
      const indicators = page.getByTestId('pivot-indicators');
      await pickOption(page, indicators, 'PROT-ML-01', /^SO1\.1 · /);
      await pickOption(page, indicators, 'PROT-ML-01', /^OP1\.2\.a · /);
      await page.keyboard.press('Escape');
      await page.getByTestId('pivot-problems').getByText(/put “Indicator” in the rows or the columns/).waitFor();

      // Rows: indicator, then place (regions by default); columns: the period, in years.
      for (const dimension of ['Indicator', 'Place']) {
        await page.getByTestId('pivot-add-rows').click();
        await page.getByRole('menuitem', { name: dimension, exact: true }).click();
      }
      await page.getByTestId('pivot-columns').getByLabel('Length of periods').click();
      await page.getByRole('option', { name: 'Year', exact: true }).click();

      const ready = (s: PivotSnapshot) =>
        s.head[0]?.[0] === 'Indicator' &&
        s.head[0]?.[1] === 'Admin level 1' &&
        s.head[0].slice(2).some((h) => /^FY\d{4}$/.test(h)) &&
        !s.head.flat().some((h) => /^FY\d{4}-Q\d$/.test(h));
      const built = await settledPivot(page, ready);
      const data = built.body.filter((r) => r.kind === 'data');
      expect(data.length).toBeGreaterThan(1);
      expect(data.some((r) => r.cells.some((c) => shown(c) !== null))).toBe(true);
      await screenshot(page, 'monitoring-pivot-built-en');

      // Saved and shared with the organisation: the page moves to the saved pivot's own address.
      const NAME = 'Protection reach by region and year';
      await page.getByTestId('pivot-save').click();
      const dialog = page.getByRole('dialog', { name: 'Save this pivot table' });
      await dialog.getByTestId('pivot-save-name').fill(NAME);
      await dialog.getByTestId('pivot-save-shared').check();
      await dialog.getByTestId('pivot-save-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForURL(/\/pivot\/[0-9a-f-]{36}$/);
      const savedUrl = page.url();
      await page.getByText(`“${NAME}” is saved.`).waitFor();
      await page.getByRole('heading', { name: new RegExp(`^${NAME}\\s*Shared$`) }).waitFor();

      // Reloaded from the server: the same definition gives the same table, number for number.
      await page.reload();
      await page.getByRole('heading', { name: new RegExp(`^${NAME}\\s*Shared$`) }).waitFor();
      expect(page.url()).toBe(savedUrl);
      const reopened = await settledPivot(page, ready);
      expect(reopened).toEqual(built);
      expect(await page.getByTestId('pivot-unsaved').count()).toBe(0);
      await screenshot(page, 'monitoring-pivot-saved-en');

      // The CSV holds the table's lines in the table's order, each figure at full precision.
      await page.getByTestId('pivot-export').click();
      const { bytes } = await downloadBytes(page, () => page.getByTestId('pivot-export-csv').click());
      const csv = parseCsv(bytes.toString('utf8'));
      const [header, ...lines] = csv;
      const columnLabels = reopened.head.at(-1)!.slice(2);
      expect(header![0]).toBe('Indicator');
      // The file names the level in its own words ("Place (admin 1)"); the columns are the table's.
      expect(header![1]).toMatch(/admin.* 1\b/i);
      expect(header!.slice(2)).toEqual(columnLabels);
      // With indicators that cannot be added together the page leaves the grand total out; the file keeps its line, empty.
      if (lines.length === reopened.body.length + 1) {
        expect(lines.at(-1)![0]).toBe('Total');
        expect(lines.at(-1)!.slice(2).every((v) => v === '')).toBe(true);
        lines.pop();
      }
      expect(lines).toHaveLength(reopened.body.length);
      reopened.body.forEach((row, i) => {
        const line = lines[i]!;
        if (row.kind === 'data') expect(line[1], `line ${i + 2}`).toBe(row.heads.at(-1));
        expect(line.slice(2)).toHaveLength(row.cells.length);
        row.cells.forEach((text, j) => expectSameFigure(line[2 + j] === '' ? null : Number(line[2 + j]), text, `CSV line ${i + 2}, column ${j + 3}`));
      });
    });
  });

  it("the M&E officer opens an indicator's map by region from the dashboard; a region's tooltip shows the IPTT's figure for that region", { timeout: 120_000 }, async () => {
    await run('monitoring-map', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page), WAIT).toEqual({ dir: 'ltr', lang: 'en' });
      await openProjectPage(page, MALI_PROTECTION, 'Dashboard', /\/projects\/[0-9a-f-]{36}\/dashboard$/);
      const projectPath = new URL(page.url()).pathname.replace(/\/dashboard$/, '');

      // From the dashboard's progress table to the indicator, then its map (regions by default).
      await page.getByTestId('progress-table').getByRole('link', { name: 'SO1.1', exact: true }).click();
      await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);
      await page.getByTestId('indicator-map-link').click();
      await page.waitForURL(/\/indicators\/[0-9a-f-]{36}\/map$/);
      await page.getByTestId('choropleth').waitFor();
      const rows = await page
        .getByTestId('map-row')
        .evaluateAll((trs) => trs.map((tr) => ({ pcode: tr.getAttribute('data-pcode') ?? '', value: tr.getAttribute('data-value') ?? '' })));
      const withData = rows.filter((r) => r.value !== '');
      expect(withData.length).toBeGreaterThan(0);
      // Areas without a value say so instead of showing zero.
      for (const r of rows.filter((x) => x.value === '')) {
        expect(await page.locator(`[data-testid="map-row"][data-pcode="${r.pcode}"] [data-testid="map-row-value"]`).innerText()).toBe('No data');
      }

      // The tooltip of the region with the most, shown by keyboard focus as a screen reader user would reach it.
      const area = withData.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a));
      await page.locator(`[data-testid="map-area"][data-pcode="${area.pcode}"]`).focus();
      const tooltip = page.getByTestId('map-tooltip');
      await expect.poll(() => tooltip.getAttribute('data-pcode'), WAIT).toBe(area.pcode);
      const tooltipValue = flat(await tooltip.getByTestId('map-tooltip-value').innerText());
      expect(tooltipValue).toMatch(/^[\d,.]+ people$/);
      expect(shown(tooltipValue)!.value).toBe(Number(area.value));
      // The table beside the map says the same.
      expect(flat(await page.locator(`[data-testid="map-row"][data-pcode="${area.pcode}"] [data-testid="map-row-value"]`).innerText())).toBe(tooltipValue.replace(/ people$/, ''));
      await screenshot(page, 'monitoring-map-tooltip-en', { fullPage: false });

      // The project's IPTT: SO1.1 counts people, added up over places, so the regions add up to its life-of-project actual.
      await page.goto(`${projectPath}/iptt`);
      await ipttTable(page).waitFor();
      await ipttSettled(page);
      const total = shown(await lopActual(page, 'SO1.1'));
      expect(total?.value).toBe(withData.reduce((sum, r) => sum + Number(r.value), 0));

      // Filtered to that region, the IPTT's life-of-project actual is the tooltip's figure.
      await pickOption(page, page.getByTestId('iptt-controls').getByLabel('Places'), area.pcode, new RegExp(`\\(${area.pcode}\\)$`));
      await page.keyboard.press('Escape');
      await expect.poll(() => param(page, 'locationIds'), WAIT).toMatch(/^[0-9a-f-]{36}$/);
      // The address changes before the page renders it (the router updates in a transition), so the
      // wait is on the table itself: redrawn for one region of several, its total is no longer the project's.
      expect(withData.length).toBeGreaterThan(1);
      await expect.poll(async () => shown(await lopActual(page, 'SO1.1'))?.value, WAIT).not.toBe(total!.value);
      await ipttSettled(page);
      expect(shown(await lopActual(page, 'SO1.1'))!.value).toBe(shown(tooltipValue)!.value);
      await screenshot(page, 'monitoring-iptt-region-en');
    });
  });

  it('the programme manager reads the Kolwezi dashboard: real charts in English and in Arabic, right to left, within a laptop screen', { timeout: 120_000 }, async () => {
    await run(
      'monitoring-dashboard',
      async (page) => {
        await signIn(page, 'pm@fieldbook.demo');
        await chooseLanguage(page, 'English');
        await expect.poll(() => html(page), WAIT).toEqual({ dir: 'ltr', lang: 'en' });
        await openProjectPage(page, KOLWEZI, 'Dashboard', /\/projects\/[0-9a-f-]{36}\/dashboard$/);
        await page.getByTestId('dashboard').waitFor();

        const progress = page.getByTestId('progress-chart');
        const trend = page.getByTestId('trend-chart');
        const completeness = page.getByTestId('completeness-chart');
        const check = async () => {
          for (const chart of [progress, trend, completeness]) await chartDrawn(chart);
          // The progress bars are labelled by indicator code, as in the table beside them.
          await expect.poll(() => svgTexts(progress), WAIT).toContain('OC1.1');
          await page.getByTestId('progress-table').getByRole('link', { name: 'OC1.1', exact: true }).waitFor();
          expect(await noHorizontalOverflow(page)).toBe(true);
        };
        await check();
        await page.getByRole('heading', { name: 'Indicator progress' }).waitFor();
        await screenshot(page, 'monitoring-dashboard-en');

        await chooseLanguage(page, 'العربية');
        await expect.poll(() => html(page), WAIT).toEqual({ dir: 'rtl', lang: 'ar' });
        await expect.poll(() => page.getByTestId('progress-section').getByRole('heading', { level: 3 }).innerText(), WAIT).not.toBe('Indicator progress');
        await check();
        await screenshot(page, 'monitoring-dashboard-ar');
      },
      LAPTOP,
    );
  });
});
