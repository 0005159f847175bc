import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// A 1×1 PNG: the photo of the broken light.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082',
  'hex',
);

describe('mediation journey', () => {
  it('a tenant reports a broken light with a photo, the mediator marks it fixed, and the tenant sees it fixed', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'cittadina@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/me/reports"]').click();
    await page.waitForURL((url) => url.pathname === '/me/reports');
    await expect.poll(() => page.getByTestId('my-report').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'my reports');

    await page.getByLabel('Categoria').selectOption('maintenance');
    await page.getByLabel('Dove').fill('scala A, secondo piano');
    await page.getByLabel('Che cosa succede?').fill('La luce del pianerottolo è rotta e le scale sono al buio');
    await page.getByLabel('Foto (facoltativa)').setInputFiles({ name: 'luce.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await expect.poll(() => page.locator('.alert-success').textContent()).toContain('Segnalazione inviata');
    const mine = page.getByTestId('my-report').filter({ hasText: 'La luce del pianerottolo è rotta' });
    await expect.poll(() => mine.textContent()).toMatch(/Inoltrata all’ente gestore|Ricevuta/);
    expect(await mine.locator('img').count()).toBe(1);
    await expectNoAxeViolations(page, 'my reports after sending');
    const estateName = ((await mine.locator('p').first().textContent()) ?? '').split(' · ')[1]?.split(',')[0]?.trim() ?? '';
    expect(estateName).not.toBe('');

    // The mediator finds it on the estate's dashboard and marks it resolved.
    const m = (await h.newPage()).page;
    await loginAsDemo(m, 'mediatrice@lucca.abitare.demo');
    await m.locator('#main-nav a[href="/mediation"]').click();
    await m.waitForURL((url) => url.pathname === '/mediation');
    const option = m.locator('#estate option', { hasText: estateName });
    await expect.poll(() => option.count()).toBe(1);
    await m.getByLabel('Complesso', { exact: true }).selectOption((await option.getAttribute('value')) ?? '');
    const row = m.locator('#reports-heading').locator('..').locator('tr', { hasText: 'La luce del pianerottolo è rotta' });
    await expect.poll(() => row.count()).toBe(1);
    await expectNoAxeViolations(m, 'mediator dashboard');
    await row.getByLabel('Nuovo stato').selectOption('resolved');
    await row.getByRole('button', { name: 'Aggiorna' }).click();
    await expect.poll(() => row.count()).toBe(0);

    // Back on the tenant's page: fixed, with the history.
    await page.reload();
    await expect.poll(() => mine.textContent()).toContain('Risolta');
    await page.screenshot({ path: screenshotPath('mediation-report-fixed'), fullPage: true });
  });

  it('the mediator opens a conflict case between two households, records a session and an agreement', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'mediatrice@lucca.abitare.demo');
    await page.goto('/mediation');
    await expect.poll(() => page.locator('#cases-heading').count()).toBe(1);
    await page.getByRole('link', { name: 'Nuovo caso di conflitto' }).click();
    await page.waitForURL((url) => url.pathname === '/mediation/cases/new');
    const households = page.locator('fieldset input[type="checkbox"]');
    await expect.poll(() => households.count()).toBeGreaterThan(1);
    await page.getByLabel('Tipo', { exact: true }).selectOption('noise');
    await page.getByLabel('Gravità').selectOption('medium');
    await page.getByLabel('Descrizione').fill('Lavatrice notturna e rumori al piano di sopra');
    // Bootstrap Italia draws its own checkbox: the label is what the user clicks.
    await page.locator('fieldset .form-check label').nth(0).click();
    await page.locator('fieldset .form-check label').nth(1).click();
    await expect.poll(() => page.locator('fieldset input[type="checkbox"]:checked').count()).toBe(2);
    await expectNoAxeViolations(page, 'new conflict case');
    await page.getByRole('button', { name: 'Apri il caso' }).click();
    await page.waitForURL((url) => /^\/mediation\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('Aperto');

    await page.getByLabel('Partecipanti').fill('Entrambi i nuclei e la mediatrice');
    await page.getByLabel('Esito dell’incontro').fill('Ascolto reciproco: emerse le fasce orarie critiche');
    await page.getByRole('button', { name: 'Registra l’incontro' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('In mediazione');
    expect(await page.locator('#sessions-heading').locator('..').textContent()).toContain('fasce orarie critiche');

    await page.getByLabel('Contenuto dell’accordo').fill('Lavatrice solo tra le 8 e le 21; verifica tra un mese');
    await page.getByRole('button', { name: 'Registra l’accordo' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('Accordo raggiunto');
    expect(await page.locator('#agreements-heading').locator('..').textContent()).toContain('Lavatrice solo tra le 8 e le 21');
    await expectNoAxeViolations(page, 'conflict case page');

    await page.goto('/mediation/activities');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'activities calendar');
  });
});
