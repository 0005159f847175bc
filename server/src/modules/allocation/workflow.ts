// Offers: confirming a plan offers each placed pair its flat (one offer per person, with a
// deadline, notified in the same transaction); a person accepts or refuses. Acceptance takes the
// unit's row lock first, so concurrent acceptances of one flat are serialised: the flat goes to
// the first pair that accepts, everybody else gets 409 allocation.unit_taken, and the stock
// timeline turns occupied in the same transaction (409 resource.overlap if the unit is not free).
// A refusal breaks the pair and proposes the next best partner for the one who stays.
import type { Transaction } from 'kysely';
import { audit } from '../../kernel/audit/audit.js';
import type { TenantContext } from '../../kernel/context.js';
import { inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { notify } from '../messages/index.js';
import { lockUnitForTenancy, occupyUnit } from '../stock/index.js';
import * as repo from './repo.js';
import { loadWorld, nextBest } from './service.js';

const DAY = 86_400_000;

/** Confirms the plan (or, once confirmed, the replacement pairs proposed since): offers for every placed pair not yet offered. */
export async function confirmPlan(db: Transaction<DB>, ctx: TenantContext, planId: string, now: Date, responseDays: number): Promise<number> {
  const plan = await repo.findPlan(db, ctx, { planId }, true);
  if (!plan) {
    throw notFound();
  }
  const pairs = (await repo.pairsOf(db, ctx, planId)).filter((p) => p.status === 'proposed' && p.unit_id !== null);
  const units = await repo.unitsById(db, ctx, [...new Set(pairs.map((p) => p.unit_id as string))]);
  const live = new Set((await repo.offersOf(db, ctx, planId)).filter((o) => o.status !== 'refused').map((o) => o.application_id));
  const deadline = new Date(now.getTime() + responseDays * DAY);
  let made = 0;
  for (const p of pairs) {
    const unit = units.get(p.unit_id as string);
    for (const applicationId of [p.application_a, p.application_b]) {
      if (live.has(applicationId)) {
        continue;
      }
      const offer = await db
        .insertInto('allocation_offer')
        .values({
          tenant_id: ctx.tenantId,
          plan_id: planId,
          pair_id: p.id,
          application_id: applicationId,
          unit_id: p.unit_id as string,
          deadline,
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      made += 1;
      const who = await repo.findApplicant(db, ctx, applicationId);
      const to = who?.userId ? { userId: who.userId } : who?.personId ? { personId: who.personId } : null;
      if (to) {
        await notify(db, ctx, {
          event: 'offer.made',
          to,
          params: { unit: unit ? `${unit.code}, ${unit.address}` : '', deadline: deadline.toISOString().slice(0, 10) },
          link: '/allocation/me',
          entity: { type: 'allocation_offer', id: offer.id },
        });
      }
    }
    await db.updateTable('allocation_pair').set({ status: 'offered' }).where(inTenant(ctx)).where('id', '=', p.id).execute();
  }
  await db
    .updateTable('allocation_plan')
    .set({ status: 'confirmed', confirmed_at: plan.confirmedAt ?? now, confirmed_by: ctx.principal.userId })
    .where(inTenant(ctx))
    .where('id', '=', planId)
    .execute();
  await audit(db, ctx, { action: 'allocation.plan_confirmed', entityType: 'allocation_plan', entityId: planId, details: { offers: made, deadline } });
  return made;
}

type OfferRow = NonNullable<Awaited<ReturnType<typeof repo.lockOffer>>>;

/** The offer, locked, if the caller may answer it: the operator of the program or the applicant. */
async function answerable(db: Transaction<DB>, ctx: TenantContext, offerId: string): Promise<OfferRow> {
  const peek = await db.selectFrom('allocation_offer').select(['unit_id', 'application_id']).where(inTenant(ctx)).where('id', '=', offerId).executeTakeFirst();
  if (!peek) {
    throw notFound();
  }
  const who = await repo.findApplicant(db, ctx, peek.application_id);
  const call = who ? await repo.findCall(db, ctx, who.callId) : null;
  const operator = call !== null && ctx.can('allocation:decide', call.program as never);
  if (!who || !(operator || (who.userId !== null && who.userId === ctx.principal.userId && ctx.can('application:submit')))) {
    throw notFound();
  }
  // The unit's lock first: every answer about one flat waits its turn.
  if (!(await lockUnitForTenancy(db, ctx, peek.unit_id))) {
    throw notFound();
  }
  const offer = await repo.lockOffer(db, ctx, offerId);
  if (!offer) {
    throw notFound();
  }
  return offer;
}

function open(offer: OfferRow, now: Date) {
  if (offer.status !== 'offered' || offer.deadline.getTime() < now.getTime()) {
    throw new AppError(409, 'allocation.offer_closed');
  }
}

export async function acceptOffer(db: Transaction<DB>, ctx: TenantContext, offerId: string, now: Date, today: string) {
  const offer = await answerable(db, ctx, offerId);
  open(offer, now);
  const pair = await db.selectFrom('allocation_pair').selectAll().where(inTenant(ctx)).where('id', '=', offer.pair_id).executeTakeFirstOrThrow();
  const mine = new Set([pair.application_a, pair.application_b]);
  const accepted = await db
    .selectFrom('allocation_offer')
    .select('application_id')
    .where(inTenant(ctx))
    .where('unit_id', '=', offer.unit_id)
    .where('status', '=', 'accepted')
    .execute();
  if (accepted.some((o) => !mine.has(o.application_id))) {
    throw new AppError(409, 'allocation.unit_taken');
  }
  // The first of the two to accept turns the flat occupied; the second shares it.
  await occupyUnit(db, ctx, offer.unit_id, {
    from: today,
    to: null,
    note: 'allocation',
    userId: ctx.principal.userId,
    shared: accepted.length > 0,
  });
  await db
    .updateTable('allocation_offer')
    .set({ status: 'accepted', responded_at: now, responded_by: ctx.principal.userId })
    .where(inTenant(ctx))
    .where('id', '=', offerId)
    .execute();
  await audit(db, ctx, {
    action: 'allocation.offer_accepted',
    entityType: 'allocation_offer',
    entityId: offerId,
    details: { unitId: offer.unit_id, applicationId: offer.application_id },
  });
}

export async function refuseOffer(
  db: Transaction<DB>,
  ctx: TenantContext,
  offerId: string,
  body: { reason: 'cohabitant' | 'location' | 'flat' | 'personal' | 'other'; note: string | null },
  now: Date,
  today: string,
): Promise<{ replacement: string | null }> {
  const offer = await answerable(db, ctx, offerId);
  open(offer, now);
  await db
    .updateTable('allocation_offer')
    .set({ status: 'refused', refusal_reason: body.reason, refusal_note: body.note, responded_at: now, responded_by: ctx.principal.userId })
    .where(inTenant(ctx))
    .where('id', '=', offerId)
    .execute();
  const pair = await db.selectFrom('allocation_pair').selectAll().where(inTenant(ctx)).where('id', '=', offer.pair_id).executeTakeFirstOrThrow();
  await db.updateTable('allocation_pair').set({ status: 'broken' }).where(inTenant(ctx)).where('id', '=', pair.id).execute();
  // The place is free again: the partner who stays gets the best partner still without an offer,
  // proposed to the operator as a replacement pair for the same flat (confirmed like the plan).
  const stays = pair.application_a === offer.application_id ? pair.application_b : pair.application_a;
  const offers = await repo.offersOf(db, ctx, offer.plan_id);
  const partnerStays = offers.some((o) => o.application_id === stays && o.status !== 'refused');
  let replacement: string | null = null;
  if (partnerStays) {
    const plan = await repo.findPlan(db, ctx, { planId: offer.plan_id });
    const call = plan ? await repo.findCall(db, ctx, plan.callId) : null;
    if (call) {
      const w = await loadWorld(db, ctx, call);
      const busy = new Set(offers.filter((o) => o.status !== 'refused').map((o) => o.application_id));
      for (const o of offers) {
        busy.add(o.application_id);
      }
      for (const p of await repo.pairsOf(db, ctx, offer.plan_id)) {
        if (p.status === 'proposed' && p.unit_id !== null) {
          busy.add(p.application_a).add(p.application_b);
        }
      }
      const best = nextBest(w, today, stays, busy);
      if (best) {
        const row = await db
          .insertInto('allocation_pair')
          .values({
            tenant_id: ctx.tenantId,
            plan_id: offer.plan_id,
            application_a: stays,
            application_b: best.applicationId,
            unit_id: offer.unit_id,
            score: best.score,
            factors: JSON.stringify(best.factors) as never,
            place_score: pair.place_score,
            place_factors: JSON.stringify(pair.place_factors) as never,
            replaces: pair.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .updateTable('allocation_offer')
          .set({ pair_id: row.id })
          .where(inTenant(ctx))
          .where('application_id', '=', stays)
          .where('plan_id', '=', offer.plan_id)
          .where('status', '!=', 'refused')
          .execute();
        replacement = row.id;
      }
    }
  }
  await audit(db, ctx, {
    action: 'allocation.offer_refused',
    entityType: 'allocation_offer',
    entityId: offerId,
    details: { reason: body.reason, unitId: offer.unit_id, replacementPairId: replacement },
  });
  return { replacement };
}
