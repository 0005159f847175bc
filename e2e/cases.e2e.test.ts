import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const doneOf = (text: string | null) => {
  const m = /(\d+) di (\d+)/.exec(text ?? '');
  return m ? { done: Number(m[1]), planned: Number(m[2]) } : null;
};

describe('cases journey', () => {
  it('the Housing First team lead sees a missed-visit alert and logs the weekly visit from a 360 px phone', async () => {
    const { page } = await h.newPage({ viewport: { width: 360, height: 740 } });
    await loginAsDemo(page, 'housing.first@lucca.abitare.demo');

    // The dashboard: this week's visits, retention, and the alerts of visits not logged in time.
    await page.goto('/housing-first');
    await expect.poll(() => page.getByTestId('hf-week').textContent()).toMatch(/\d+ di \d+/);
    await expect.poll(() => page.getByTestId('hf-alerts').textContent()).toContain('visita non registrata');
    expect(await page.getByTestId('hf-alerts').textContent()).toContain('segnalazione');
    await expectNoAxeViolations(page, 'Housing First dashboard (360 px)');

    // Open the participant of the first "not logged" alert: the visit log built for the phone.
    await page.getByTestId('hf-alerts').locator('li', { hasText: 'visita non registrata' }).first().getByRole('link').click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}\/visits$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('visits-total').textContent()).toMatch(/\d+ di \d+/);
    const before = doneOf(await page.getByTestId('visits-total').textContent());
    expect(before).not.toBeNull();
    expect(await page.locator('main').textContent()).toContain('Visite da verificare');
    await expectNoAxeViolations(page, 'visit log (360 px)');
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The overdue visit is preselected; log it as done with observations.
    expect(await page.getByLabel('Visita programmata').inputValue()).not.toBe('');
    await page.getByLabel('Esito').selectOption('done');
    await page.getByLabel('Gestione della casa (pulizia, bollette, cibo, sicurezza, riparazioni)').selectOption('4');
    await page.getByLabel('Condizione psico-emotiva').selectOption('3');
    await page.getByLabel('Condizione fisica').selectOption('4');
    await page.getByLabel('Note libere').fill('Frigo pieno, bollette pagate. Parlato del corso di cucina.');
    await page.getByRole('button', { name: 'Salva la visita' }).click();
    await expect.poll(() => page.locator('.alert-success').textContent()).toContain('Visita registrata');
    await expect.poll(async () => doneOf(await page.getByTestId('visits-total').textContent())?.done).toBe((before?.done ?? 0) + 1);
    expect(await page.getByTestId('visits-this-week').textContent()).toMatch(/\d+ di \d+/);
    expect(await page.getByTestId('visit-history').textContent()).toContain('Frigo pieno');
    await expectNoAxeViolations(page, 'visit log after logging (360 px)');
    await page.screenshot({ path: screenshotPath('cases-visit-log-phone'), fullPage: true });

    // Back on the case: link the participant's Housing First tenancy, whose rent contribution shows.
    await page.getByRole('link', { name: 'Torna al percorso' }).click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('Registra o modifica l’alloggio').click();
    const tenancy = page.getByLabel('Contratto Housing First (alloggio e contributo)');
    await expect.poll(() => tenancy.locator('option').count()).toBeGreaterThan(1);
    await tenancy.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Salva l’alloggio' }).click();
    await expect.poll(() => page.locator('#placement-heading').locator('..').textContent()).toMatch(/€/);
    await expectNoAxeViolations(page, 'case page with the flat (360 px)');
  });

  it('partner staff of Azienda USL see the shared note of a co-housing case but never the team-only one', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'usl@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/cases"]').click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await page.getByLabel('Programma').selectOption('cohousing');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await expect.poll(() => page.locator('main table tbody tr th a').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'case list');
    await page.locator('main table tbody tr th a').first().click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('case-notes').textContent()).toContain('Condivisa con Azienda USL');
    const notes = (await page.getByTestId('case-notes').textContent()) ?? '';
    expect(notes).not.toContain('Riservata al gruppo di lavoro');
    expect(notes).not.toContain('Per gli operatori del programma');
    // Not in the page, and not in the API answer either.
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const api = await page.evaluate(async (caseId) => (await fetch(`/api/v1/cases/${caseId}/notes`)).text(), id);
    expect(api).not.toContain('Riservata al gruppo di lavoro');
    expect(await page.locator('main').textContent()).toContain('Ingresso in casa');
    await expectNoAxeViolations(page, 'case page (partner staff)');

    // The social worker who wrote it reads it.
    const sw = await h.newPage();
    await loginAsDemo(sw.page, 'assistente.sociale@lucca.abitare.demo');
    await sw.page.goto(`/cases/${id}`);
    await expect.poll(() => sw.page.getByTestId('case-notes').textContent()).toContain('Riservata al gruppo di lavoro');
    await expectNoAxeViolations(sw.page, 'case page (social worker)');
    await sw.page.screenshot({ path: screenshotPath('cases-case-page'), fullPage: true });
  });
});
