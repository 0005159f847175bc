// Demo notifications: the demo citizen finds messages behind the bell (her application, the
// ranking, her rent notice) and operators find deliveries in every state on the status page.
import { sql } from 'kysely';
import type { Executor } from '../../src/kernel/db/tenant.js';
import { euro, notify } from '../../src/modules/messages/index.js';

export async function seedDemoNotifications(db: Executor, o: { tenantId: string; citizenUserId: string }): Promise<void> {
  const ctx = { tenantId: o.tenantId };
  const to = { userId: o.citizenUserId };
  const app = await db
    .selectFrom('application as a')
    .innerJoin('call as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.call_id'))
    .select(['a.id', 'a.protocol', 'c.id as callId', 'c.title_it'])
    .where('a.tenant_id', '=', o.tenantId)
    .where('a.user_id', '=', o.citizenUserId)
    .where('a.protocol', 'is not', null)
    .orderBy('a.submitted_at', 'desc')
    .executeTakeFirst();
  const ids: string[] = [];
  if (app) {
    const a = await notify(db, ctx, {
      event: 'application.submitted',
      to,
      params: { protocol: app.protocol as string, callTitle: app.title_it },
      link: `/my/applications/${app.id}`,
      entity: { type: 'application', id: app.id },
    });
    const r = await notify(db, ctx, {
      event: 'ranking.published',
      to,
      params: { callTitle: app.title_it, kind: 'definitiva' },
      link: `/calls/${app.callId}`,
      entity: { type: 'call', id: app.callId },
    });
    ids.push(...[a, r].filter((x): x is string => x !== null));
  }
  const notice = await db
    .selectFrom('payment_notice as n')
    .innerJoin('tenancy_signatory as s', (j) => j.onRef('s.tenant_id', '=', 'n.tenant_id').onRef('s.tenancy_id', '=', 'n.tenancy_id'))
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.person_id'))
    .select(['n.id', 'n.notice_number', 'n.amount_cents', 'n.due_date', 'n.description'])
    .where('n.tenant_id', '=', o.tenantId)
    .where('p.user_id', '=', o.citizenUserId)
    .orderBy('n.due_date', 'desc')
    .executeTakeFirst();
  if (notice) {
    const n = await notify(db, ctx, {
      event: 'rent_notice.issued',
      to,
      params: { period: notice.description, amount: euro(Number(notice.amount_cents)), dueDate: notice.due_date, noticeNumber: notice.notice_number },
      link: '/me/home',
      entity: { type: 'payment_notice', id: notice.id },
    });
    if (n) {
      ids.push(n);
    }
  }
  if (ids.length === 0) {
    return;
  }
  // The older messages went out and were read; the newest waits unread. Emails were delivered;
  // App IO refused one (no IO profile), which operators see as failed.
  const [first, ...rest] = ids;
  await db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('tenant_id', '=', o.tenantId)
    .where('id', '=', first as string)
    .execute();
  await db
    .updateTable('notification_delivery')
    .set({ status: 'sent', attempts: 1, sent_at: sql`now()`, provider_ref: 'demo' })
    .where('tenant_id', '=', o.tenantId)
    .where('notification_id', 'in', ids)
    .where('channel', '=', 'email')
    .execute();
  await db
    .updateTable('notification_delivery')
    .set({ status: 'failed', attempts: 1, last_error: 'App IO: the citizen has no IO profile' })
    .where('tenant_id', '=', o.tenantId)
    .where('notification_id', '=', first as string)
    .where('channel', '=', 'io')
    .execute();
  await db
    .updateTable('notification_delivery')
    .set({ status: 'sent', attempts: 2, sent_at: sql`now()`, provider_ref: 'demo', last_error: null })
    .where('tenant_id', '=', o.tenantId)
    .where('notification_id', 'in', rest.length > 0 ? rest : [first as string])
    .where('channel', '=', 'io')
    .where('status', '=', 'pending')
    .execute();
}
