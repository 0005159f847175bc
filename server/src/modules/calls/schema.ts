// The API contract of the calls module: one zod schema per request and response.
import { z } from 'zod';
import { PROGRAMS } from '../../kernel/auth/permissions.js';
import { PageQuery } from '../../kernel/http/pagination.js';
import { RulesSchema } from './rules/format.js';
import { PRESET_CODES } from './rules/presets.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const I18nText = (max: number) => z.object({ it: Text(max), en: Text(max) });
const Instant = z.iso.datetime({ offset: true }).describe('An instant with offset, e.g. 2026-03-01T09:00:00+01:00 (shown in Europe/Rome)');
const Day = z.iso.date();

export const CALL_PHASES = ['draft', 'scheduled', 'open', 'closed', 'objections', 'provisional', 'final'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];
export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn', 'admitted', 'excluded'] as const;
export const EXCLUSION_REASONS = ['requirements_not_met', 'documents_missing', 'false_declaration', 'late', 'duplicate', 'other'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const DocParams = z.object({ id: z.uuid(), docId: z.uuid() });
export const EnteParams = z.object({ ente: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/) });
export const EnteCallParams = EnteParams.extend({ id: z.uuid() });

const RulesBody = RulesSchema.describe('Declarative rules (see the module README): documents, requirements, groups, criteria, tie-break');

export const CallCreateBody = z
  .object({
    program: z.enum(PROGRAMS),
    title: I18nText(200),
    body: z.object({ it: z.string().max(20000), en: z.string().max(20000) }).optional(),
    opensAt: Instant,
    closesAt: Instant,
    places: z.number().int().min(1).max(100000).nullable().optional(),
    objectionDays: z
      .number()
      .int()
      .min(1)
      .max(120)
      .default(30)
      .describe('Days the provisional ranking stays open to objections (unverified statutory value: default 30)'),
    preset: z.enum(PRESET_CODES).optional().describe('Start from a preset (used when `rules` is absent)'),
    rules: RulesBody.optional(),
  })
  .refine((b) => new Date(b.closesAt) > new Date(b.opensAt), { message: 'calls.dates_order', path: ['closesAt'] })
  .refine((b) => b.rules !== undefined || b.preset !== undefined, { message: 'calls.rules_required', path: ['rules'] });

export const CallPatchBody = z.object({
  title: I18nText(200).optional(),
  body: z.object({ it: z.string().max(20000), en: z.string().max(20000) }).optional(),
  opensAt: Instant.optional(),
  closesAt: Instant.optional(),
  places: z.number().int().min(1).max(100000).nullable().optional(),
  objectionDays: z.number().int().min(1).max(120).optional(),
  rules: RulesBody.optional(),
});

export const CallListQuery = PageQuery.extend({
  program: z.enum(PROGRAMS).optional(),
  phase: z.enum(CALL_PHASES).optional(),
});

const Policies = z.object({
  manage: z.boolean(),
  review: z.boolean(),
  publish: z.boolean(),
  apply: z.boolean(),
});

export const FactOut = z.object({
  name: z.string(),
  kind: z.enum(['number', 'boolean', 'date', 'enum']),
  source: z.enum(['declared', 'assessed', 'derived']),
  label: z.object({ it: z.string(), en: z.string() }),
  values: z.array(z.string()).optional(),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  special: z.boolean().optional(),
});

export const CallOut = z.object({
  id: z.uuid(),
  program: z.enum(PROGRAMS),
  title: z.object({ it: z.string(), en: z.string() }),
  body: z.object({ it: z.string(), en: z.string() }),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  places: z.number().nullable(),
  objectionDays: z.number(),
  status: z.enum(['draft', 'published', 'provisional', 'final']),
  phase: z.enum(CALL_PHASES),
  objectionDeadline: z.iso.datetime().nullable(),
  rulesVersion: z.number(),
  rulesFrozen: z.boolean(),
  rules: z.unknown().describe('The rules in force (format in the module README)'),
  facts: z.array(FactOut).describe('The facts the rules read: the application form asks the declared ones'),
  publishedAt: z.iso.datetime().nullable(),
  provisionalAt: z.iso.datetime().nullable(),
  finalAt: z.iso.datetime().nullable(),
  counts: z.record(z.string(), z.number()).nullable().describe('Applications per status (staff only)'),
  policies: Policies,
});

export const CallSummaryOut = CallOut.pick({
  id: true,
  program: true,
  title: true,
  opensAt: true,
  closesAt: true,
  places: true,
  status: true,
  phase: true,
  objectionDeadline: true,
});

export const PresetOut = z.object({
  code: z.enum(PRESET_CODES),
  program: z.enum(PROGRAMS),
  label: z.object({ it: z.string(), en: z.string() }),
  rules: z.unknown(),
});

// --- applications ---------------------------------------------------------------------------

export const FactValues = z.record(z.string().max(60), z.union([z.number(), z.boolean(), z.string().max(100)])).describe('Fact name → value');

export const HouseholdMember = z.object({
  givenName: Text(100),
  familyName: Text(100),
  birthDate: Day,
  relationship: z.enum(['spouse', 'partner', 'child', 'parent', 'sibling', 'other']),
});

export const ApplicantIn = z.object({
  givenName: Text(100),
  familyName: Text(100),
  codiceFiscale: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{16}$/)
    .nullable()
    .optional(),
  birthDate: Day,
  email: z.email().max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/)
    .nullable()
    .optional(),
});

export const ApplicationPatchBody = z.object({
  household: z.array(HouseholdMember).max(20).optional(),
  declared: FactValues.optional(),
  contact: z.object({ email: z.email().max(254).nullable().optional(), phone: ApplicantIn.shape.phone }).optional(),
});

export const PaperApplicationBody = z.object({
  personId: z.uuid().nullable().optional().describe('Registry person the application belongs to, if registered'),
  applicant: ApplicantIn,
  household: z.array(HouseholdMember).max(20).default([]),
  declared: FactValues.default({}),
});

export const DocumentUploadBody = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  fileName: Text(200),
  contentBase64: z.base64().max(7_000_000).describe('File content, base64 (PDF, JPEG or PNG, ≤ 5 MB)'),
});

export const ReviewBody = z.object({
  verified: FactValues.optional().describe('Facts as verified by the office (override the declared values; an assessed fact such as motivation goes here)'),
  criteria: z
    .array(z.object({ code: z.string(), outcome: z.enum(['confirmed', 'rejected']), note: z.string().trim().max(1000).optional() }))
    .max(60)
    .optional(),
});

export const DecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('admit') }),
  z.object({ decision: z.literal('exclude'), reason: z.enum(EXCLUSION_REASONS), note: z.string().trim().min(1).max(2000) }),
]);

export const WhatIfBody = z.object({ declared: FactValues.default({}), household: z.array(HouseholdMember).max(20).optional() });

export const ObjectionBody = z.object({ text: z.string().trim().min(10).max(5000) });
export const ObjectionDecisionBody = ReviewBody.extend({ outcome: z.enum(['accepted', 'rejected']), note: z.string().trim().min(1).max(5000) });

const RequirementOut = z.object({ code: z.string(), met: z.boolean(), missing: z.array(z.string()) });
const CriterionOut = z.object({
  code: z.string(),
  group: z.string(),
  points: z.number(),
  raw: z.number(),
  status: z.enum(['awarded', 'not_met', 'exclusive_lost', 'capped', 'rejected', 'disabled']),
  inputs: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
  lostTo: z.string().optional(),
});
export const EvaluationOut = z.object({
  eligible: z.boolean(),
  failed: z.array(z.string()),
  requirements: z.array(RequirementOut),
  criteria: z.array(CriterionOut),
  groups: z.array(z.object({ code: z.string(), raw: z.number(), cap: z.number().nullable(), points: z.number() })),
  score: z.number(),
});

export const DocumentOut = z.object({
  id: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  objectionId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});

export const ObjectionOut = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  protocol: z.string().nullable(),
  text: z.string(),
  status: z.enum(['filed', 'accepted', 'rejected']),
  decisionNote: z.string().nullable(),
  filedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

export const RankPlaceOut = z.object({
  kind: z.enum(['provisional', 'final']),
  publishedAt: z.iso.datetime(),
  position: z.number().nullable(),
  score: z.number().nullable(),
  tieBrokenBy: z.string().nullable().describe('tieBreak.<n> (the n-th rule of the tie-break order), lot, or protocol'),
  excludedReason: z.string().nullable(),
  total: z.number(),
});

export const IntegrationOut = z.object({
  id: z.uuid(),
  documents: z.array(z.string()).describe('Codes of the documents asked for'),
  note: z.string(),
  deadline: z.iso.date().describe('Last day to answer (Europe/Rome)'),
  answeredAt: z.iso.datetime().nullable(),
  answerNote: z.string().nullable(),
  open: z.boolean().describe('Not answered and the deadline has not passed: the applicant may add documents'),
  createdAt: z.iso.datetime(),
});

export const IntegrationRequestBody = z.object({
  documents: z
    .array(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/))
    .max(30)
    .default([]),
  note: z.string().trim().min(3).max(2000),
  deadline: z.iso.date(),
});

export const IntegrationAnswerBody = z.object({ note: z.string().trim().max(2000).optional() });

export const ApplicationOut = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callTitle: z.object({ it: z.string(), en: z.string() }),
  program: z.enum(PROGRAMS),
  protocol: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  channel: z.enum(['online', 'paper']),
  applicant: ApplicantIn,
  household: z.array(HouseholdMember),
  declared: FactValues,
  verified: FactValues,
  criterionReview: z.record(z.string(), z.object({ outcome: z.enum(['confirmed', 'rejected']), note: z.string().optional() })),
  exclusion: z.object({ reason: z.enum(EXCLUSION_REASONS), note: z.string().nullable() }).nullable(),
  submittedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  documents: z.array(DocumentOut),
  missingDocuments: z.array(z.string()).describe('Codes of required documents not uploaded yet'),
  evaluation: EvaluationOut.describe('On the declared facts, corrected by the verified ones'),
  ranking: RankPlaceOut.nullable(),
  objection: ObjectionOut.nullable(),
  integration: IntegrationOut.nullable().describe('The latest request to complete the application'),
  editable: z.boolean().describe('The applicant may still change it (draft or submitted before closing)'),
});

export const ApplicationSummaryOut = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  protocol: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  channel: z.enum(['online', 'paper']),
  applicantName: z.string(),
  submittedAt: z.iso.datetime().nullable(),
  reviewed: z.boolean(),
  eligible: z.boolean(),
  score: z.number(),
});

export const ApplicationListQuery = PageQuery.extend({ status: z.enum(APPLICATION_STATUSES).optional() });

export const WhatIfOut = z.object({ evaluation: EvaluationOut, position: z.number().nullable(), total: z.number(), basis: z.enum(['ranking', 'current']) });

// --- rankings -------------------------------------------------------------------------------

export const PublicEntry = z.object({ position: z.number(), protocol: z.string(), score: z.number(), tieBrokenBy: z.string().nullable() });
export const PublicExcluded = z.object({ protocol: z.string(), reason: z.string().describe('Coded reason, never a personal detail') });

export const RankingOut = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callTitle: z.object({ it: z.string(), en: z.string() }),
  program: z.enum(PROGRAMS),
  kind: z.enum(['provisional', 'final']),
  rulesVersion: z.number(),
  seed: z.string(),
  sha256: z.string(),
  publishedAt: z.iso.datetime(),
  objectionDeadline: z.iso.datetime().nullable(),
  entries: z.array(PublicEntry),
  excluded: z.array(PublicExcluded),
});

export const RankingPreviewOut = z.object({
  entries: z.array(PublicEntry.extend({ applicationId: z.uuid() })),
  excluded: z.array(PublicExcluded.extend({ applicationId: z.uuid() })),
  unreviewed: z.number().describe('Submitted applications not yet admitted or excluded'),
});

export const PublicCallOut = CallSummaryOut.extend({
  body: z.object({ it: z.string(), en: z.string() }),
  rankings: z.array(z.object({ kind: z.enum(['provisional', 'final']), publishedAt: z.iso.datetime() })),
});
