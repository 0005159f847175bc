import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import type { Permission } from '../../kernel/auth/permissions.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { decodeCursor, PageQuery, toPage } from '../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { type Params, render } from './events.js';
import { DeliveryPage, DeliveryQuery, IdParam, NotificationPage, PreferencesBody, PreferencesOut, UnreadOut } from './schema.js';
import { usableEmail } from './service.js';

const tags = ['messages'];
/** Staff who run a service line see whether their messages reached people. */
const deliveryAccess = { permission: ['admin:audit', 'call:manage', 'tenancy:manage', 'agency:manage'] as Permission[] };

export const messagesRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/notifications',
    access: 'authenticated',
    summary: 'My notifications (in-app channel), newest first, with the unread count',
    tags,
    schema: { querystring: PageQuery, response: { 200: NotificationPage } },
    async handler({ db, ctx, query }) {
      const after = decodeCursor(query.cursor);
      let q = db
        .selectFrom('notification')
        .select(['id', 'event', 'params', 'link', 'created_at', 'read_at'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('user_id', '=', ctx.principal.userId);
      if (after) {
        q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(after.v), after.id)));
      }
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const unread = await countUnread(db, ctx.tenantId, ctx.principal.userId);
      const page = toPage(
        rows,
        query.limit,
        (r) => r.created_at.toISOString(),
        (r) => {
          const t = render(r.event, (r.params ?? {}) as Params, ctx.lang);
          return { id: r.id, event: r.event, subject: t.subject, body: t.body, link: r.link, createdAt: r.created_at, readAt: r.read_at };
        },
      );
      return { ...page, unread };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/notifications/unread',
    access: 'authenticated',
    summary: 'How many of my notifications are unread (the bell in the header)',
    tags,
    schema: { response: { 200: UnreadOut } },
    async handler({ db, ctx }) {
      return { unread: await countUnread(db, ctx.tenantId, ctx.principal.userId) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/notifications/:id/read',
    access: 'authenticated',
    summary: 'Mark one of my notifications as read',
    tags,
    schema: { params: IdParam, response: { 204: z.undefined() } },
    async handler({ db, ctx, params, deps }) {
      const row = await db
        .updateTable('notification')
        .set((eb) => ({ read_at: eb.fn.coalesce('read_at', sql<Date>`${deps.clock.now()}`) }))
        .where('tenant_id', '=', ctx.tenantId)
        .where('user_id', '=', ctx.principal.userId)
        .where('id', '=', params.id)
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        throw notFound();
      }
      await audit(db, ctx, { action: 'notification.read', entityType: 'notification', entityId: params.id });
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/notifications/read-all',
    access: 'authenticated',
    summary: 'Mark all my notifications as read',
    tags,
    schema: { response: { 204: z.undefined() } },
    async handler({ db, ctx, deps }) {
      await db
        .updateTable('notification')
        .set({ read_at: deps.clock.now() })
        .where('tenant_id', '=', ctx.tenantId)
        .where('user_id', '=', ctx.principal.userId)
        .where('read_at', 'is', null)
        .execute();
      await audit(db, ctx, { action: 'notification.read_all' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/notification-preferences',
    access: 'authenticated',
    summary: 'The channels I receive messages on (in-app always; email and App IO by choice)',
    tags,
    schema: { response: { 200: PreferencesOut } },
    async handler({ db, ctx }) {
      return preferences(db, ctx.tenantId, ctx.principal.userId);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/me/notification-preferences',
    access: 'authenticated',
    summary: 'Choose my channels: email and App IO (in-app is always on)',
    tags,
    schema: { body: PreferencesBody, response: { 200: PreferencesOut } },
    async handler({ db, ctx, body, deps }) {
      const current = await preferences(db, ctx.tenantId, ctx.principal.userId);
      if (body.email && !current.emailAddress) {
        throw new AppError(400, 'notification.channel_unavailable', [{ field: 'email', in: 'body', code: 'notification.channel_unavailable' }]);
      }
      if (body.io && !current.ioAvailable) {
        throw new AppError(400, 'notification.channel_unavailable', [{ field: 'io', in: 'body', code: 'notification.channel_unavailable' }]);
      }
      const now = deps.clock.now();
      await db
        .insertInto('notification_preference')
        .values({ tenant_id: ctx.tenantId, user_id: ctx.principal.userId, email: body.email, io: body.io, updated_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ email: body.email, io: body.io, updated_at: now }))
        .execute();
      await audit(db, ctx, { action: 'notification.preferences_changed', entityType: 'app_user', entityId: ctx.principal.userId, details: body });
      return preferences(db, ctx.tenantId, ctx.principal.userId);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/notifications/deliveries',
    access: deliveryAccess,
    summary: 'Delivery status of email and App IO messages of the ente (newest first), with counts by status',
    tags,
    schema: { querystring: DeliveryQuery, response: { 200: DeliveryPage } },
    async handler({ db, ctx, query }) {
      const after = decodeCursor(query.cursor);
      let q = db
        .selectFrom('notification_delivery as d')
        .innerJoin('notification as n', (j) => j.onRef('n.tenant_id', '=', 'd.tenant_id').onRef('n.id', '=', 'd.notification_id'))
        .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.user_id'))
        .select([
          'd.id',
          'n.event',
          'u.full_name as recipient',
          'd.channel',
          'd.status',
          'd.attempts',
          'd.next_attempt_at',
          'd.last_error',
          'd.sent_at',
          'd.created_at',
        ])
        .where('d.tenant_id', '=', ctx.tenantId);
      if (query.status) {
        q = q.where('d.status', '=', query.status);
      }
      if (after) {
        q = q.where((eb) => eb(eb.refTuple('d.created_at', 'd.id'), '<', eb.tuple(new Date(after.v), after.id)));
      }
      const rows = await q
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const counts = await db
        .selectFrom('notification_delivery')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tenant_id', '=', ctx.tenantId)
        .groupBy('status')
        .execute();
      const summary = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const c of counts) {
        summary[c.status as keyof typeof summary] = Number(c.n);
      }
      const page = toPage(
        rows,
        query.limit,
        (r) => r.created_at.toISOString(),
        (r) => ({
          id: r.id,
          event: r.event,
          recipient: r.recipient,
          channel: r.channel as 'email' | 'io',
          status: r.status as 'pending',
          attempts: r.attempts,
          nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
          lastError: r.last_error,
          sentAt: r.sent_at,
          createdAt: r.created_at,
        }),
      );
      return { ...page, summary };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/notifications/deliveries/:id/retry',
    access: deliveryAccess,
    summary: 'Send a failed delivery again now (after fixing its cause)',
    tags,
    schema: { params: IdParam, response: { 204: z.undefined() } },
    async handler({ db, ctx, params, deps }) {
      const now = deps.clock.now();
      const row = await db
        .updateTable('notification_delivery')
        .set({ status: 'pending', next_attempt_at: null, attempts: 0, updated_at: now })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .where('status', '=', 'failed')
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        throw notFound();
      }
      await audit(db, ctx, { action: 'notification.delivery_retried', entityType: 'notification_delivery', entityId: params.id });
      return undefined;
    },
  }),
];

async function countUnread(db: Parameters<typeof preferences>[0], tenantId: string, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function preferences(db: import('../../kernel/db/tenant.js').Executor, tenantId: string, userId: string) {
  const r = await db
    .selectFrom('app_user as u')
    .leftJoin('notification_preference as np', (j) => j.onRef('np.tenant_id', '=', 'u.tenant_id').onRef('np.user_id', '=', 'u.id'))
    .select((eb) => [
      'u.email',
      'np.email as prefEmail',
      'np.io as prefIo',
      eb.fn
        .coalesce(
          'u.codice_fiscale',
          eb.selectFrom('person as p').select('p.codice_fiscale').whereRef('p.tenant_id', '=', 'u.tenant_id').whereRef('p.user_id', '=', 'u.id').limit(1),
        )
        .as('cf'),
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const emailAddress = usableEmail(r.email);
  const ioAvailable = r.cf !== null;
  return {
    inApp: true as const,
    email: emailAddress !== null && (r.prefEmail ?? true),
    io: ioAvailable && (r.prefIo ?? true),
    emailAddress,
    ioAvailable,
  };
}
