import { z } from 'zod';
import { Answers, ScoringConfig } from './rules/compatibility.js';

export { Answers, ScoringConfig };

export const CallParams = z.object({ callId: z.uuid() });
export const IdParams = z.object({ id: z.uuid() });
const PairIds = z.tuple([z.uuid(), z.uuid()]).describe('Two application ids');
const Factors = z.record(z.string(), z.number().int()).describe('Contribution of each factor; they add up to the score');

export const AdjustBody = z
  .object({
    lock: PairIds.optional().describe('Force this pair into the plan'),
    forbid: PairIds.optional().describe('Keep this pair out of the plan'),
    unlock: PairIds.optional().describe('Remove a lock or a prohibition'),
  })
  .refine((b) => [b.lock, b.forbid, b.unlock].filter(Boolean).length === 1, { message: 'exactly one of lock, forbid, unlock', path: ['lock'] });

export const ConfirmBody = z.object({ responseDays: z.number().int().min(1).max(60).default(10).describe('Days to answer an offer') });
export const RefuseBody = z.object({
  reason: z.enum(['cohabitant', 'location', 'flat', 'personal', 'other']),
  note: z.string().trim().max(2000).nullable().default(null),
});

const Person = z.object({ applicationId: z.uuid(), name: z.string(), age: z.number().int() });
const Unit = z.object({
  id: z.uuid(),
  code: z.string(),
  address: z.string(),
  neighbourhood: z.string().nullable(),
  bedrooms: z.number().int(),
  surfaceM2: z.number(),
});
const OfferOut = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  status: z.enum(['offered', 'accepted', 'refused']),
  deadline: z.iso.datetime(),
  refusalReason: z.string().nullable(),
  respondedAt: z.iso.datetime().nullable(),
});
export const PairOut = z.object({
  id: z.uuid(),
  a: Person,
  b: Person,
  score: z.number().int(),
  factors: Factors,
  locked: z.boolean(),
  status: z.enum(['proposed', 'offered', 'broken']),
  unit: Unit.nullable(),
  placeScore: z.number().int().nullable(),
  placeFactors: Factors,
  offers: z.array(OfferOut),
});

export const OverviewOut = z.object({
  call: z.object({ id: z.uuid(), title: z.string(), program: z.string(), status: z.string() }),
  config: ScoringConfig,
  questionnaires: z.array(z.object({ applicationId: z.uuid(), name: z.string(), age: z.number().int(), filled: z.boolean(), filledAs: z.string().nullable() })),
  flats: z.number().int().describe('Flats of the program available today'),
  plan: z
    .object({
      id: z.uuid(),
      status: z.enum(['draft', 'confirmed']),
      pairTotal: z.number().int(),
      placeTotal: z.number().int(),
      computedAt: z.iso.datetime(),
      confirmedAt: z.iso.datetime().nullable(),
      locked: z.array(PairIds),
      forbidden: z.array(PairIds),
      pairs: z.array(PairOut),
      unpaired: z.array(Person),
    })
    .nullable(),
});

export const ComputeOut = z.object({ delta: z.number().int().nullable().describe('Change of the total pairing score'), overview: OverviewOut });

export const ExplainOut = z.object({
  items: z.array(
    z.object({
      applicationId: z.uuid(),
      name: z.string(),
      partner: z.uuid().nullable(),
      locked: z.boolean(),
      alternative: z
        .object({
          applicationId: z.uuid(),
          name: z.string(),
          weight: z.number().int(),
          factors: Factors,
          cost: z.number().int(),
          totalWithIt: z.number().int(),
        })
        .nullable(),
    }),
  ),
});

export const WhatIfOut = z.object({
  before: z.number().int(),
  total: z.number().int(),
  delta: z.number().int(),
  pairs: z.array(z.object({ a: z.uuid(), b: z.uuid(), score: z.number().int(), locked: z.boolean() })),
});

export const CallListOut = z.object({ items: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })) });

export const QuestionnaireOut = z.object({
  applicationId: z.uuid(),
  callTitle: z.string(),
  name: z.string(),
  answers: Answers.nullable(),
  filledAs: z.string().nullable(),
  editable: z.boolean(),
});

export const MineOut = z.object({
  applications: z.array(z.object({ applicationId: z.uuid(), callTitle: z.string(), status: z.string(), filled: z.boolean() })),
  offers: z.array(
    OfferOut.extend({
      unit: Unit,
      callTitle: z.string(),
      cohabitant: z.string().nullable().describe('Given name of the proposed cohabitant'),
    }),
  ),
});
