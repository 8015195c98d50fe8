import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchBrowser, screenshot, VIEWPORTS } from './support/browser.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

/**
 * The foundation journeys against the built app and the real server on a fresh, demo-seeded SQLite
 * database: signing in and out, the interface in Arabic (right to left), and a programme manager
 * creating a project and finding it again.
 */
describe('foundation journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('form button[type="submit"]').click();
  }

  /** A form field by its label, which may carry the required-field asterisk (not the option list it labels too). */
  const field = (page: Page, label: string) =>
    page.locator('input, textarea').and(page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`)));

  /**
   * Picks an option in a Mantine Select or MultiSelect, typing to narrow long lists. On a loaded
   * machine the dropdown can close again while it opens, so a missed pick is tried again.
   */
  async function pick(page: Page, label: string, option: string | RegExp, search?: string) {
    const input = field(page, label);
    const choice = page.getByRole('option', { name: option }).first();
    for (let attempt = 1; ; attempt++) {
      await input.click();
      if (search) await input.fill(search);
      try {
        await choice.click({ timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        await page.keyboard.press('Escape');
      }
    }
    await page.keyboard.press('Escape');
  }

  async function chooseLanguage(page: Page, name: string) {
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name }).click();
  }

  const html = (page: Page) => page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

  it('a programme manager switches to Arabic and back, creates a project, finds it and signs out', async () => {
    await journey(browser, server.url, 'programme-manager', async (page) => {
      await signIn(page, 'pm@fieldbook.demo');
      // Jean-Pierre's profile says French: the interface follows him, not the browser.
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'fr' });
      await page.getByRole('heading', { name: /Bienvenue, Jean-Pierre/ }).waitFor();

      await chooseLanguage(page, 'العربية');
      await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: 'المشاريع' }).waitFor();
      await screenshot(page, 'home-ar');

      // The project list and form in Arabic, to look at right-to-left tables and fields.
      await nav.getByRole('link', { name: 'المشاريع' }).click();
      await page.getByTestId('projects-table').waitFor();
      await page.getByText('CLM-KOL-01').waitFor();
      await screenshot(page, 'projects-ar');
      await nav.getByRole('link', { name: 'البرامج' }).click();
      await page.getByTestId('programmes-table').waitFor();
      await screenshot(page, 'programmes-ar');
      await page.getByTestId('programmes-table').getByRole('link', { name: 'Child Labour-Free Mining Supply Chains' }).click();
      await page.getByTestId('projects-table').waitFor();
      await screenshot(page, 'programme-detail-ar');
      await page.getByRole('link', { name: 'مشروع جديد' }).click();
      await page.getByRole('heading', { name: 'مشروع جديد' }).waitFor();
      await screenshot(page, 'project-form-ar');

      await chooseLanguage(page, 'English');
      await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
      await page.getByRole('heading', { name: 'New project' }).waitFor();

      // Nothing filled in: the browser checks with the API's own schema and says what is missing.
      await page.getByRole('button', { name: 'Create project' }).click();
      await expect.poll(() => page.getByText('This field is required.').count()).toBeGreaterThan(2);

      await pick(page, 'Programme', 'Child Labour-Free Mining Supply Chains (CLM)');
      await field(page, 'Code').fill('CLM-KOL-01'); // already taken in this programme
      await field(page, 'Title').fill('Likasi Artisanal Mine Site Monitoring');
      await field(page, 'Description').fill('Community monitors visit artisanal sites around Likasi each month.');
      await field(page, 'Start date').fill('2026-03-01');
      await field(page, 'End date').fill('2026-01-31');
      await pick(page, 'Currency', 'USD — US Dollar', 'USD');
      await pick(page, 'Countries', 'Democratic Republic of the Congo', 'Congo');
      await pick(page, 'Locations', 'Likasi (CD7104)', 'Likasi');
      await pick(page, 'DAC sectors', /^16015 — /, '16015');
      await pick(page, 'Implementing partners', /SOKADE/, 'SOKADE');
      await pick(page, 'Donor', /NFCC/, 'NFCC');

      // An end before the start is caught next to the end date.
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByText('The end date is before the start date.').waitFor();
      await screenshot(page, 'project-form-en-error');
      await field(page, 'End date').fill('2027-02-28');
      await page.getByRole('button', { name: 'Create project' }).click();

      // Only the server knows the code is taken: its answer lands on the code field.
      const code = field(page, 'Code');
      await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
      await page.getByText('This value is already used.').waitFor();
      await screenshot(page, 'project-form-en-server-error');
      await code.fill('CLM-E2E-04');
      await page.getByRole('button', { name: 'Create project' }).click();

      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      await page.getByText('Project CLM-E2E-04 created.').waitFor();
      await page.getByRole('heading', { name: /Likasi Artisanal Mine Site Monitoring/ }).waitFor();
      await screenshot(page, 'project-created-en');

      // It is in the list, found by its code; the row leads back to it.
      await page.getByRole('navigation').getByRole('link', { name: 'Projects' }).click();
      await page.getByRole('searchbox').first().fill('E2E');
      const row = page.getByTestId('projects-table').getByRole('row').filter({ hasText: 'CLM-E2E-04' });
      await expect.poll(() => page.getByTestId('projects-table').locator('tbody tr').count()).toBe(1);
      await row.waitFor();
      expect(page.url()).toMatch(/[?&]q=E2E/);
      await expect.poll(() => row.innerText()).toMatch(/Democratic Republic of the Congo/);
      await screenshot(page, 'projects-en-search');
      await row.getByRole('link', { name: 'Likasi Artisanal Mine Site Monitoring' }).click();

      await page.getByRole('heading', { name: /Likasi Artisanal Mine Site Monitoring/ }).waitFor();
      await page.getByText('Likasi (CD7104)').waitFor();
      await page.getByText('Child Labour-Free Mining Supply Chains').first().waitFor();
      await page.getByText('USD — US Dollar').waitFor();
      await screenshot(page, 'project-detail-en');

      // Editing keeps what was chosen and saves the change.
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('heading', { name: 'Edit project' }).waitFor();
      await page.getByText('Likasi (CD7104)').waitFor();
      await field(page, 'Title').fill('Likasi and Kambove Artisanal Mine Site Monitoring');
      await pick(page, 'Locations', 'Kambove (CD7103)', 'Kambove');
      await screenshot(page, 'project-edit-en');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Project CLM-E2E-04 saved.').waitFor();
      await page.getByRole('heading', { name: /Likasi and Kambove Artisanal Mine Site Monitoring/ }).waitFor();
      await page.getByText('Kambove (CD7103)').waitFor();
      await page.getByText('Likasi (CD7104)').waitFor();

      // The programme shows it among its projects; its edit form opens in a dialog.
      await page.getByRole('link', { name: 'Child Labour-Free Mining Supply Chains' }).click();
      await page.getByTestId('projects-table').getByText('CLM-E2E-04').waitFor();
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('dialog').getByRole('heading', { name: 'Edit programme' }).waitFor();
      await screenshot(page, 'programme-edit-en');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await page.waitForURL('**/sign-in');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    });
  });

  it('shows the project pages on a phone in Arabic without breaking the layout', async () => {
    await journey(
      browser,
      server.url,
      'phone-arabic',
      async (page) => {
        await signIn(page, 'budget@fieldbook.demo'); // Youssef works in Arabic
        await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
        await page.goto('/projects');
        await page.getByTestId('projects-table').waitFor();
        await screenshot(page, 'phone-projects-ar');
        await page.getByTestId('projects-table').getByRole('link', { name: 'Cusco and Puno Citizen Oversight' }).click();
        await page.getByText('Cusco (PE08)').waitFor();
        await screenshot(page, 'phone-project-detail-ar');
        // Nothing may stick out sideways except inside the tables' own scroll containers.
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(await overflow()).toBeLessThanOrEqual(0);
        // Youssef manages nothing, so no "New project" button, and the form's address says so in his language.
        await page.goto('/projects');
        await page.getByTestId('projects-table').waitFor();
        expect(await page.getByRole('link', { name: 'مشروع جديد' }).count()).toBe(0);
        await page.goto('/projects/new');
        await page.getByTestId('access-denied').getByText('لا يمكنك إنشاء هذا المشروع أو تعديله').waitFor();
        expect(await overflow()).toBeLessThanOrEqual(0);

        // The form itself still lays out on a phone, for a programme manager working in Arabic.
        await page.getByTestId('user-menu').click();
        await page.getByTestId('sign-out').click();
        await page.waitForURL('**/sign-in');
        await signIn(page, 'pm@fieldbook.demo');
        await page.getByTestId('user-menu').waitFor();
        await chooseLanguage(page, 'العربية');
        await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'ar' });
        await page.goto('/projects/new');
        await page.getByRole('heading', { name: 'مشروع جديد' }).waitFor();
        await screenshot(page, 'phone-project-form-ar');
        expect(await overflow()).toBeLessThanOrEqual(0);
        await chooseLanguage(page, 'Français'); // back to his own language, for the journeys after this one
      },
      VIEWPORTS.phone,
    );
  });

  it('says in the chosen language that the e-mail or password is wrong', async () => {
    await journey(browser, server.url, 'wrong-password', async (page) => {
      await signIn(page, 'pm@fieldbook.demo', 'not-the-password');
      await page.getByRole('alert').getByText('The e-mail or password is incorrect.').waitFor();
      await screenshot(page, 'sign-in-wrong-password-en');

      await chooseLanguage(page, 'Français');
      // Once the French texts are in, the next request asks for French too.
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('alert').getByText("L'adresse e-mail ou le mot de passe est incorrect.").waitFor();
      await screenshot(page, 'sign-in-wrong-password-fr');
      expect(page.url()).toMatch(/\/sign-in$/);
    });
  });

  it('offers creating programmes and projects only to those the server lets do it', async () => {
    await journey(browser, server.url, 'manage-offers', async (page) => {
      // A programme manager of one programme edits it and adds projects to it, but creates no programmes.
      await signIn(page, 'pm@fieldbook.demo');
      await page.getByTestId('user-menu').waitFor();
      await chooseLanguage(page, 'Français');
      await page.goto('/programmes');
      await page.getByTestId('programmes-table').getByText('CLM', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Nouveau programme' }).count()).toBe(0);
      await page.goto('/projects');
      await page.getByRole('link', { name: 'Nouveau projet' }).waitFor();
      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await page.waitForURL('**/sign-in');

      // A donor who reaches the project form by its address is told, not handed a form to fill in for nothing.
      await signIn(page, 'donor@fieldbook.demo');
      await page.getByRole('heading', { name: /Welcome, Ingrid/ }).waitFor();
      await page.goto('/projects');
      await page.getByTestId('projects-table').getByText('CLM-KOL-01').waitFor();
      expect(await page.getByRole('link', { name: 'New project' }).count()).toBe(0);
      await page.goto('/projects/new');
      await page.getByTestId('access-denied').getByText('You cannot create or edit this project').waitFor();
      expect(await page.getByRole('button', { name: 'Create project' }).count()).toBe(0);
    });
  });

  it('opens an organisation for editing from a link (the IATI check sends administrators there to fill in what is missing)', async () => {
    await journey(browser, server.url, 'organisation-edit-link', async (page) => {
      await signIn(page, 'admin@fieldbook.demo');
      await page.getByTestId('user-menu').waitFor();
      const org = await page.evaluate(async () => {
        const res = await fetch('/api/organisations?q=SOKADE');
        return ((await res.json()) as { items: { id: string; name: string }[] }).items[0]!;
      });
      await page.goto(`/admin/organisations?edit=${org.id}`);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.locator('input').first().inputValue()).toBe(org.name);
      await screenshot(page, 'organisation-edit-link-en', { fullPage: false });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.has('edit')).toBe(false);
    });
  });

  it('keeps a signed-in user in place when the connection drops on a reload, and recovers', async () => {
    await journey(browser, server.url, 'offline-reload', async (page) => {
      await signIn(page, 'donor@fieldbook.demo');
      await page.getByRole('heading', { name: /Welcome, Ingrid/ }).waitFor();
      await page.goto('/programmes');
      await page.getByTestId('programmes-table').waitFor();
      // The page itself is cached by the browser; the API does not answer.
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await page.reload();
      await page.getByTestId('connection-problem').getByText(/The server could not be reached/).waitFor();
      expect(new URL(page.url()).pathname).toBe('/programmes');
      await page.unroute('**/api/**');
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByTestId('programmes-table').waitFor();
    });
  });
});
