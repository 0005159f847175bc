import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Youth cohabitation journey', () => {
  it('an operator computes pairs, reads an explanation, locks a pair and confirms; the young person accepts the offer', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.goto('/allocation');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Abbinamenti e assegnazioni');
    await expect.poll(() => page.locator('main').textContent()).toContain('hanno compilato il questionario');
    await expectNoAxeViolations(page, 'allocation before the plan');

    // The office fills a missing questionnaire on an applicant's behalf.
    const before = (await page.locator('main').textContent()) as string;
    const filledBefore = Number(/(\d+) ammessi su/.exec(before)?.[1]);
    await page.locator('main details summary').click();
    await page
      .getByRole('button', { name: /^Compila il questionario per/ })
      .first()
      .click();
    await page.getByLabel('Ritmi quotidiani').selectOption('late');
    await page.getByRole('button', { name: 'Salva il questionario' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Questionario salvato.');
    await expect.poll(() => page.locator('main').textContent()).toContain(`${filledBefore + 1} ammessi su`);
    await expectNoAxeViolations(page, 'questionnaire filled by the office');

    await page.getByRole('button', { name: 'Calcola le coppie' }).click();
    const row = page.locator('main table tbody tr', { hasText: 'Francesca Ricci' });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).not.toContain('nessun alloggio');
    expect(await page.locator('main').textContent()).toMatch(/\d+ coppie, punteggio di compatibilità totale \d+/);

    // The explanation of Francesca's pair: the factors and each person's best alternative.
    await row.getByRole('button', { name: /^Spiega la coppia/ }).click();
    const explanation = page.locator('section[aria-labelledby="explain-title"]');
    await expect.poll(() => explanation.textContent(), { timeout: 15_000 }).toContain('Ritmi quotidiani');
    expect(await explanation.textContent()).toMatch(/Francesca Ricci: (la migliore alternativa sarebbe .+ al costo di \d+ punti|nessun’altra coppia)/);
    await expectNoAxeViolations(page, 'allocation plan with an explanation');

    // Locking a pair that is already optimal changes nothing: the change of total score is 0.
    await row.getByRole('button', { name: /^Blocca la coppia/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Variazione del punteggio totale: 0');
    await expect.poll(() => row.textContent()).toContain('bloccata');

    await page.getByLabel('Giorni per rispondere').fill('7');
    await page.getByRole('button', { name: 'Conferma e invia le offerte' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/\d+ offerte inviate/);
    await expect.poll(() => row.textContent()).toContain('in attesa di risposta');
    await expectNoAxeViolations(page, 'allocation plan confirmed');
    await page.screenshot({ path: screenshotPath('allocation-operator'), fullPage: true });
    await logout(page);

    // The young person reads her offer and accepts it.
    await loginAsDemo(page, 'cittadina@lucca.abitare.demo');
    await page.goto('/allocation/me');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Coabitazione: questionario e offerte');
    await expect.poll(() => page.locator('main').textContent()).toContain('Coabitante proposto');
    await expectNoAxeViolations(page, 'young person offer');
    await page.getByRole('button', { name: 'Accetta l’offerta' }).click();
    await expect.poll(() => page.locator('main article').first().textContent()).toContain('accettata');
    await expectNoAxeViolations(page, 'young person offer accepted');
    await page.screenshot({ path: screenshotPath('allocation-citizen'), fullPage: true });
  });
});
