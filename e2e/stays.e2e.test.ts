import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Moves the focus with Tab only until it reaches the element (fails if the keyboard cannot get there). */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      return;
    }
  }
  throw new Error(`not reachable with the keyboard: ${target.toString()}`);
}

describe('Dopo di Noi journey', () => {
  it('a family member requests a respite stay and reads the easy-to-read project with the keyboard; an operator approves the stay', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'famiglia@lucca.abitare.demo');
    await page.goto('/me/stays');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Soggiorni e progetto di vita');
    const relative = (await page.locator('#people-heading').locator('..').locator('li strong').first().textContent()) as string;
    expect(relative.length).toBeGreaterThan(3);
    await expectNoAxeViolations(page, 'family stays page');

    // The request, with the keyboard only: the relative and the respite flat are preselected,
    // the dates are three weeks ahead; the family writes the needs and sends.
    await page.locator('main h1').click();
    expect(await page.getByLabel('Per chi').inputValue()).not.toBe('');
    expect(await page.getByLabel('Dove').locator('option:checked').textContent()).toContain('Alloggio di sollievo');
    const needs = page.getByLabel('Di cosa ha bisogno durante il soggiorno');
    await tabTo(page, needs);
    await page.keyboard.type('Aiuto per la doccia e la terapia serale; dorme con la luce accesa.');
    await tabTo(page, page.getByRole('button', { name: 'Invia la richiesta' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').textContent()).toContain('Richiesta inviata');
    const row = page.locator('main table tbody tr', { hasText: relative });
    await expect.poll(() => row.last().textContent()).toContain('Richiesta');
    await expectNoAxeViolations(page, 'family stays page after the request');

    // The easy-to-read project: large text, a comment, the acknowledgement — keyboard only.
    await tabTo(page, page.getByRole('link', { name: `Leggi il progetto di vita di ${relative}` }));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/me/stays/projects/'));
    await expect.poll(() => page.locator('main h1').textContent()).toBe(`Il progetto di vita di ${relative}`);
    expect(await page.locator('main').textContent()).toContain('I miei obiettivi');
    await expectNoAxeViolations(page, 'easy-to-read project');
    const large = page.getByRole('button', { name: 'Testo più grande' });
    await tabTo(page, large);
    await page.keyboard.press('Space');
    await expect.poll(() => large.getAttribute('aria-pressed')).toBe('true');
    await tabTo(page, page.getByRole('button', { name: 'Ho letto e ho capito il progetto' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').textContent()).toContain('Hai già detto che hai letto il progetto');
    await tabTo(page, page.getByLabel("Scrivi un commento per l'équipe"));
    await page.keyboard.type('Ha chiesto di tornare in palestra con gli amici.');
    await tabTo(page, page.getByRole('button', { name: 'Invia il commento' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').textContent()).toContain('Ha chiesto di tornare in palestra con gli amici.');
    await expectNoAxeViolations(page, 'easy-to-read project, large text');
    await page.screenshot({ path: screenshotPath('stays-easy-project'), fullPage: true });
    await logout(page);

    // The operator approves the family's request on the first free bed.
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/stays"]').click();
    await page.waitForURL((url) => url.pathname === '/stays');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(4);
    await expectNoAxeViolations(page, 'solutions catalogue');
    await page.getByRole('link', { name: 'Richieste', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/stays/requests');
    const card = page.locator('main li.card', { hasText: 'Aiuto per la doccia e la terapia serale' });
    await expect.poll(() => card.count()).toBe(1);
    await expectNoAxeViolations(page, 'stay requests');
    await card.getByRole('button', { name: `Approva il soggiorno di ${relative}` }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Decisione registrata');

    // The stay is in the respite flat's calendar (in words), and the staffing view counts it.
    await page.getByRole('link', { name: 'Soluzioni', exact: true }).click();
    await page.getByRole('link', { name: 'Alloggio di sollievo “Puccini”' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/stays/solutions/'));
    await expect.poll(() => page.locator('main').textContent()).toContain('Calendario per posto letto');
    await page.getByRole('button', { name: 'Due settimane dopo' }).click();
    await expect.poll(() => page.locator('.stays-calendar').textContent()).toContain(relative);
    expect(await page.locator('main').textContent()).toContain('personale insufficiente');
    await expectNoAxeViolations(page, 'respite flat calendar and staffing');
    await page.screenshot({ path: screenshotPath('stays-calendar'), fullPage: true });
  });

  it('the waiting list explains each position; the overdue reviews are listed', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'assistente.sociale@lucca.abitare.demo');
    await page.goto('/stays/waiting-list');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('main table').textContent()).toContain('Carico familiare');
    await expectNoAxeViolations(page, 'waiting list');
    // The social worker's own request form (opened), checked for accessibility.
    await page.goto('/stays/requests');
    await page.locator('summary', { hasText: 'Chiedi un soggiorno per una persona seguita' }).click();
    await expect.poll(() => page.getByLabel('Cerca la persona (cognome o codice fiscale)').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'staff request form');
    await page.goto('/stays/projects');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(20);
    await page.locator('label', { hasText: 'Solo le verifiche scadute' }).click();
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeLessThan(10);
    expect(await page.locator('main table').textContent()).toContain('scaduta da');
    await page.locator('main table tbody tr a').first().click();
    await page.getByLabel('Motivo della consultazione').fill('Preparazione della verifica');
    await page.getByRole('button', { name: 'Apri il progetto' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Valutazione multidimensionale');
    await expectNoAxeViolations(page, 'life project (team view)');
  });
});
