// The delivery job: claims due outbox deliveries (FOR UPDATE SKIP LOCKED, so several workers never
// take the same one), sends each outside any transaction, and marks it. A claim is a lease: if
// the process dies between send and mark, the lease expires and the delivery is sent again with
// the same idempotency key. Failures are retried with exponential backoff; after the last
// attempt the delivery stays visible as `failed` for an operator to retry: nothing is dropped.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/types.js';
import type { Lang } from '../../kernel/i18n/messages.js';
import type { Clock } from '../../kernel/time.js';
import { type Channels, PermanentDeliveryError } from './channels.js';
import { type Params, render, renderEmail, renderIo } from './events.js';

export interface WorkerOptions {
  batch?: number;
  leaseMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Origin for links in emails (PUBLIC_ORIGIN). */
  publicOrigin?: string | undefined;
  /** Tests: runs after a send and before its mark (simulates a crash there by throwing). */
  afterSend?: (deliveryId: string) => void;
}

const DEFAULTS = { batch: 20, leaseMs: 5 * 60_000, maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 6 * 3_600_000 };

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min, … capped at 6 h. */
export function backoffMs(attempts: number, base = DEFAULTS.baseDelayMs, max = DEFAULTS.maxDelayMs): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

interface Claimed {
  tenant_id: string;
  id: string;
  channel: string;
  address: string;
  attempts: number;
}

async function claim(db: Kysely<DB>, now: Date, batch: number, leaseMs: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const res = await sql<Claimed>`
    UPDATE notification_delivery d
       SET status = 'sending', attempts = d.attempts + 1, lease_until = ${leaseUntil}, updated_at = ${now}
      FROM (SELECT tenant_id, id FROM notification_delivery
             WHERE (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now}))
                OR (status = 'sending' AND lease_until <= ${now})
             ORDER BY next_attempt_at NULLS FIRST
             LIMIT ${batch}
             FOR UPDATE SKIP LOCKED) due
     WHERE d.tenant_id = due.tenant_id AND d.id = due.id
 RETURNING d.tenant_id, d.id, d.channel, d.address, d.attempts`.execute(db);
  return res.rows;
}

function content(db: Kysely<DB>, d: Claimed) {
  return db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', (j) => j.onRef('n.tenant_id', '=', 'd.tenant_id').onRef('n.id', '=', 'd.notification_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.user_id'))
    .innerJoin('ente as e', 'e.id', 'd.tenant_id')
    .select(['n.event', 'n.params', 'n.link', 'u.locale', 'e.name as enteName'])
    .where('d.tenant_id', '=', d.tenant_id)
    .where('d.id', '=', d.id)
    .executeTakeFirstOrThrow();
}

async function send(db: Kysely<DB>, channels: Channels, d: Claimed, publicOrigin: string | undefined): Promise<string> {
  const c = await content(db, d);
  const lang = (c.locale === 'en' ? 'en' : 'it') as Lang;
  const rendered = render(c.event, (c.params ?? {}) as Params, lang);
  if (d.channel === 'email') {
    if (!channels.email) {
      throw new Error('email channel not configured (SMTP_URL)');
    }
    const link = c.link && publicOrigin ? `${publicOrigin.replace(/\/$/, '')}${c.link}` : null;
    return (await channels.email.send(d.address, renderEmail(rendered, lang, c.enteName, link), d.id)).ref;
  }
  if (!channels.io) {
    throw new Error('App IO channel not configured (IO_API_URL, IO_API_KEY)');
  }
  const io = renderIo(rendered, lang, c.enteName);
  const dueDate = (c.params as Params | null)?.dueDate;
  return (
    await channels.io.send(
      { fiscalCode: d.address, ...io, ...(typeof dueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? { dueDate: `${dueDate}T23:59:59.000Z` } : {}) },
      d.id,
    )
  ).ref;
}

export interface RunResult {
  sent: number;
  retried: number;
  failed: number;
}

/** One pass of the job: sends what is due now. Tests call it directly with their clock. */
export async function deliverDue(db: Kysely<DB>, channels: Channels, clock: Clock, options: WorkerOptions = {}): Promise<RunResult> {
  const o = { ...DEFAULTS, ...options };
  const result: RunResult = { sent: 0, retried: 0, failed: 0 };
  const claimed = await claim(db, clock.now(), o.batch, o.leaseMs);
  for (const d of claimed) {
    let ref: string;
    try {
      ref = await send(db, channels, d, o.publicOrigin);
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const final = err instanceof PermanentDeliveryError || d.attempts >= o.maxAttempts;
      const now = clock.now();
      await db
        .updateTable('notification_delivery')
        .set({
          status: final ? 'failed' : 'pending',
          last_error: message,
          lease_until: null,
          next_attempt_at: new Date(now.getTime() + backoffMs(d.attempts, o.baseDelayMs, o.maxDelayMs)),
          updated_at: now,
        })
        .where('tenant_id', '=', d.tenant_id)
        .where('id', '=', d.id)
        .where('attempts', '=', d.attempts)
        .execute();
      if (final) {
        result.failed++;
      } else {
        result.retried++;
      }
      continue;
    }
    o.afterSend?.(d.id);
    const now = clock.now();
    // Fenced by the attempt number: a worker whose lease was taken over does not overwrite.
    await db
      .updateTable('notification_delivery')
      .set({ status: 'sent', sent_at: now, provider_ref: ref.slice(0, 200), lease_until: null, last_error: null, updated_at: now })
      .where('tenant_id', '=', d.tenant_id)
      .where('id', '=', d.id)
      .where('attempts', '=', d.attempts)
      .execute();
    result.sent++;
  }
  return result;
}

/** Runs the job every `pollSeconds` until stopped; one pass at a time. */
export function startDeliveryWorker(
  db: Kysely<DB>,
  channels: Channels,
  clock: Clock,
  pollSeconds: number,
  options: WorkerOptions & { log?: (msg: string) => void } = {},
) {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) {
      return;
    }
    running = true;
    try {
      const r = await deliverDue(db, channels, clock, options);
      if (r.sent + r.retried + r.failed > 0) {
        options.log?.(`notifications: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed`);
      }
    } catch (err) {
      options.log?.(`notifications: delivery pass failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), pollSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
