import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('admin journey', () => {
  it('creates a user with a role, deactivates them, and finds user.created in the audit log', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'admin@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/admin/users"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(5);
    expect(await page.title()).toBe('Utenti e ruoli – Abitare');
    await expectNoAxeViolations(page, 'admin users page');

    const email = `nuovo.operatore.${Date.now()}@lucca.abitare.demo`;
    await page.getByLabel('Nome e cognome').fill('Nuovo Operatore');
    await page.locator('#new-user-email').fill(email);
    await page.locator('#new-user-org').selectOption({ label: 'Fondazione Casa Lucca' });
    await page.locator('#new-user-password').fill('una-password-robusta-2026');
    await page.locator('#new-user-role').selectOption('housing_first_team');
    await page.locator('#new-user-program').selectOption('housing_first');
    await page.getByRole('button', { name: 'Crea utente' }).click();
    await expect.poll(() => page.locator('.alert-success').textContent()).toContain('Nuovo Operatore');

    // The list shows the new user with the translated role and program.
    const row = page.locator('main table tbody tr', { hasText: email });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Operatore Housing First – Housing First');
    await page.screenshot({ path: screenshotPath('admin-users'), fullPage: true });

    // A server field error lands next to its input.
    await page.locator('#new-user-email').fill(email);
    await page.locator('#new-user-name').fill('Doppione');
    await page.locator('#new-user-password').fill('corta');
    await page.getByRole('button', { name: 'Crea utente' }).click();
    await expect.poll(() => page.locator('#new-user-password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#new-user-password-error').textContent()).toBeTruthy();

    await row.getByRole('link', { name: 'Nuovo Operatore' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin/users/'));
    await expect.poll(() => page.getByTestId('user-status').textContent()).toContain('Attivo');
    await expectNoAxeViolations(page, 'admin user page');
    await page.getByRole('button', { name: 'Disattiva account' }).click();
    await expect.poll(() => page.getByTestId('user-status').textContent()).toContain('Disattivato');
    await page.screenshot({ path: screenshotPath('admin-user'), fullPage: true });

    await page.locator('#main-nav a[href="/admin/audit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/audit');
    await page.getByLabel('Azione', { exact: true }).fill('user.*');
    await page.getByRole('button', { name: 'Applica filtri' }).click();
    const created = page.locator('main table tbody tr', { hasText: 'user.created' });
    await expect.poll(() => created.count()).toBeGreaterThan(0);
    expect(await created.first().textContent()).toContain('Giulia Bernardini');
    await expectNoAxeViolations(page, 'admin audit page');
    await page.screenshot({ path: screenshotPath('admin-audit'), fullPage: true });
    await logout(page);
  });
});
