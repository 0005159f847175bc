import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, loginAsDemo, logout, screenshotPath, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Operates a control from the keyboard: focus, then Enter (links and buttons alike). */
async function press(locator: Locator): Promise<void> {
  await locator.focus();
  await locator.page().keyboard.press('Enter');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

describe('calls journeys', () => {
  it('a citizen applies to the open youth call with the keyboard, step by step, and gets a receipt with a protocol number', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'cittadina@lucca.abitare.demo');
    await press(page.locator('#main-nav a[href="/calls"]'));
    await page.waitForURL((url) => url.pathname === '/calls');
    // Her ERP application of last year, with its position in the final ranking.
    await expect.poll(() => page.getByTestId('my-applications').textContent()).toContain('2025/000001');
    await expectNoAxeViolations(page, 'calls list (citizen)');

    await press(page.locator('main table').getByRole('link', { name: /Abitare collaborativo giovani/ }));
    await page.waitForURL((url) => url.pathname.startsWith('/calls/'));
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Abitare collaborativo giovani');
    await expectNoAxeViolations(page, 'youth call page (citizen)');
    await press(page.getByRole('button', { name: 'Presenta domanda' }));
    await page.waitForURL((url) => url.pathname.startsWith('/my/applications/'));

    // Step 1: household (she lives alone), with the keyboard.
    await expect.poll(() => page.locator('#wizard-step').textContent()).toContain('Passo 1 di 4');
    await expectNoAxeViolations(page, 'apply step 1');
    await page.getByRole('button', { name: 'Salva e continua' }).focus();
    await page.keyboard.press('Enter');
    // Step 2: declarations; focus moves to the step heading.
    await expect.poll(() => page.locator('#wizard-step').textContent()).toContain('Passo 2 di 4');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wizard-step');
    await page.getByLabel('Valore ISEE del nucleo (€)').fill('7800');
    for (const [legend, answer] of [
      ['Proprietà di un alloggio adeguato entro 50 km', 'No'],
      ['Condizione di vulnerabilità (presa in carico dei servizi)', 'Sì'],
      ['Partecipazione al percorso partecipativo', 'Sì'],
    ] as const) {
      await page.getByRole('group', { name: legend }).getByLabel(answer, { exact: true }).focus();
      await page.keyboard.press('Space');
    }
    await expectNoAxeViolations(page, 'apply step 2');
    await press(page.getByRole('button', { name: 'Salva e continua' }));
    // Step 3: documents.
    await expect.poll(() => page.locator('#wizard-step').textContent()).toContain('Passo 3 di 4');
    for (const [id, name] of [
      ['doc-identity', "Documento d'identità"],
      ['doc-isee', 'Attestazione ISEE'],
      ['doc-motivation_letter', 'Lettera motivazionale'],
    ]) {
      await page.locator(`#${id}`).setInputFiles({ name: `${id}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await press(page.getByRole('button', { name: `Carica: ${name}` }));
      await expect.poll(() => page.getByRole('button', { name: `Elimina ${id}.pdf` }).count()).toBe(1);
    }
    await expectNoAxeViolations(page, 'apply step 3');
    await press(page.getByRole('button', { name: 'Continua', exact: true }));
    // Step 4: review, provisional score, submit.
    await expect.poll(() => page.locator('#wizard-step').textContent()).toContain('Passo 4 di 4');
    await expect.poll(() => page.getByTestId('evaluation-score').textContent()).toContain('Punteggio');
    await expectNoAxeViolations(page, 'apply step 4');
    await press(page.getByRole('button', { name: 'Invia la domanda' }));
    await expect.poll(() => page.getByTestId('receipt').textContent()).toMatch(/Numero di protocollo: \d{4}\/\d{6}/);
    const receipt = await page.getByTestId('receipt').textContent();
    const protocol = receipt?.match(/\d{4}\/\d{6}/)?.[0] as string;
    // Her score, criterion by criterion: vulnerability 8 + low ISEE 4 are in the table.
    await expect.poll(() => page.locator('#my-score').count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Vulnerabilità seguita dai servizi');
    await expectNoAxeViolations(page, 'my application after submission');
    await page.screenshot({ path: screenshotPath('calls-citizen-receipt'), fullPage: true });

    // The receipt PDF.
    const pdf = await page.request.get(
      await page
        .getByRole('link', { name: 'Scarica la ricevuta (PDF)' })
        .getAttribute('href')
        .then((x) => x as string),
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).toString('latin1')).toContain(protocol);

    // What-if: a higher ISEE; nothing saved.
    await page.getByLabel('Dichiarazione da cambiare').selectOption({ label: 'Valore ISEE del nucleo (€)' });
    await page.locator('#what-if-value').fill('30000');
    await press(page.getByRole('button', { name: 'Calcola' }));
    await expect.poll(() => page.getByTestId('what-if-result').textContent()).toContain('non avresti i requisiti');
    await logout(page);
  });

  it('an operator reviews the last Dopo di Noi application, publishes the provisional ranking, and the public page shows no personal data', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.locator('#main-nav a[href="/calls"]').click();
    await page.waitForURL((url) => url.pathname === '/calls');
    await expectNoAxeViolations(page, 'calls list (operator)');
    await page
      .locator('main table')
      .getByRole('link', { name: /Dopo di Noi – soluzioni abitative/ })
      .click();
    await page.waitForURL((url) => url.pathname.startsWith('/calls/'));
    await expect.poll(() => page.getByTestId('applications-table').locator('tbody tr').count()).toBe(6);
    await expectNoAxeViolations(page, 'Dopo di Noi call (operator)');
    const submitted = page.getByTestId('applications-table').locator('tbody tr', { hasText: 'Presentata' });
    await expect.poll(() => submitted.count()).toBe(1);
    const applicantName = (await submitted.locator('td').nth(1).textContent()) as string;
    await submitted.getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/applications/'));
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/Domanda \d{4}\/\d{6}/);
    const protocol = ((await page.locator('main h1').textContent()) as string).match(/\d{4}\/\d{6}/)?.[0] as string;
    await expectNoAxeViolations(page, 'application review');
    // Confirm the family-support criterion and admit.
    await page.locator('#outcome-support_ending, #outcome-no_family').first().selectOption('confirmed');
    await page.getByRole('button', { name: "Salva l'istruttoria" }).click();
    await expect.poll(() => page.locator('.alert-success').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Ammetti in graduatoria' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Domanda ammessa.');
    await page.screenshot({ path: screenshotPath('calls-operator-review'), fullPage: true });

    await page.getByRole('link', { name: /← Dopo di Noi/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/calls/'));
    await page.getByRole('button', { name: 'Pubblica la graduatoria provvisoria' }).click();
    await expect.poll(() => page.getByTestId('published-rankings').textContent()).toContain('provvisoria');
    const publicHref = (await page.getByTestId('published-rankings').getByRole('link').first().getAttribute('href')) as string;
    await logout(page);

    // Anyone, not signed in, reads the public ranking.
    const anon = await h.newPage();
    await anon.page.goto(publicHref);
    await expect.poll(() => anon.page.getByTestId('public-ranking').locator('tbody tr').count()).toBeGreaterThan(0);
    const text = (await anon.page.locator('main').textContent()) as string;
    expect(text).toContain(protocol);
    for (const part of applicantName.split(' ')) {
      expect(text).not.toContain(part);
    }
    await expectNoAxeViolations(anon.page, 'public ranking');
    await anon.page.screenshot({ path: screenshotPath('calls-public-ranking'), fullPage: true });
    const csv = await anon.page.request.get(publicHref.replace('/public/', '/api/v1/public/').replace('/ranking?', '/ranking.csv?'));
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(protocol);
  });

  it('an operator creates an ERP call from the preset, sees rule mistakes by path in the JSON editor, and publishes it', async () => {
    const { page } = await h.newPage();
    await loginAsDemo(page, 'ufficio.casa@lucca.abitare.demo');
    await page.goto('/calls/new');
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Nuovo bando');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Modello di partenza').selectOption('erp_toscana');
    await page.getByLabel('Titolo (italiano)').fill('Bando ERP 2026 – aggiornamento della graduatoria');
    await page.getByLabel('Titolo (inglese)').fill('ERP call 2026 – ranking update');
    await page.locator('#call-opens').fill(`${day(0)}T00:00`);
    await page.locator('#call-closes').fill(`${day(60)}T12:00`);
    await page.getByLabel('Posti disponibili (se noti)').fill('40');
    await expectNoAxeViolations(page, 'new call form');
    await page.getByRole('button', { name: 'Crea bando in bozza' }).click();
    await page.waitForURL((url) => /^\/calls\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.locator('main').textContent()).toContain('Bando creato in bozza');
    // The rules in words, with the values to verify flagged.
    expect(await page.locator('main').textContent()).toContain('da verificare');

    await page.getByText('Modifica le regole (JSON)').click();
    const editor = page.locator('#rules-json');
    const rules = JSON.parse((await editor.inputValue()) as string);
    rules.criteria[0].group = 'zz';
    await editor.fill(JSON.stringify(rules, null, 2));
    await page.getByRole('button', { name: 'Salva le regole' }).click();
    await expect.poll(() => page.getByTestId('rules-errors').textContent()).toContain('criteria.0.group');
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'rules editor with errors');
    rules.criteria[0].group = 'a';
    rules.groups[1].cap = 7;
    await editor.fill(JSON.stringify(rules, null, 2));
    await page.getByRole('button', { name: 'Salva le regole' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Regole salvate come versione 2');
    await page.getByRole('button', { name: 'Pubblica il bando' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Regole bloccate');
    expect(await page.locator('main').textContent()).toContain('Aperto');
    await page.screenshot({ path: screenshotPath('calls-operator-new-call'), fullPage: true });
  });
});
