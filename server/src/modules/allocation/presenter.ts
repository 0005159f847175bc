// Rows leave the module only through these views (names and ages of applicants, never their answers
// to other people than the operator and themselves).
import type { z } from 'zod';
import type { Executor } from '../../kernel/db/tenant.js';
import type { Lang } from '../../kernel/i18n/messages.js';
import * as repo from './repo.js';
import { ageOn } from './rules/compatibility.js';
import type { OverviewOut } from './schema.js';

type Ctx = { tenantId: string };

export const nameOf = (a: repo.ApplicantRow) => `${a.givenName} ${a.familyName}`.trim();
export const titleOf = (c: repo.CallRow, lang: Lang) => (lang === 'en' ? c.titleEn : c.titleIt);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function overview(db: Executor, ctx: Ctx, call: repo.CallRow, today: string, lang: Lang): Promise<z.input<typeof OverviewOut>> {
  const applicants = await repo.admitted(db, ctx, call.id);
  const byId = new Map(applicants.map((a) => [a.applicationId, a]));
  const person = (id: string) => {
    const a = byId.get(id);
    return { applicationId: id, name: a ? nameOf(a) : '?', age: a ? ageOn(a.birthDate, today) : 0 };
  };
  const plan = await repo.findPlan(db, ctx, { callId: call.id });
  let planOut: z.input<typeof OverviewOut>['plan'] = null;
  if (plan) {
    const pairs = await repo.pairsOf(db, ctx, plan.id);
    const offers = await repo.offersOf(db, ctx, plan.id);
    const units = await repo.unitsById(db, ctx, [...new Set(pairs.flatMap((p) => (p.unit_id ? [p.unit_id] : [])))]);
    const paired = new Set(pairs.filter((p) => p.status !== 'broken').flatMap((p) => [p.application_a, p.application_b]));
    planOut = {
      id: plan.id,
      status: plan.status,
      pairTotal: plan.pairTotal,
      placeTotal: plan.placeTotal,
      computedAt: plan.computedAt.toISOString(),
      confirmedAt: iso(plan.confirmedAt),
      locked: plan.locked.map(([a, b]) => [a, b] as [string, string]),
      forbidden: plan.forbidden.map(([a, b]) => [a, b] as [string, string]),
      pairs: pairs.map((p) => {
        const u = p.unit_id ? units.get(p.unit_id) : undefined;
        return {
          id: p.id,
          a: person(p.application_a),
          b: person(p.application_b),
          score: p.score,
          factors: p.factors as unknown as Record<string, number>,
          locked: p.locked,
          status: p.status as 'proposed' | 'offered' | 'broken',
          unit: u ? { id: u.id, code: u.code, address: u.address, neighbourhood: u.neighbourhood, bedrooms: u.bedrooms, surfaceM2: u.surfaceM2 } : null,
          placeScore: p.place_score,
          placeFactors: p.place_factors as unknown as Record<string, number>,
          offers: offers
            .filter(
              (o) => o.pair_id === p.id || (o.status === 'refused' && o.unit_id === p.unit_id && [p.application_a, p.application_b].includes(o.application_id)),
            )
            .map((o) => ({
              id: o.id,
              applicationId: o.application_id,
              status: o.status as 'offered' | 'accepted' | 'refused',
              deadline: o.deadline.toISOString(),
              refusalReason: o.refusal_reason,
              respondedAt: iso(o.responded_at),
            })),
        };
      }),
      unpaired: applicants.filter((a) => a.answers && !paired.has(a.applicationId)).map((a) => person(a.applicationId)),
    };
  }
  return {
    call: { id: call.id, title: titleOf(call, lang), program: call.program, status: call.status },
    config: await repo.callConfig(db, ctx, call.id),
    questionnaires: applicants.map((a) => ({ ...person(a.applicationId), filled: a.answers !== null, filledAs: a.filledAs })),
    flats: (await repo.availableFlats(db, ctx, call.program, today)).length,
    plan: planOut,
  };
}
