import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('mobile layout', () => {
  it('home page fits 360 px without horizontal scroll and the menu collapses', async () => {
    const { page } = await h.newPage({ viewport: { width: 360, height: 740 } });
    await loginAsDemo(page, 'assistente.sociale@lucca.abitare.demo');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath('mobile-home'), fullPage: true });

    // The navbar hides behind the burger button; it opens and closes.
    const burger = page.locator('button.custom-navbar-toggler');
    expect(await burger.isVisible()).toBe(true);
    expect(await page.locator('#main-nav-menu a[href="/profile"]').isVisible()).toBe(false);
    await burger.click();
    await expect.poll(() => page.locator('#main-nav-menu a[href="/profile"]').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('mobile-menu') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#main-nav-menu a[href="/profile"]').isVisible()).toBe(false);

    await page.goto('/login');
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await logout(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath('mobile-login'), fullPage: true });
  });
});

describe('network', () => {
  it('the UI requests nothing from any host but ours, and its fonts load', async () => {
    const { page } = await h.newPage();
    const foreign: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '127.0.0.1') {
        foreign.push(req.url());
      }
    });
    await loginAsDemo(page, 'admin@lucca.abitare.demo');
    for (const path of ['/admin/users', '/admin/audit', '/profile', '/']) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
    }
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Titillium Web"') && [...document.fonts].some((f) => f.family.includes('Titillium') && f.status === 'loaded');
    });
    expect(fonts).toBe(true);
    await logout(page);
    expect(foreign).toEqual([]);
  });
});
