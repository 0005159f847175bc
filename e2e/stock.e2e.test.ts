import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const OPERATOR = 'ufficio.casa@lucca.abitare.demo';

/** Today and yesterday in Europe/Rome, as YYYY-MM-DD. */
function romeDays(): { today: string; yesterday: string } {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return { today: day(new Date()), yesterday: day(new Date(Date.now() - 86_400_000)) };
}

const tableRows = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr');

async function apiCodes(page: Page, query: string): Promise<string[]> {
  const res = await page.request.get(`/api/v1/stock/units?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { code: string }[] }).items.map((u) => u.code);
}

describe('housing stock journey', () => {
  it('an operator filters units, opens one, changes its status and sees the timeline grow; an overlap is refused', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, OPERATOR);
    expect(await page.getByTestId('home-card-stock').count()).toBe(1);
    await page.locator('#main-nav a[href="/stock"]').click();
    await page.waitForURL((url) => url.pathname === '/stock');
    await expect.poll(() => page.title()).toBe('Patrimonio: alloggi – Abitare');
    await expect.poll(() => tableRows(page, 'unit-table').count()).toBeGreaterThan(10);
    await expectNoAxeViolations(page, 'stock units page');

    // Filters: the neighbourhood from the list, the accessibility feature with the keyboard (Space),
    // and the form sent with Enter from the search box.
    await page.locator('#unit-neighbourhood').selectOption('Pontetetto');
    await page.locator('#unit-acc-step_free_access').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#unit-acc-step_free_access').isChecked()).toBe(true);
    await page.locator('#unit-q').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('neighbourhood') === 'Pontetetto' && url.searchParams.get('accessibility') === 'step_free_access');
    const expected = await apiCodes(page, 'neighbourhood=Pontetetto&accessibility=step_free_access&limit=200');
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => tableRows(page, 'unit-table').count()).toBe(Math.min(expected.length, 25));
    expect(await page.getByTestId('unit-summary').textContent()).toContain(`Alloggi trovati: ${expected.length}`);
    for (const text of await tableRows(page, 'unit-table').allTextContents()) {
      expect(text).toContain('Accesso senza gradini');
    }
    await expectNoAxeViolations(page, 'stock units page, filtered');
    await page.screenshot({ path: screenshotPath('stock-units-filtered'), fullPage: true });

    // The URL reproduces the view in a fresh page.
    const shared = page.url();
    const other = await h.newPage();
    await loginAsDemo(other.page, OPERATOR);
    await other.page.goto(shared);
    await expect.poll(() => other.page.locator('#unit-neighbourhood').inputValue()).toBe('Pontetetto');
    await expect.poll(() => tableRows(other.page, 'unit-table').count()).toBe(Math.min(expected.length, 25));

    // Open the first unit from the keyboard (focus its link, Enter).
    const code = expected[0] as string;
    await page.getByRole('link', { name: code, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/stock/units/'));
    await expect.poll(() => page.locator('main h1').textContent()).toBe(`Alloggio ${code}`);
    const periodsBefore = await tableRows(page, 'status-timeline').count();
    const current = (await page.getByTestId('unit-now').textContent()) ?? '';
    expect(current).toContain('Stato attuale');
    await expectNoAxeViolations(page, 'stock unit page');

    // Change the status from today: a new open period heads the timeline.
    const { today, yesterday } = romeDays();
    const [newStatus, newLabel] = current.includes('Fuori servizio') ? ['reserved', 'Riservato'] : ['out_of_service', 'Fuori servizio'];
    await page.locator('#status-new').selectOption(newStatus);
    await page.locator('#status-from').fill(today);
    await page.locator('#status-note').fill('Infiltrazioni dal tetto');
    await page.getByRole('button', { name: 'Registra il cambio di stato' }).click();
    await expect.poll(() => page.locator('.alert-success').textContent()).toContain(`Stato cambiato in «${newLabel}»`);
    await expect.poll(() => tableRows(page, 'status-timeline').count()).toBe(periodsBefore + 1);
    const first = (await tableRows(page, 'status-timeline').first().textContent()) ?? '';
    expect(first).toContain(newLabel);
    expect(first).toContain('In corso');
    expect(first).toContain('Infiltrazioni dal tetto');
    expect(await page.getByTestId('unit-now').textContent()).toContain(newLabel);

    // Without a status: the server's field error lands next to the select.
    await page.getByRole('button', { name: 'Registra il cambio di stato' }).click();
    await expect.poll(() => page.locator('#status-new').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#status-new-error').textContent()).toBeTruthy();

    // From yesterday the new period would overlap the one just opened: 409, nothing changes.
    await page.locator('#status-new').selectOption(newStatus);
    await page.locator('#status-from').fill(yesterday);
    await page.getByRole('button', { name: 'Registra il cambio di stato' }).click();
    await expect.poll(() => page.locator('main .alert-danger').textContent()).toContain('si sovrappone');
    expect(await tableRows(page, 'status-timeline').count()).toBe(periodsBefore + 1);
    await expectNoAxeViolations(page, 'stock unit page after a refused change');
    await page.screenshot({ path: screenshotPath('stock-unit'), fullPage: true });

    // Estates and an estate with its buildings.
    await page.locator('nav[aria-label="Percorso di navigazione"] a[href="/stock"]').click();
    await page.getByRole('link', { name: 'Complessi ed edifici' }).click();
    await page.waitForURL((url) => url.pathname === '/stock/estates');
    await expect.poll(() => tableRows(page, 'estate-table').count()).toBeGreaterThan(5);
    await expectNoAxeViolations(page, 'stock estates page');
    await page.getByRole('link', { name: 'Quartiere Giardino di Pontetetto', exact: true }).click();
    await expect.poll(() => tableRows(page, 'building-table').count()).toBe(3);
    await expectNoAxeViolations(page, 'stock estate page');
    await logout(page);
  });

  it('a CSV with bad rows shows every row error and writes nothing; a clean file is applied', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, OPERATOR);
    await page.goto('/stock/import');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Importa alloggi da CSV');
    await expectNoAxeViolations(page, 'stock import page');

    const header = 'unit_code,surface_m2,rooms,bedrooms,beds,owner_kind,building_address,building_city,building_neighbourhood,accessibility';
    const bad = [
      header,
      'E2E-OK-1,55,3,2,3,municipality,via del Test 1,Lucca,Arancio,step_free_access',
      'E2E-BAD-2,abc,3,2,3,municipality,via del Test 1,Lucca,Arancio,',
      'E2E-BAD-3,60,3,2,3,alieno,via del Test 1,Lucca,Arancio,jacuzzi',
    ].join('\r\n');
    await page.locator('#import-file').setInputFiles({ name: 'alloggi-errati.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await expect.poll(() => tableRows(page, 'import-errors').count()).toBe(3);
    const errors = await tableRows(page, 'import-errors').allTextContents();
    expect(errors.some((r) => r.startsWith('3') && r.includes('surface_m2'))).toBe(true);
    expect(errors.some((r) => r.startsWith('4') && r.includes('owner_kind'))).toBe(true);
    expect(errors.some((r) => r.startsWith('4') && r.includes('accessibility'))).toBe(true);
    expect(await page.getByRole('button', { name: /^Importa \d+ righ/ }).count()).toBe(0);
    expect(await apiCodes(page, 'q=E2E-')).toEqual([]);
    await expectNoAxeViolations(page, 'stock import page with errors');
    await page.screenshot({ path: screenshotPath('stock-import-errors'), fullPage: true });

    const good = [
      header,
      'E2E-OK-1,55,3,2,3,municipality,via del Test 1,Lucca,Arancio,step_free_access',
      'E2E-OK-2,72.5,4,3,5,municipality,via del Test 1,Lucca,Arancio,',
    ].join('\r\n');
    await page.locator('#import-file').setInputFiles({ name: 'alloggi.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('Il file è corretto');
    expect(await apiCodes(page, 'q=E2E-')).toEqual([]);
    await page.getByRole('button', { name: 'Importa 2 righe' }).click();
    await expect.poll(() => page.locator('.alert-success').first().textContent()).toContain('Importazione completata');
    expect(await page.locator('.alert-success').first().textContent()).toContain('alloggi nuovi: 2');
    expect(await apiCodes(page, 'q=E2E-')).toEqual(['E2E-OK-1', 'E2E-OK-2']);
    await expectNoAxeViolations(page, 'stock import page after import');
    await logout(page);
  });

  it('a role without stock:read sees no stock entry and gets the refusal on the URL', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'housing.first@lucca.abitare.demo');
    expect(await page.locator('#main-nav a[href="/stock"]').count()).toBe(0);
    expect(await page.getByTestId('home-card-stock').count()).toBe(0);
    await page.goto('/stock');
    await expect.poll(() => page.locator('main .alert-warning').textContent()).toContain('Non hai i permessi');
    expect(await page.getByTestId('unit-table').count()).toBe(0);
    await expectNoAxeViolations(page, 'stock page refused');
    // A reader without stock:write sees no write sections and no status form.
    await logout(page);
    await loginAsDemo(page, 'mediatrice@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/stock"]').click();
    await expect.poll(() => tableRows(page, 'unit-table').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Importa CSV' }).count()).toBe(0);
    await tableRows(page, 'unit-table').first().locator('th a').click();
    await expect.poll(() => tableRows(page, 'status-timeline').count()).toBeGreaterThan(0);
    expect(await page.locator('#status-new').count()).toBe(0);
    await page.goto('/stock/import');
    await expect.poll(() => page.locator('main .alert-warning').textContent()).toContain('Non hai i permessi');
    await logout(page);
  });
});
