import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('tenancies journey', () => {
  it('the operator opens a tenancy with the rent explained, records a payment, imports a payments file and matches the unknown payment', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/tenancies"]').click();
    await page.waitForURL((url) => url.pathname === '/tenancies');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(5);
    expect(await page.title()).toBe('Contratti e canoni – Abitare');
    await expectNoAxeViolations(page, 'tenancy list');

    // A new tenancy: a free unit, a household from the registry, the rent explained before saving.
    await page.getByRole('link', { name: 'Nuovo contratto' }).click();
    await page.waitForURL((url) => url.pathname === '/tenancies/new');
    await expect.poll(() => page.locator('#tenancy-unit option').count()).toBeGreaterThan(1);
    const unitValue = await page.locator('#tenancy-unit option').nth(1).getAttribute('value');
    await page.locator('#tenancy-unit').selectOption(unitValue as string);
    await page.locator('#tenancy-program').selectOption('erp');
    await page.locator('#party-search').fill('Ro');
    await page.getByRole('button', { name: 'Cerca in anagrafe' }).click();
    await expect.poll(() => page.locator('#tenancy-party option').count()).toBeGreaterThan(1);
    await page.locator('#tenancy-party').selectOption({ index: 1 });
    await page.locator('#tenancy-income').fill('12.000,00');
    expect(await page.locator('#tenancy-protected').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Calcola il canone' }).click();
    const preview = page.getByTestId('rent-explanation');
    await expect.poll(() => preview.textContent()).toContain('Canone sociale');
    // 7% of 12,000 € = 840 € a year = 70 € a month (unless the flat's rental value caps it).
    expect(await preview.locator('li').count()).toBeGreaterThan(3);
    await expectNoAxeViolations(page, 'new tenancy form with rent preview');
    await page.screenshot({ path: screenshotPath('tenancy-new'), fullPage: true });
    await page.getByRole('button', { name: 'Crea contratto' }).click();
    await page.waitForURL((url) => /^\/tenancies\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.locator('.alert-success').first().textContent()).toContain('Contratto creato');
    await expect.poll(() => page.getByTestId('rent-explanation').first().textContent()).toContain('Reddito imponibile annuo del nucleo');

    // Record a payment: a new ledger row, and the balance says so.
    await page.locator('#entry-amount').fill('50,00');
    await page.locator('#entry-reason').fill('Bonifico di prova');
    await page.getByRole('button', { name: 'Registra' }).click();
    await expect.poll(() => page.locator('.alert-success', { hasText: 'Movimento registrato' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('balance').textContent()).toContain('A credito');
    expect(await page.locator('main table tbody').first().textContent()).toContain('Bonifico di prova');
    await expectNoAxeViolations(page, 'tenancy page');
    await page.screenshot({ path: screenshotPath('tenancy-detail'), fullPage: true });

    // A payments file: a payment nobody can match waits in the queue; the operator assigns it.
    const code = ((await page.locator('main h1').textContent()) ?? '').replace('Contratto ', '').trim();
    await page.goto('/tenancies/payments');
    await page.locator('#payments-file').setInputFiles({
      name: 'estratto-conto.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`date,amount,notice_number,fiscal_code,description\n2026-01-15,"12,34",,ZZZZZZ99Z99Z999Z,Versamento ${Date.now()}\n`),
    });
    await page.getByRole('button', { name: 'Importa' }).click();
    await expect.poll(() => page.locator('.alert-success').textContent()).toContain('in attesa: 1');
    const waiting = page.getByTestId('unmatched').locator('tbody tr', { hasText: 'ZZZZZZ99Z99Z999Z' });
    await expect.poll(() => waiting.count()).toBe(1);
    await expectNoAxeViolations(page, 'payments desk');
    await waiting.getByLabel('Codice contratto').fill(code);
    await waiting.getByRole('button', { name: 'Abbina' }).click();
    await expect.poll(() => page.getByTestId('unmatched').locator('tbody tr', { hasText: 'ZZZZZZ99Z99Z999Z' }).count()).toBe(0);
  });

  it('mediators and operators see the arrears early-warning list, each score explained', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'mediatrice@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/tenancies"]').click();
    await page.waitForURL((url) => url.pathname === '/tenancies');
    await page.getByRole('link', { name: 'Allerta morosità' }).click();
    await page.waitForURL((url) => url.pathname === '/tenancies/arrears');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Allerta morosità');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('main table tbody tr').first().textContent()).toMatch(/Critico|Allerta|Da seguire/);
    expect(await page.locator('main table tbody').first().textContent()).toContain('Morosità');
    // The aged-arrears report below it, by estate (ERP estates, in the mediator's scope).
    await expect.poll(() => page.locator('main table tfoot').textContent()).toContain('Totale');
    await expectNoAxeViolations(page, 'arrears list');
    await logout(page);
  });

  it('the tenant sees how her rent is computed, what she owes and the notice to pay', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'cittadina@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/me/home"]').click();
    await page.waitForURL((url) => url.pathname === '/me/home');
    await expect.poll(() => page.getByTestId('rent-explanation').textContent()).toContain('Quota sostenibile');
    await expect.poll(() => page.getByTestId('balance').textContent()).toContain('Da pagare');
    expect(await page.getByTestId('notices').textContent()).toContain('Da pagare');
    expect(await page.title()).toBe('La mia casa – Abitare');
    await expectNoAxeViolations(page, 'my home');
    await page.screenshot({ path: screenshotPath('tenancy-my-home'), fullPage: true });
  });
});
