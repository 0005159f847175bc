import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../server/seeds/demo/index.js';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

// Every Lucca demo account and one Pescaglia account (another ente: the header must follow).
const ACCOUNTS = [...DEMO_ACCOUNTS.filter((a) => a.ente === 'lucca'), ...DEMO_ACCOUNTS.filter((a) => a.ente === 'pescaglia').slice(0, 1)];
const ENTE_NAMES: Record<string, string> = { lucca: 'Comune di Lucca', pescaglia: 'Comune di Pescaglia' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('home page of each demo role', () => {
  for (const account of ACCOUNTS) {
    const roles = [...new Set(account.roles.map((r) => r.role))];
    it(`${account.ente} ${roles.join('+')} (${account.email})`, async () => {
      const { page } = await h.newPage();
      await loginAsDemo(page, account.email);

      await expect.poll(() => page.locator('header').textContent()).toContain(ENTE_NAMES[account.ente]);
      await expect.poll(() => page.locator('main h1').textContent()).toContain(account.fullName);
      for (const role of roles) {
        expect(await page.getByTestId(`role-area-${role}`).isVisible()).toBe(true);
      }
      const isAdmin = roles.includes('admin');
      expect(await page.getByTestId('home-card-users').count()).toBe(isAdmin ? 1 : 0);
      expect(await page.getByTestId('home-card-audit').count()).toBe(isAdmin ? 1 : 0);
      expect(await page.getByTestId('home-card-profile').count()).toBe(1);
      // The nav offers admin pages only to admins.
      expect(await page.locator('#main-nav a[href="/admin/users"]').count()).toBe(isAdmin ? 1 : 0);
      expect(await page.title()).toContain('Abitare');

      await expectNoAxeViolations(page, `home of ${account.email}`);
      await page.screenshot({ path: screenshotPath(`home-${account.ente}-${roles.join('+')}`), fullPage: true });
      await logout(page);
      await page.close();
    });
  }
});
