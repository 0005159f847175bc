import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildPerson, buildUser } from '../../../test/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { type IoStandIn, startIoStandIn } from '../../../test/stand-ins/app-io.js';
import { type SmtpStandIn, startSmtpStandIn } from '../../../test/stand-ins/smtp.js';
import { runInTenant } from '../../kernel/db/tenant.js';
import { generateCodiceFiscale } from '../registry/index.js';
import { type Channels, deliverDue, ioChannel, notify, smtpChannel } from './index.js';

let t: TestApp;
let smtp: SmtpStandIn;
let io: IoStandIn;
let channels: Channels;
beforeAll(async () => {
  [t, smtp, io] = await Promise.all([createTestApp(), startSmtpStandIn(), startIoStandIn()]);
  channels = { email: smtpChannel(smtp.url, 'Comune <noreply@comune.example>'), io: ioChannel(io.url, io.apiKey) };
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await io?.close();
});

const MINUTE = 60_000;
let n = 0;

/** A citizen with an email address and a registry person (codice fiscale) with an IO profile. */
async function citizen(o: { locale?: 'it' | 'en'; ioProfile?: boolean } = {}) {
  const ente = await buildEnte(t.database.db, { name: `Comune di Prova ${++n}` });
  const user = await buildUser(t.database.db, {
    tenantId: ente.id,
    roles: [{ role: 'citizen' }],
    fullName: 'Giulia Neri',
    email: `giulia.${n}.${Date.now()}@example.org`,
  });
  const cf = generateCodiceFiscale({
    familyName: 'Neri',
    givenName: 'Giulia',
    birthDate: `1990-02-${String(n + 1).padStart(2, '0')}`,
    sex: 'F',
    birthPlaceCode: 'E715',
  });
  const person = await buildPerson(t.database.db, { tenantId: ente.id, codiceFiscale: cf, userId: user.id, givenName: 'Giulia', familyName: 'Neri' });
  if (o.locale) {
    await t.database.db.updateTable('app_user').set({ locale: o.locale }).where('id', '=', user.id).execute();
  }
  if (o.ioProfile !== false) {
    io.profiles.set(cf, { sender_allowed: true });
  }
  return { ente, user, cf, person };
}

function send(tenantId: string, input: Parameters<typeof notify>[2]) {
  return runInTenant(t.database.db, { tenantId, userId: null }, (trx) => notify(trx, { tenantId }, input));
}

const deliveries = (tenantId: string) =>
  t.database.db.selectFrom('notification_delivery').selectAll().where('tenant_id', '=', tenantId).orderBy('channel').execute();

describe('notify and deliver', () => {
  it('writes the in-app message and the outbox in the caller’s transaction; a rollback leaves nothing', async () => {
    const { ente, user } = await citizen();
    await expect(
      runInTenant(t.database.db, { tenantId: ente.id, userId: null }, async (trx) => {
        await notify(trx, { tenantId: ente.id }, { event: 'application.submitted', to: { userId: user.id }, params: { protocol: 'X', callTitle: 'Y' } });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await t.database.db.selectFrom('notification').select('id').where('tenant_id', '=', ente.id).execute()).toEqual([]);
    expect(await deliveries(ente.id)).toEqual([]);
  });

  it('sends a real email (text and HTML, in the citizen’s language) and an App IO message by fiscal code', async () => {
    const { ente, user, cf, person } = await citizen({ locale: 'en' });
    const id = await send(ente.id, {
      event: 'rent_notice.issued',
      to: { personId: person.id },
      params: { period: 'November 2026', amount: '€ 182,40', dueDate: '2026-12-16', noticeNumber: '301000000000012345' },
      link: '/me/tenancy',
      entity: { type: 'payment_notice', id: 'n-1' },
    });
    expect(id).toBeTruthy();
    expect((await deliveries(ente.id)).map((d) => [d.channel, d.status, d.address])).toEqual([
      ['email', 'pending', user.email],
      ['io', 'pending', cf],
    ]);
    const before = smtp.received.length;
    const r = await deliverDue(t.database.db, channels, t.clock, { publicOrigin: 'https://abitare.example' });
    expect(r.sent).toBeGreaterThanOrEqual(2);
    const mail = smtp.received.slice(before).find((m) => m.to.includes(user.email));
    expect(mail).toBeDefined();
    expect(mail?.from).toBe('noreply@comune.example');
    expect(mail?.subject).toBe('Rent payment notice: November 2026');
    expect(mail?.headers['content-type']).toMatch(/multipart\/alternative/);
    expect(mail?.text).toContain('The pagoPA notice for the rent of November 2026 is available: € 182,40, due by 2026-12-16.');
    expect(mail?.text).toContain('https://abitare.example/me/tenancy');
    expect(mail?.text).toContain(ente.name);
    expect(mail?.html).toContain('<h1');
    expect(mail?.html).toContain('href="https://abitare.example/me/tenancy"');
    const ioMsg = io.messages.find((m) => m.fiscal_code === cf);
    expect(ioMsg?.content.subject).toBe('Rent payment notice: November 2026');
    expect(ioMsg?.content.markdown.length).toBeGreaterThanOrEqual(80);
    expect(ioMsg?.content.due_date).toBe('2026-12-16T23:59:59.000Z');
    const rows = await deliveries(ente.id);
    expect(rows.map((d) => d.status)).toEqual(['sent', 'sent']);
    expect(rows[1]?.provider_ref).toBe(ioMsg?.id);
  });

  it('is idempotent per event: the same key twice makes one notification', async () => {
    const { ente, user } = await citizen();
    const input = {
      event: 'application.submitted' as const,
      to: { userId: user.id },
      params: { protocol: 'P-1', callTitle: 'Bando' },
      entity: { type: 'application', id: 'a-1' },
    };
    expect(await send(ente.id, input)).toBeTruthy();
    expect(await send(ente.id, input)).toBeNull();
    expect(await t.database.db.selectFrom('notification').select('id').where('tenant_id', '=', ente.id).execute()).toHaveLength(1);
  });

  it('retries a failed delivery with exponential backoff, and never loses it', async () => {
    const { ente, user } = await citizen({ ioProfile: false });
    await send(ente.id, { event: 'arrears.alert', to: { userId: user.id }, params: { amount: '€ 540,00' } });
    smtp.failNext(2, user.email);
    const email = async () => (await deliveries(ente.id)).find((d) => d.channel === 'email');
    await deliverDue(t.database.db, channels, t.clock);
    let d = await email();
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d?.last_error).toMatch(/451/);
    expect(d?.next_attempt_at?.getTime()).toBe(t.clock.now().getTime() + 30_000);
    // Not due yet: nothing happens.
    await deliverDue(t.database.db, channels, t.clock);
    expect((await email())?.attempts).toBe(1);
    t.clock.advance(30_000);
    await deliverDue(t.database.db, channels, t.clock);
    d = await email();
    expect(d).toMatchObject({ status: 'pending', attempts: 2 });
    expect(d?.next_attempt_at?.getTime()).toBe(t.clock.now().getTime() + 60_000);
    t.clock.advance(60_000);
    await deliverDue(t.database.db, channels, t.clock);
    expect(await email()).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(smtp.received.filter((m) => m.to.includes(user.email))).toHaveLength(1);
    // No IO profile: a permanent failure, kept as failed for an operator (not retried blindly).
    const ioRow = (await deliveries(ente.id)).find((x) => x.channel === 'io');
    expect(ioRow).toMatchObject({ status: 'failed', attempts: 1 });
    expect(ioRow?.last_error).toMatch(/no IO profile/);
  });

  it('sends nothing twice after a crash between send and mark: the lease expires and the same idempotency key goes out', async () => {
    const { ente, user, cf } = await citizen();
    await send(ente.id, { event: 'application.submitted', to: { userId: user.id }, params: { protocol: '2026/000123', callTitle: 'ERP 2026' } });
    const ioBefore = io.messages.length;
    const requestsBefore = io.requests;
    await expect(
      deliverDue(t.database.db, channels, t.clock, {
        afterSend: () => {
          throw new Error('process killed');
        },
      }),
    ).rejects.toThrow('process killed');
    const stuck = await deliveries(ente.id);
    expect(stuck.some((d) => d.status === 'sending')).toBe(true);
    // Another pass before the lease ends leaves it alone; after it, the delivery is taken again.
    await deliverDue(t.database.db, channels, t.clock);
    t.clock.advance(6 * MINUTE);
    await deliverDue(t.database.db, channels, t.clock);
    await deliverDue(t.database.db, channels, t.clock);
    expect((await deliveries(ente.id)).map((d) => d.status)).toEqual(['sent', 'sent']);
    // App IO got the message once per idempotency key; the mailbox shows one email (same Message-ID).
    expect(io.messages.slice(ioBefore).filter((m) => m.fiscal_code === cf)).toHaveLength(1);
    expect(io.requests - requestsBefore).toBeGreaterThanOrEqual(1);
    const mails = smtp.received.filter((m) => m.to.includes(user.email));
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
    expect(smtp.mailbox().filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });

  it('retries App IO on 429, and follows the citizen’s channel choice', async () => {
    const { ente, user, cf } = await citizen();
    const c = await loginAs(t.app, user);
    const prefs = await c.get('/api/v1/me/notification-preferences');
    expect(prefs.json()).toEqual({ inApp: true, email: true, io: true, emailAddress: user.email, ioAvailable: true });
    const put = await c.request({ method: 'PUT', url: '/api/v1/me/notification-preferences', payload: { email: false, io: true } });
    expect(put.json()).toMatchObject({ email: false, io: true });
    await send(ente.id, { event: 'ranking.published', to: { userId: user.id }, params: { callTitle: 'Bando giovani', kind: 'provvisoria' } });
    expect((await deliveries(ente.id)).map((d) => d.channel)).toEqual(['io']);
    io.failNext(429, 1);
    await deliverDue(t.database.db, channels, t.clock);
    expect((await deliveries(ente.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    t.clock.advance(MINUTE);
    await deliverDue(t.database.db, channels, t.clock);
    expect((await deliveries(ente.id))[0]).toMatchObject({ status: 'sent' });
    expect(io.messages.filter((m) => m.fiscal_code === cf).at(-1)?.content.subject).toBe('Pubblicata la graduatoria: Bando giovani');
  });
});

describe('in-app notifications and delivery status', () => {
  it('lists my notifications in my language with the unread count, and marks them read', async () => {
    const { ente, user } = await citizen();
    const other = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'citizen' }] });
    await send(ente.id, { event: 'application.submitted', to: { userId: user.id }, params: { protocol: 'P-9', callTitle: 'ERP' }, link: '/me/applications' });
    await send(ente.id, { event: 'arrears.alert', to: { userId: user.id }, params: { amount: '€ 10,00' } });
    await send(ente.id, { event: 'arrears.alert', to: { userId: other.id }, params: { amount: '€ 99,00' } });
    const c = await loginAs(t.app, user);
    expect((await c.get('/api/v1/me/notifications/unread')).json()).toEqual({ unread: 2 });
    const list = await c.request({ method: 'GET', url: '/api/v1/me/notifications', headers: { 'accept-language': 'en' } });
    expect(
      list
        .json()
        .items.map((i: { subject: string }) => i.subject)
        .sort(),
    ).toEqual(['Application submitted: P-9', 'Unpaid rent']);
    const first = list.json().items.find((i: { event: string }) => i.event === 'application.submitted');
    expect(first.link).toBe('/me/applications');
    expect((await c.post(`/api/v1/me/notifications/${first.id}/read`)).statusCode).toBe(204);
    expect((await c.get('/api/v1/me/notifications/unread')).json()).toEqual({ unread: 1 });
    // Someone else's notification is not mine to read.
    const theirs = await t.database.db.selectFrom('notification').select('id').where('user_id', '=', other.id).executeTakeFirstOrThrow();
    expect((await c.post(`/api/v1/me/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await c.post('/api/v1/me/notifications/read-all')).statusCode).toBe(204);
    expect((await c.get('/api/v1/me/notifications/unread')).json()).toEqual({ unread: 0 });
  });

  it('shows operators the delivery status, lets them retry a failed one; citizens may not', async () => {
    const { ente, user } = await citizen({ ioProfile: false });
    await send(ente.id, { event: 'arrears.alert', to: { userId: user.id }, params: { amount: '€ 1,00' } });
    await deliverDue(t.database.db, channels, t.clock);
    const operator = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'housing_operator' }] });
    const c = await loginAs(t.app, operator);
    const res = await c.get('/api/v1/notifications/deliveries?status=failed');
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ failed: 1, sent: 1 });
    const failed = res.json().items[0];
    expect(failed).toMatchObject({ channel: 'io', status: 'failed', recipient: 'Giulia Neri', event: 'arrears.alert' });
    io.profiles.set((await t.database.db.selectFrom('notification_delivery').select('address').where('id', '=', failed.id).executeTakeFirstOrThrow()).address, {
      sender_allowed: true,
    });
    expect((await c.post(`/api/v1/notifications/deliveries/${failed.id}/retry`)).statusCode).toBe(204);
    await deliverDue(t.database.db, channels, t.clock);
    expect((await c.get('/api/v1/notifications/deliveries')).json().summary).toMatchObject({ failed: 0, sent: 2 });
    const citizenClient = await loginAs(t.app, user);
    expect((await citizenClient.get('/api/v1/notifications/deliveries')).statusCode).toBe(403);
    // Another ente's operator sees none of it.
    const elsewhere = await buildUser(t.database.db, { roles: [{ role: 'housing_operator' }] });
    expect((await (await loginAs(t.app, elsewhere)).get('/api/v1/notifications/deliveries')).json().items).toEqual([]);
  });
});
