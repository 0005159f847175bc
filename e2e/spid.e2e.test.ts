// A citizen signs in with "SPID" for the first time: the login page shows the button only once
// the ente has a SPID client, the local identity provider (oidc-provider) asks for the codice
// fiscale, the citizen accepts the privacy notice, lands on their page, and the registry person
// with that fiscal code is linked to the new account. Then the bell shows a notification.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '../server/src/kernel/db/tenant.js';
import { notify } from '../server/src/modules/messages/index.js';
import { generateCodiceFiscale } from '../server/src/modules/registry/index.js';
import { buildPerson } from '../server/test/factories.js';
import { type SpidIdp, startSpidIdp } from '../server/test/stand-ins/spid-idp.js';
import { expectNoAxeViolations, type Harness, screenshotPath, startHarness } from './harness.js';

let h: Harness;
let idp: SpidIdp;
beforeAll(async () => {
  h = await startHarness();
  idp = await startSpidIdp({ clientId: 'abitare-e2e', clientSecret: 'abitare-e2e-secret', redirectUris: [`${h.baseUrl}/login/oidc`] });
});
afterAll(async () => {
  await h?.close();
  await idp?.close();
});

describe('SPID login journey', () => {
  it('a citizen logs in with SPID, accepts the privacy notice, lands on their page, linked to their registry record', async () => {
    const db = h.database.db;
    const lucca = await db.selectFrom('ente').select('id').where('slug', '=', 'lucca').executeTakeFirstOrThrow();
    const suffix = randomUUID().replace(/\d/g, '').slice(0, 4).toUpperCase();
    const familyName = `Lenci${suffix}`;
    const cf = generateCodiceFiscale({ familyName, givenName: 'Chiara', birthDate: '1992-06-21', sex: 'F', birthPlaceCode: 'E715' });
    const person = await buildPerson(db, { tenantId: lucca.id, codiceFiscale: cf, givenName: 'Chiara', familyName });

    const { page } = await h.newPage();
    // She opens her page: not signed in, so the login page comes first (and brings her back).
    await page.goto('/me/data');
    await page.waitForURL((url) => url.pathname === '/login');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    // Not configured yet: local login only.
    expect(await page.getByTestId('login-spid').count()).toBe(0);

    await db
      .insertInto('oidc_client')
      .values({ tenant_id: lucca.id, provider: 'spid', issuer: idp.issuer, client_id: 'abitare-e2e', client_secret: 'abitare-e2e-secret' })
      .execute();
    await page.goto('/me/data');
    await page.waitForURL((url) => url.pathname === '/login');
    const spid = page.getByRole('button', { name: 'Entra con SPID' });
    await spid.waitFor();
    await expectNoAxeViolations(page, 'login page with SPID');
    await page.screenshot({ path: screenshotPath('spid-login'), fullPage: true });
    await spid.click();

    // The identity provider's own pages (oidc-provider's development login and confirmation).
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill(cf);
    await page.locator('input[name="password"]').fill('any-password');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === idp.issuer && url.pathname.includes('/interaction/'));
    await page.locator('button[type="submit"]').click();

    // Back home: first login, so the privacy notice comes first.
    await page.waitForURL((url) => url.pathname === '/login/oidc');
    const accept = page.getByLabel("Ho letto l'informativa sul trattamento dei dati personali");
    await accept.waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'privacy notice on first SPID login');
    await page.getByRole('button', { name: 'Crea il mio account e accedi' }).click();
    await expect.poll(() => page.locator('.alert-warning').count()).toBe(1);
    // Bootstrap Italia draws the checkbox on its label.
    await page.locator('label', { hasText: "Ho letto l'informativa" }).click();
    expect(await accept.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Crea il mio account e accedi' }).click();

    await page.waitForURL((url) => url.pathname === '/me/data');
    await expect.poll(() => page.locator('main').textContent()).toContain(cf);
    expect(await page.locator('main').textContent()).toContain(familyName);
    const linked = await db.selectFrom('person').select('user_id').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(linked.user_id).toBeTruthy();
    const account = await db
      .selectFrom('app_user')
      .select(['codice_fiscale', 'privacy_notice_version'])
      .where('id', '=', linked.user_id as string)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ codice_fiscale: cf, privacy_notice_version: '2026-01' });
    await page.screenshot({ path: screenshotPath('spid-landed'), fullPage: true });

    // A message for her: the bell counts it, the notifications page shows it.
    await runInTenant(db, { tenantId: lucca.id, userId: null }, (trx) =>
      notify(trx, { tenantId: lucca.id }, { event: 'arrears.alert', to: { personId: person.id }, params: { amount: '120,00 €' } }),
    );
    await page.reload();
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifiche: 1 da leggere');
    await bell.click();
    await page.waitForURL((url) => url.pathname === '/me/notifications');
    await expect.poll(() => page.getByTestId('notification-list').textContent()).toContain('Canoni non pagati');
    await expectNoAxeViolations(page, 'notifications page');
    await page.getByRole('button', { name: /Segna come letta/ }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifiche: nessuna da leggere');
  });
});
