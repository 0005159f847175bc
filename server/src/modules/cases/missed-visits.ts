// The missed-visit job: planned Housing First visits not logged within the delay notify the team
// lead of the case (its members with the team_lead role, else its case manager); repeated misses
// (an escalation) notify both. One notification per slot, level and recipient, however often the
// job runs (the messages module's idempotency key), in the ente's own transaction.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { type Executor, runInTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { type Clock, romeDay } from '../../kernel/time.js';
import { notify } from '../messages/index.js';
import { DEFAULT_ALERT_DELAY_HOURS } from './housing-first.js';
import * as repo from './repo.js';
import { addDays, weekStart } from './rules/calendar.js';
import { generateSlots, missedVisitAlerts, slotStatuses } from './rules/visits.js';

/** How far back the job looks: older slots were alerted (or logged) long ago. */
const LOOKBACK_WEEKS = 4;

const italianDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export interface MissedVisitRun {
  alerts: number;
  notified: number;
}

/** Checks the open Housing First cases of one ente at `now` and notifies the team leads. */
export async function notifyMissedVisits(db: Executor, tenantId: string, now: Date, delayHours = DEFAULT_ALERT_DELAY_HOURS): Promise<MissedVisitRun> {
  const today = romeDay(now);
  const from = addDays(weekStart(today), -7 * LOOKBACK_WEEKS);
  const ctx = { tenantId };
  const cases = await db
    .selectFrom('case_file as c')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.person_id'))
    .select(['c.id', sql<string>`p.given_name || ' ' || p.family_name`.as('person')])
    .where('c.tenant_id', '=', tenantId)
    .where('c.program', '=', 'housing_first')
    .where('c.status', '=', 'open')
    .execute();
  if (cases.length === 0) {
    return { alerts: 0, notified: 0 };
  }
  const ids = cases.map((c) => c.id);
  const plans = await repo.visitPlans(db, ctx, ids);
  const logs = await repo.visits(db, ctx, ids, from, today);
  const leads = await db
    .selectFrom('case_member')
    .select(['case_id', 'user_id', 'role'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', ids)
    .where('role', 'in', ['team_lead', 'case_manager'])
    .where('from_on', '<=', today)
    .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>', today)]))
    .execute();
  let alerts = 0;
  let notified = 0;
  for (const c of cases) {
    const slots = generateSlots(
      plans
        .filter((p) => p.case_id === c.id)
        .map((p) => ({
          id: p.id,
          weekday: p.weekday,
          windowStart: p.window_start,
          windowEnd: p.window_end,
          professionalId: p.professional_id,
          validFrom: p.valid_from,
          validTo: p.valid_to,
        })),
      from,
      today,
    );
    const mine = logs
      .filter((v) => v.case_id === c.id)
      .map((v) => ({ slotOn: v.slot_on, status: v.status as 'done', occurredOn: v.occurred_on, rescheduledTo: v.rescheduled_to, loggedAt: v.logged_at }));
    const members = leads.filter((m) => m.case_id === c.id);
    const teamLeads = members.filter((m) => m.role === 'team_lead').map((m) => m.user_id);
    const managers = members.filter((m) => m.role === 'case_manager').map((m) => m.user_id);
    for (const a of missedVisitAlerts(slotStatuses(slots, mine, now, delayHours))) {
      alerts += 1;
      const to = new Set(a.level === 'escalation' ? [...teamLeads, ...managers] : teamLeads.length > 0 ? teamLeads : managers);
      for (const userId of to) {
        const id = await notify(db, ctx, {
          event: 'visit.missed',
          to: { userId },
          params: { date: italianDay(a.expectedOn), person: c.person },
          link: `/cases/${c.id}/visits`,
          entity: { type: 'case', id: c.id },
          key: `visit.missed:${c.id}:${a.day}:${a.level}`,
        });
        if (id) {
          notified += 1;
        }
      }
    }
  }
  return { alerts, notified };
}

/** Runs the check for every ente, each in its own tenant transaction. */
export async function runMissedVisitCheck(db: Kysely<DB>, now: Date, delayHours = DEFAULT_ALERT_DELAY_HOURS): Promise<MissedVisitRun> {
  const enti = await db.selectFrom('ente').select('id').execute();
  const total = { alerts: 0, notified: 0 };
  for (const e of enti) {
    const r = await runInTenant(db, { tenantId: e.id, userId: null }, (trx) => notifyMissedVisits(trx, e.id, now, delayHours));
    total.alerts += r.alerts;
    total.notified += r.notified;
  }
  return total;
}

/** The periodic job (e.g. hourly): never two passes at once; `stop()` ends it. */
export function startMissedVisitJob(db: Kysely<DB>, clock: Clock, everyMinutes = 60, log?: (msg: string) => void) {
  let running = false;
  const tick = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      const r = await runMissedVisitCheck(db, clock.now());
      if (r.notified > 0) {
        log?.(`missed visits: ${r.notified} notifications for ${r.alerts} alerts`);
      }
    } catch (err) {
      log?.(`missed visits: check failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
    },
  };
}
