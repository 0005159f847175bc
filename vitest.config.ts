import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Three tiers (see docs/testing.md): unit tests of pure rules, API tests on a real database
// (PGlite always; PostgreSQL when TEST_DATABASE_URL is set), browser journeys in e2e/ (Chromium).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const hasChromium = existsSync(CHROMIUM);

if (!hasPostgres) {
  console.warn('\n⚠️  SKIPPED: API suite on PostgreSQL — TEST_DATABASE_URL is not set (CI sets it; see README "Tests").\n');
}
if (!hasChromium) {
  console.warn(`\n⚠️  SKIPPED: browser suite (e2e/) — no Chromium at ${CHROMIUM} (apt-get install -y chromium; CI installs it).\n`);
}

const API_TESTS = ['server/**/*.api.test.ts'];

export default defineConfig({
  test: {
    env: { TZ: 'Europe/Rome' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['server/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: [...API_TESTS, '**/node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'api-pglite',
          include: API_TESTS,
          globalSetup: ['server/test/global-setup.ts'],
          env: { ABITARE_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'api-postgres',
                include: API_TESTS,
                globalSetup: ['server/test/global-setup.ts'],
                env: { ABITARE_TEST_DB: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      ...(hasChromium
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                include: ['e2e/**/*.e2e.test.ts'],
                env: { CHROMIUM_PATH: CHROMIUM },
                testTimeout: 90_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
