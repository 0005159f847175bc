import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCodiceFiscale } from '../server/src/modules/registry/rules/codice-fiscale.js';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// Unique per run so that the surname search finds exactly these two people.
const surname = `Giannecchini${String(Date.now())
  .slice(-5)
  .replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)] as string)}`;

describe('registry journey', () => {
  it('an operator registers a household with a member with disability; the citizen sees who opened her file', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/registry"]').click();
    await page.waitForURL((url) => url.pathname === '/registry');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(5);
    await expectNoAxeViolations(page, 'registry search');

    // 1. The head of household, with a codice fiscale checked against birth data.
    await page.getByRole('link', { name: 'Registra una persona' }).click();
    await page.waitForURL((url) => url.pathname === '/registry/persons/new');
    await expectNoAxeViolations(page, 'person form');
    await page.getByLabel('Nome', { exact: true }).fill('Paolo');
    await page.getByLabel('Cognome', { exact: true }).fill(surname);
    await page.getByLabel('Data di nascita').fill('1970-03-14');
    await page.getByLabel('Sesso').selectOption('M');
    await page.getByLabel('Codice catastale del luogo di nascita').fill('E715');
    // A wrong check character: the field error comes back in Italian, next to the field.
    const cf = generateCodiceFiscale({ familyName: surname, givenName: 'Paolo', birthDate: '1970-03-14', sex: 'M', birthPlaceCode: 'E715' });
    const wrong = cf.slice(0, 15) + (cf[15] === 'A' ? 'B' : 'A');
    await page.getByLabel('Codice fiscale').fill(wrong);
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    const cfInput = page.getByLabel('Codice fiscale');
    await expect.poll(() => cfInput.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.invalid-feedback').first().textContent()).toMatch(/carattere di controllo|controllo/i);
    await cfInput.fill(cf);
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    await page.waitForURL((url) => /^\/registry\/persons\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.locator('.alert-success').textContent()).toContain('Persona registrata');
    const headUrl = new URL(page.url()).pathname;

    // 2. The son with a disability, without a codice fiscale yet, enrolled in Dopo di Noi.
    await page.goto('/registry/persons/new');
    await page.getByLabel('Nome', { exact: true }).fill('Tommaso');
    await page.getByLabel('Cognome', { exact: true }).fill(surname);
    await page.getByLabel('Data di nascita').fill('2001-09-02');
    await page.getByLabel('Programma').selectOption('dopo_di_noi');
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    await page.waitForURL((url) => /^\/registry\/persons\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== headUrl);
    await expect.poll(() => page.locator('main').textContent()).toContain('Codice fiscale in attesa');
    expect(await page.locator('main').textContent()).toContain('Dopo di Noi');

    // Record the disability (special-category data), with its purpose.
    await page.getByLabel('Riconoscimento L. 104/92').selectOption('art3c3');
    await page.getByLabel('Invalidità civile (%)').fill('75');
    await page.getByLabel('Bisogni di sostegno').fill('Aiuto nella gestione della casa e negli spostamenti');
    await page.locator('#disability-form-heading').locator('..').getByLabel('Motivo della consultazione').fill('Progetto di vita Dopo di Noi');
    await page.getByRole('button', { name: 'Salva la disabilità' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Dati sulla disabilità salvati');
    await expect.poll(() => page.locator('#sensitive-heading').locator('..').textContent()).toContain('disabilità');
    // Reading it back needs a purpose too, and shows the content.
    await page.getByRole('textbox', { name: 'Motivo della consultazione' }).first().fill('Verifica dei bisogni di sostegno');
    await page.getByRole('button', { name: 'Leggi i dati particolari' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('L. 104/92 art. 3 comma 3 (grave)');
    await expectNoAxeViolations(page, 'person detail with special-category data');
    await page.screenshot({ path: screenshotPath('registry-person'), fullPage: true });

    // 3. The household: the father is head, the son is a child; built with the keyboard-friendly picker.
    await page.goto(`/registry/households/new?member=${headUrl.split('/').at(-1)}`);
    await expect.poll(() => page.getByTestId('household-member-row').count()).toBe(1);
    await page.getByLabel('Cerca una persona da aggiungere').fill(surname);
    await page.getByLabel('Cerca una persona da aggiungere').press('Enter');
    await page.getByRole('button', { name: `Aggiungi Tommaso ${surname}` }).click();
    await expect.poll(() => page.getByTestId('household-member-row').count()).toBe(2);
    expect(await page.getByLabel(`Relazione di Tommaso ${surname}`).inputValue()).toBe('child');
    await expectNoAxeViolations(page, 'household form');
    await page.getByRole('button', { name: 'Crea il nucleo' }).click();
    await page.waitForURL((url) => /^\/registry\/households\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.locator('main h1').textContent()).toBe(`Nucleo ${surname}`);
    expect(await page.locator('main').textContent()).toContain(`Intestatario: Paolo ${surname}`);
    expect(await page.locator('main').textContent()).toContain('Il nucleo non ha un ISEE valido');

    // ISEE: a bad protocol is refused next to its field; a good one is listed.
    await page.getByLabel('Valore ISEE (euro)').fill('9.360,50');
    await page.getByLabel('Protocollo DSU').fill('123');
    await page.getByLabel('Rilasciato il').fill('2026-02-10');
    await page.getByRole('button', { name: "Salva l'ISEE" }).click();
    await expect.poll(() => page.getByLabel('Protocollo DSU').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Protocollo DSU').fill('INPS-ISEE-2026-00456789-00');
    await page.getByRole('button', { name: "Salva l'ISEE" }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('INPS-ISEE-2026-00456789-00');
    expect(await page.locator('main').textContent()).toMatch(/9\.?360,50/);
    await expectNoAxeViolations(page, 'household detail');
    await page.screenshot({ path: screenshotPath('registry-household'), fullPage: true });

    // 4. The operator opens the demo citizen's file: that access is what she will see.
    await page.goto('/registry?q=Ricci');
    await page.getByRole('link', { name: 'Ricci Francesca' }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/registry/persons/'));
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Ricci Francesca');
    await logout(page);

    // 5. The citizen opens "my data" and finds the access, by role and organisation, not by name.
    await loginAsDemo(page, 'cittadina@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/me/data"]').click();
    await page.waitForURL((url) => url.pathname === '/me/data');
    const log = page.getByTestId('access-log');
    await expect.poll(() => log.locator('tbody tr').count()).toBeGreaterThan(0);
    const first = log.locator('tbody tr').first();
    expect(await first.textContent()).toContain('Consultazione della scheda');
    expect(await first.textContent()).toContain('Operatore Ufficio Casa');
    expect(await log.textContent()).not.toContain('Marco Pardini');
    expect(await page.locator('main').textContent()).not.toContain(surname);
    await expectNoAxeViolations(page, 'my data');
    await page.screenshot({ path: screenshotPath('registry-my-data'), fullPage: true });
  });

  it('an operator corrects a record and merges the duplicates the registry flags', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.goto('/registry/duplicates');
    const rows = page.locator('main table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'duplicates');
    const before = await rows.count();
    page.once('dialog', (d) => void d.accept());
    await rows.first().getByRole('button').first().click();
    await page.waitForURL((url) => /^\/registry\/persons\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.goto('/registry/duplicates');
    await expect.poll(async () => ((await page.locator('main table').count()) === 0 ? 0 : rows.count())).toBe(before - 1);

    await page.goto('/registry?q=Ricci');
    await page.getByRole('link', { name: 'Ricci Francesca' }).first().click();
    await page.getByRole('link', { name: 'Correggi i dati' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/edit'));
    await expectNoAxeViolations(page, 'person edit');
    await page.getByLabel('Telefono').fill('+39 0583 123456');
    await page.getByRole('button', { name: 'Salva le correzioni' }).click();
    await expect.poll(() => page.locator('.alert-success').textContent()).toContain('Dati aggiornati');
    expect(await page.locator('main').textContent()).toContain('+39 0583 123456');
  });

  it('a citizen cannot open the operators’ registry', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'cittadina@lucca.abitare.demo');
    expect(await page.locator('#main-nav a[href="/registry"]').count()).toBe(0);
    await page.goto('/registry');
    await expect.poll(() => page.locator('main .alert-warning').count()).toBe(1);
    expect(await page.locator('main table').count()).toBe(0);
  });
});
