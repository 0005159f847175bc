import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/tenant.js';
import type { NotificationEvent, Params } from './events.js';

/** Who receives a notification: an account, or the registry person (through their linked account). */
export type Recipient = { userId: string } | { personId: string };

export interface NotifyInput {
  event: NotificationEvent;
  to: Recipient;
  params?: Params;
  /** A path of the web UI the message points to (e.g. `/me/applications/…`). */
  link?: string;
  entity?: { type: string; id: string };
  /**
   * Makes the notification happen once per key and recipient, however often the event is replayed
   * (a retried request, a re-run job). Defaults to event + entity.
   */
  key?: string;
}

/** Addresses for the external channels: an email that is not a placeholder, a codice fiscale for App IO. */
export function usableEmail(email: string | null | undefined): string | null {
  return email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) && !email.endsWith('.invalid') ? email : null;
}

/**
 * Records a notification in the caller's transaction: the in-app message and one outbox delivery
 * per external channel the recipient accepts (email, App IO). If the transaction rolls back, no
 * message exists; once it commits, the delivery job sends it (retries, backoff, never twice).
 * Returns the notification id, or null when the recipient has no account or the key was used.
 */
export async function notify(trx: Executor, ctx: { tenantId: string }, input: NotifyInput): Promise<string | null> {
  const recipient = await resolveRecipient(trx, ctx.tenantId, input.to);
  if (!recipient) {
    return null;
  }
  const key = `${input.key ?? `${input.event}:${input.entity ? `${input.entity.type}:${input.entity.id}` : ''}`}:${recipient.userId}`;
  const row = await trx
    .insertInto('notification')
    .values({
      tenant_id: ctx.tenantId,
      user_id: recipient.userId,
      event: input.event,
      params: JSON.stringify(input.params ?? {}) as never,
      link: input.link ?? null,
      entity_type: input.entity?.type ?? null,
      entity_id: input.entity?.id ?? null,
      idempotency_key: key,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  const deliveries: { channel: 'email' | 'io'; address: string }[] = [];
  if (recipient.wantsEmail && recipient.email) {
    deliveries.push({ channel: 'email', address: recipient.email });
  }
  if (recipient.wantsIo && recipient.codiceFiscale) {
    deliveries.push({ channel: 'io', address: recipient.codiceFiscale });
  }
  if (deliveries.length > 0) {
    await trx
      .insertInto('notification_delivery')
      .values(deliveries.map((d) => ({ tenant_id: ctx.tenantId, notification_id: row.id, channel: d.channel, address: d.address })))
      .execute();
  }
  return row.id;
}

async function resolveRecipient(db: Executor, tenantId: string, to: Recipient) {
  let q = db
    .selectFrom('app_user as u')
    .leftJoin('notification_preference as np', (j) => j.onRef('np.tenant_id', '=', 'u.tenant_id').onRef('np.user_id', '=', 'u.id'))
    .select((eb) => [
      'u.id as userId',
      'u.email',
      'np.email as prefEmail',
      'np.io as prefIo',
      eb.fn
        .coalesce(
          'u.codice_fiscale',
          eb
            .selectFrom('person as p')
            .select('p.codice_fiscale')
            .whereRef('p.tenant_id', '=', 'u.tenant_id')
            .whereRef('p.user_id', '=', 'u.id')
            .where('p.merged_into', 'is', null)
            .limit(1),
        )
        .as('codiceFiscale'),
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.active', '=', true);
  if ('userId' in to) {
    q = q.where('u.id', '=', to.userId);
  } else {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('person as p2')
          .select(sql`1`.as('one'))
          .whereRef('p2.tenant_id', '=', 'u.tenant_id')
          .whereRef('p2.user_id', '=', 'u.id')
          .where('p2.id', '=', to.personId),
      ),
    );
  }
  const r = await q.executeTakeFirst();
  if (!r) {
    return null;
  }
  return {
    userId: r.userId,
    email: usableEmail(r.email),
    codiceFiscale: r.codiceFiscale,
    wantsEmail: r.prefEmail ?? true,
    wantsIo: r.prefIo ?? true,
  };
}

const euroFormat = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' });

/** Cents as the amount a message shows (`182,40 €`). */
export function euro(cents: number): string {
  return euroFormat.format(cents / 100);
}

/** The same event to several registry people (e.g. every tenant of a contract); one message each. */
export async function notifyPeople(
  trx: Executor,
  ctx: { tenantId: string },
  personIds: readonly (string | null)[],
  input: Omit<NotifyInput, 'to'>,
): Promise<void> {
  for (const personId of new Set(personIds)) {
    if (personId) {
      await notify(trx, ctx, { ...input, to: { personId } });
    }
  }
}
