import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('reports journey', () => {
  it('the Ufficio Casa filters the dashboard by program and period, reads a chart as a table and downloads the CSV and the funder PDF', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.getByRole('link', { name: 'Indicatori', exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await expect.poll(() => page.locator('[data-indicator="applications_received"]').count()).toBe(1);

    await page.getByLabel('Programma', { exact: true }).selectOption('erp');
    await page.getByLabel('Dal giorno', { exact: true }).fill('2025-01-01');
    await page.getByLabel('Al giorno', { exact: true }).fill('2025-12-31');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.waitForURL((url) => url.searchParams.get('program') === 'erp' && url.searchParams.get('from') === '2025-01-01');
    await expect.poll(() => page.locator('main').textContent()).toContain('Programmi: ERP. Periodo dal 2025-01-01 al 2025-12-31');
    const received = page.locator('[data-indicator="applications_received"]');
    expect(await received.textContent()).toContain('Domande protocollate');
    // The operator may open the list behind a number.
    expect(await page.locator('[data-indicator="arrears_rate"]').getByRole('link').getAttribute('href')).toBe('/tenancies/arrears');
    await expectNoAxeViolations(page, 'reports dashboard');

    // A chart's table alternative.
    await page.getByText('Tabella dei dati: Domande per programma').click();
    const table = page.locator('details[open] table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr th').textContent()).toBe('ERP');
    const figure = Number((await table.locator('tbody tr td').first().textContent())?.replace(/\D/g, ''));
    expect(figure).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'reports dashboard with a table alternative open');
    await page.screenshot({ path: screenshotPath('reports-dashboard'), fullPage: true });

    // Download the CSV of that table: the same figure.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica CSV: Domande per programma' }).click()]);
    const text = readFileSync((await csv.path()) as string, 'utf8');
    expect(text).toContain('Programma,Ricevute,Ammesse,Alloggiati');
    expect(text).toContain(`erp,${figure},`);

    // And the funder report.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica il rapporto al finanziatore (PDF)' }).click()]);
    const bytes = readFileSync((await pdf.path()) as string).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toContain('(Rapporto al finanziatore)');
    expect(bytes).toContain('(Domande ricevute)');
  });

  it('anyone opens the open-data page without logging in', async () => {
    const { page } = await h.newPage();
    await page.goto('/open-data/lucca');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Dati aperti');
    await expect.poll(() => page.locator('main').textContent()).toContain('CC BY 4.0');
    expect(await page.locator('main').textContent()).toContain('< 5');
    await expect.poll(() => page.locator('main table').count()).toBe(3);
    expect(await page.getByRole('link', { name: /Scarica CSV: Patrimonio abitativo/ }).getAttribute('href')).toMatch(
      /^\/api\/v1\/open-data\/lucca\/housing-stock\.csv\?year=\d{4}$/,
    );
    await expectNoAxeViolations(page, 'open data page');
    await page.screenshot({ path: screenshotPath('reports-open-data'), fullPage: true });
  });
});
