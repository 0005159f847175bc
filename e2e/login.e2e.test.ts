import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('login page', () => {
  it('is accessible, and a wrong password shows the Italian error', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await expect.poll(() => page.getByTestId('demo-panel').count()).toBe(1);
    expect(await page.title()).toBe('Accedi – Abitare');
    await expectNoAxeViolations(page, 'login page');
    await page.screenshot({ path: screenshotPath('login'), fullPage: true });

    await page.getByLabel('Email', { exact: true }).fill('admin@lucca.abitare.demo');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    const alert = page.locator('[role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('Email o password non corretti.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoAxeViolations(page, 'login page with an error');
  });

  it('skip link is the first focusable element and moves focus to main', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await page.locator('input[name="email"]').waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    expect(first).toEqual({ text: 'Vai al contenuto', href: '#main' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('signs in with the keyboard only', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await page.locator('input[name="email"]').waitFor();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('name') === 'email');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('ufficio.casa@lucca.abitare.demo');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Marco Pardini');
    await logout(page);
  });

  it('a signed-out visit to a protected page goes to the login page', async () => {
    const { page } = await h.newPage();
    await page.goto('/admin/users');
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('unknown pages show the not-found page', async () => {
    const { page } = await h.newPage();
    await page.goto('/no-such-page');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Pagina non trovata');
  });
});

describe('language switch', () => {
  it('switches to English and back', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await page.locator('button[lang="en"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(1);
    expect(await page.title()).toBe('Sign in – Abitare');
    await expectNoAxeViolations(page, 'login page in English');

    await loginAsDemo(page, 'cittadina@lucca.abitare.demo');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Welcome, Francesca Ricci');
    expect(await page.getByRole('heading', { name: 'Your roles' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'What you can do now' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('home-citizen-en'), fullPage: true });

    // The choice survives a reload (localStorage).
    await page.reload();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Welcome, Francesca Ricci');

    await page.locator('button[lang="it"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('it');
    await expect.poll(() => page.getByRole('heading', { name: 'I tuoi ruoli' }).count()).toBe(1);
    await logout(page);
  });
});
