// Browser journeys: the whole app on an in-memory PGlite with the demo data, served on
// 127.0.0.1, driven by the Debian Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedDemo } from '../server/seeds/demo/index.js';
import { buildApp } from '../server/src/app.js';
import { testConfig } from '../server/src/kernel/config.js';
import { type Database, openPglite } from '../server/src/kernel/db/database.js';
import { migrate } from '../server/src/kernel/db/migrate.js';
import { systemClock } from '../server/src/kernel/time.js';
import { buildWeb, webBuildIsStale } from '../server/src/kernel/web-build.js';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const RESULTS = resolve(ROOT, 'test-results');
export const DEMO_PASSWORD = 'abitare-demo-2026';

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** The app's database (to arrange data a journey needs, e.g. an ente's SPID client). */
  database: Database;
  /** A fresh browser context (own cookies and storage) and a page in it. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  mkdirSync(RESULTS, { recursive: true });
  const database: Database = await openPglite('memory://');
  await migrate(database);
  await seedDemo(database.db);
  if (webBuildIsStale(ROOT)) {
    await buildWeb(ROOT);
  }
  // Journeys log in many times a minute from one address: lift the login rate limit.
  const app: FastifyInstance = await buildApp({
    db: database.db,
    config: testConfig({ loginRatePerMinute: 10_000 }),
    clock: systemClock,
    logger: false,
    webDist: resolve(ROOT, 'web/dist'),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    database,
    async newPage(options) {
      const context = await browser.newContext({ viewport: options?.viewport ?? { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${port}` });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      for (const c of contexts) {
        await c.close().catch(() => undefined);
      }
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Runs axe with the WCAG 2.1 A/AA rules and fails (printing them) on any violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replaceAll('\n', ' ')}`).join('\n')}`,
    );
    console.error(`axe violations on ${label}:\n${lines.join('\n')}`);
  }
  expect(
    result.violations.map((v) => v.id),
    `axe violations on ${label}`,
  ).toEqual([]);
}

/** Opens the login page and signs in with the demo panel's one-click button. */
export async function loginAsDemo(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId(`demo-login-${email}`).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect.poll(() => page.locator('main h1').textContent()).toBeTruthy();
}

/** Signs out through the user menu and waits for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu-button').click();
  await page.locator('.user-menu .dropdown-menu button').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

export function screenshotPath(name: string): string {
  return resolve(RESULTS, `${name}.png`);
}
