import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const CITIZEN = 'cittadina@lucca.abitare.demo';
const OPERATOR = 'agenzia@lucca.abitare.demo';
const LANDLORD = 'proprietario@lucca.abitare.demo';
const romeDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const romeTime = (iso: string) => new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

describe('Social Housing Agency journey', () => {
  it('a citizen books a counter appointment with the keyboard; the operator sees it in the day agenda and records a listing above the agreed range', async () => {
    // --- the citizen, keyboard only ---
    const { page } = await h.newPage();
    await loginAsDemo(page, CITIZEN);
    await page.locator('#main-nav a[href="/book/lucca"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/book/lucca');
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Prenota un appuntamento');
    await expect.poll(() => page.locator('input[name="booking-time"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'booking page');

    // The GVAI desk (Via del Fosso 170), the first free day, the second free time of that day.
    await page.locator('#place-gvai-via-del-fosso').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#place-gvai-via-del-fosso').isChecked()).toBe(true);
    await expect.poll(() => page.locator('input[name="booking-time"]').count()).toBeGreaterThan(1);
    await page.locator('input[name="booking-time"]').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    const chosen = await page.locator('input[name="booking-time"]:checked').getAttribute('value');
    expect(chosen).toBeTruthy();
    expect(await page.locator('#booking-name').inputValue()).toBe('Francesca Ricci');
    await page.locator('#booking-phone').focus();
    await page.keyboard.type('333 1234567');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('booking-done').textContent()).toContain('Appuntamento confermato');
    expect(await page.getByTestId('booking-done').textContent()).toContain(romeTime(chosen as string));
    expect(await page.getByRole('link', { name: 'Aggiungi al calendario (.ics)' }).getAttribute('href')).toContain('/ics?token=');
    await expectNoAxeViolations(page, 'booking confirmation');
    await page.screenshot({ path: screenshotPath('agency-booking-done'), fullPage: true });
    const mine = await page.request.get('/api/v1/agency/me/appointments');
    const appointment = ((await mine.json()) as { items: { startsAt: string; placeName: string }[] }).items.find(
      (a) => a.startsAt === new Date(chosen as string).toISOString(),
    );
    expect(appointment?.placeName).toBe('Punto informativo GVAI');

    // --- the operator's day agenda ---
    const op = (await h.newPage()).page;
    await loginAsDemo(op, OPERATOR);
    await op.goto('/agency/agenda');
    await op.locator('#agenda-day').fill(romeDay(chosen as string));
    await expect.poll(() => op.getByTestId('agenda-table').locator('tbody tr', { hasText: 'Francesca Ricci' }).count()).toBe(1);
    const row = await op.getByTestId('agenda-table').locator('tbody tr', { hasText: 'Francesca Ricci' }).textContent();
    expect(row).toContain(romeTime(chosen as string));
    expect(row).toContain('Punto informativo GVAI');
    expect(row).toContain('333 1234567');
    await expectNoAxeViolations(op, 'agency agenda');
    await op.screenshot({ path: screenshotPath('agency-agenda'), fullPage: true });

    // --- a listing whose asked rent is above the agreed range ---
    await op.goto('/agency/listings/new');
    await expect.poll(() => op.locator('#listing-landlord option').count()).toBeGreaterThan(5);
    await op.locator('#listing-landlord').selectOption({ label: (await op.locator('#listing-landlord option').nth(1).textContent()) ?? '' });
    await op.locator('#listing-title').fill('Bilocale in via del Moro');
    await op.locator('#listing-address').fill('via del Moro 14');
    await op.locator('#listing-neighbourhood').fill('Centro storico');
    await expect.poll(() => op.locator('#listing-zone').inputValue()).toBe('A');
    await op.locator('#listing-surface').fill('50');
    await op.locator('#listing-rooms').fill('2');
    await op.locator('#listing-bedrooms').fill('1');
    await op.locator('#listing-el-lift').focus();
    await op.keyboard.press('Space');
    await op.locator('#listing-rent').fill('1500');
    await op.locator('#listing-available').fill('2027-01-15');
    await expect.poll(() => op.getByTestId('range-preview').textContent()).toContain('supera il massimo');
    await expectNoAxeViolations(op, 'new listing form with the range warning');
    await op.getByRole('button', { name: "Registra l'annuncio" }).click();
    await op.waitForURL((url) => /^\/agency\/listings\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => op.locator('main h1').textContent()).toBe('Bilocale in via del Moro');
    expect(await op.getByTestId('range-box').textContent()).toContain('supera il massimo della fascia');
    await expectNoAxeViolations(op, 'listing page above the range');
    await op.screenshot({ path: screenshotPath('agency-listing-above-range'), fullPage: true });
    await op.goto('/agency');
    await expect
      .poll(() => op.getByTestId('listing-table').locator('tbody tr', { hasText: 'Bilocale in via del Moro' }).textContent())
      .toContain('Sopra la fascia');
    await expectNoAxeViolations(op, 'agency listings');
  });

  it('an operator records a signed contract on an agreed proposal', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, OPERATOR);
    await page.goto('/agency/proposals');
    const card = page
      .getByTestId('proposal-card')
      .filter({ has: page.getByTestId('proposal-stage').getByText('Accordo raggiunto', { exact: true }) })
      .first();
    await expect.poll(() => card.count()).toBe(1);
    const id = ((await card.getAttribute('aria-labelledby')) ?? '').replace('proposal-', '');
    await expectNoAxeViolations(page, 'proposals board');
    await card.locator(`#sign-signed-${id}`).fill('2026-11-20');
    await card.locator(`#sign-start-${id}`).fill('2026-12-01');
    await card.locator(`#sign-end-${id}`).fill('2029-11-30');
    await card.getByRole('button', { name: 'Registra il contratto firmato' }).click();
    await expect
      .poll(async () =>
        ((await (await page.request.get('/api/v1/agency/proposals?stage=signed')).json()) as { items: { id: string }[] }).items.some((p) => p.id === id),
      )
      .toBe(true);
    const signed = (await (await page.request.get('/api/v1/agency/proposals?stage=signed')).json()) as {
      items: { id: string; contract: { signedOn: string; endOn: string } }[];
    };
    expect(signed.items.find((p) => p.id === id)?.contract).toMatchObject({ signedOn: '2026-11-20', endOn: '2029-11-30' });
  });

  it('the landlord sees their flats, the proposals without names and the registered contract', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, LANDLORD);
    await page.locator('#main-nav a[href="/landlord"]').click();
    await expect.poll(() => page.getByTestId('own-listing').count()).toBe(3);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Sopra la fascia');
    expect(text).toContain('Contratto firmato il');
    expect(text).toContain('Fondo di garanzia contro la morosità');
    await expectNoAxeViolations(page, 'landlord portal');
    expect((await page.request.get('/api/v1/agency/seekers')).status()).toBe(403);
  });
});
