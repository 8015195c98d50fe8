import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, newContext, screenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { signIn } from './support/ui.js';

/**
 * Sharing with a donor and personal API tokens on the demo workspace, through the browser: a
 * programme manager shares the Kolwezi project's live results, the link opens signed out in
 * another browser, is revoked, and is then refused; an API token made on the profile page reads
 * the IPTT with curl-like requests until it is revoked.
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

describe('share links', () => {
  it('are made by a manager, open signed out, and are refused once revoked', async () => {
    await journey(browser, server.url, 'sharing-project-link', async (page) => {
      await signIn(page, 'pm@fieldbook.demo');
      await page.goto(`/projects/${await kolwezi(page)}`);
      await page.getByTestId('share-open').click(WAIT);
      await page.getByTestId('share-label').fill('ECHO desk officer');
      await page.getByTestId('share-create').click();
      const url = (await page.getByTestId('share-url').textContent(WAIT))!;
      // The address is built from PUBLIC_URL; the journey's server listens elsewhere, so keep its path.
      const path = new URL(url).pathname;
      expect(path).toMatch(/^\/shared\/[A-Za-z0-9_-]{43}$/);
      await screenshot(page, 'sharing-dialog', { fullPage: false });

      const donor = await newContext(browser, server.url);
      const visit = await donor.newPage();
      await visit.goto(path);
      await visit.getByTestId('iptt-table').waitFor(WAIT);
      expect(await visit.getByRole('heading', { level: 1 }).textContent()).toContain('Kolwezi Child Protection');
      expect(await visit.getByTestId('pending-legend').count()).toBe(0);
      await screenshot(visit, 'sharing-public-project');

      await page.reload();
      await page.getByTestId('share-open').click(WAIT);
      const row = page.getByTestId('share-link-row').first();
      await expect.poll(() => row.locator('td').nth(3).textContent(), WAIT).toBe('1');
      await row.getByTestId('share-revoke').click();
      await page.getByTestId('share-revoke-confirm').click();
      await page.locator('[data-testid="share-link-row"][data-status="revoked"]').waitFor(WAIT);

      await visit.reload();
      await visit.getByTestId('shared-gone').waitFor(WAIT);
      expect(await visit.getByTestId('iptt-table').count()).toBe(0);
      await screenshot(visit, 'sharing-public-gone');
      await donor.close();
    });
  });
});

describe('API tokens', () => {
  it('are shown once on the profile page, read the API as their user, and stop when an administrator revokes them', async () => {
    let token = '';
    let projectId = '';
    await journey(browser, server.url, 'api-token', async (page) => {
      await signIn(page, 'me@fieldbook.demo');
      projectId = await kolwezi(page);
      await page.goto('/profile');
      await page.getByTestId('api-token-new').click(WAIT);
      await page.getByTestId('api-token-name').fill('Power BI monthly refresh');
      await page.getByTestId('api-token-submit').click();
      token = (await page.getByTestId('api-token-secret').textContent(WAIT))!;
      expect(token).toMatch(/^fbk_/);
      expect(await page.getByTestId('api-token-curl').textContent()).toContain(`Authorization: Bearer ${token}`);
      await page.getByTestId('api-token-done').click();
      await page.getByTestId('api-token-row').first().waitFor(WAIT);
      expect(await page.getByTestId('api-token-row').first().textContent()).not.toContain(token);
    });

    const iptt = () => fetch(`${server.url}/api/iptt?scope=project&id=${projectId}`, { headers: { authorization: `Bearer ${token}` } });
    const ok = await iptt();
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { title: string }).title).toContain('CLM-KOL-01');

    // The person leaves the programme: an installation administrator revokes the token from their user page.
    await journey(browser, server.url, 'api-token-admin', async (page) => {
      await signIn(page, 'admin@fieldbook.demo');
      const userId = await page.evaluate(async () => {
        const res = await fetch('/api/users?q=me%40fieldbook.demo');
        return ((await res.json()) as { items: { id: string; email: string }[] }).items.find((u) => u.email === 'me@fieldbook.demo')!.id;
      });
      await page.goto(`/admin/users/${userId}`);
      const card = page.getByTestId('api-tokens');
      const row = card.getByTestId('api-token-row').filter({ hasText: 'Power BI monthly refresh' });
      await row.waitFor(WAIT);
      expect(await card.getByTestId('api-token-new').count()).toBe(0);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, 'api-tokens-admin', { fullPage: false });
      await row.getByTestId('api-token-revoke').click();
      await page.getByTestId('api-token-revoke-confirm').click();
      await expect.poll(async () => (await iptt()).status, WAIT).toBe(401);
      await row.getByTestId('api-token-revoke').waitFor({ state: 'detached', ...WAIT });
    });
  });
});
