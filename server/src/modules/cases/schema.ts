// The zod contract of the cases module: request bodies, queries and answers.
import { z } from 'zod';
import { SENSITIVE_CATEGORIES } from '../../kernel/audit/audit.js';
import { PROGRAMS } from '../../kernel/auth/permissions.js';
import { PageQuery } from '../../kernel/http/pagination.js';
import { EXIT_KINDS, OBSERVATION_AREAS } from './rules/outcomes.js';

export const CASE_STATUSES = ['open', 'suspended', 'closed'] as const;
export const MEMBER_ROLES = ['case_manager', 'educator', 'social_worker', 'partner_staff', 'team_lead', 'other'] as const;
export const CONFIDENTIALITY = ['team', 'program', 'partner'] as const;
export const AGREEMENT_KINDS = ['cohabitation_agreement', 'house_rules', 'housing_first_agreement', 'individual_project', 'other'] as const;
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed'] as const;
export const VISIT_STATUSES = ['done', 'missed', 'rescheduled'] as const;
export const SLOT_STATES = ['done', 'missed', 'rescheduled', 'overdue', 'due', 'upcoming'] as const;
export const WORK_KINDS = ['training', 'placement', 'work_grant'] as const;
export const WORK_STATUSES = ['planned', 'active', 'completed', 'interrupted'] as const;
export const WORK_OUTCOMES = ['employment_contract', 'further_training', 'no_outcome', 'dropped_out'] as const;
export const CENTRE_KINDS = ['centro_polifunzionale', 'training_provider', 'job_service', 'employer', 'other'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const Day = z.iso.date().describe('A day, YYYY-MM-DD');
const Time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .describe('Wall-clock time in Europe/Rome, HH:MM');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Key = z.string().regex(/^[a-z_]{2,40}$/);
export const Cents = z.number().int().min(0).max(100_000_000).describe('Euro cents (integer)');

// ---- cases ----

export const CaseListQuery = PageQuery.extend({
  program: z.enum(PROGRAMS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the person’s name'),
  mine: z.enum(['true', 'false']).optional().describe('Only the cases whose team I am in'),
});

export const TeamMemberBody = z.object({
  userId: z.uuid(),
  role: z.enum(MEMBER_ROLES),
  fromOn: Day.optional().describe('Default: today'),
});

export const CaseCreateBody = z.object({
  program: z.enum(PROGRAMS),
  personId: z.uuid().describe('The person followed; must be enrolled in the program'),
  householdId: z.uuid().nullable().default(null),
  openedOn: Day,
  summary: Text(2000).nullable().default(null),
  team: z
    .array(TeamMemberBody.omit({ fromOn: true }))
    .max(20)
    .default([]),
});

export const CaseUpdateBody = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    closedOn: Day.optional(),
    closeReason: Text(500).nullable().optional(),
    summary: Text(2000).nullable().optional(),
  })
  .refine((b) => b.status !== 'closed' || b.closedOn !== undefined, { message: 'cases.closed_on_required', path: ['closedOn'] });

export const CaseSummaryOut = z.object({
  id: z.uuid(),
  program: z.enum(PROGRAMS),
  status: z.enum(CASE_STATUSES),
  openedOn: Day,
  closedOn: Day.nullable(),
  person: z.object({ id: z.uuid(), name: z.string() }),
  householdName: z.string().nullable(),
  currentStage: z.string().nullable(),
  caseManager: z.string().nullable(),
  inTeam: z.boolean().describe('The caller is in the case team'),
});

export const MemberOut = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  organisation: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  fromOn: Day,
  toOn: Day.nullable(),
});

export const StageOut = z.object({
  key: z.string(),
  position: z.number().int(),
  status: z.enum(['pending', 'active', 'done']),
  startedOn: Day.nullable(),
  completedOn: Day.nullable(),
  checklist: z.array(z.object({ key: z.string(), doneOn: Day.nullable(), note: z.string().nullable() })),
});

export const AgreementBody = z.object({
  kind: z.enum(AGREEMENT_KINDS),
  title: Text(200),
  version: Text(20),
  signedOn: Day,
  signedBy: Text(300).describe('The residents who signed'),
  reference: Text(300).nullable().default(null),
});
export const AgreementOut = AgreementBody.extend({ id: z.uuid(), reference: z.string().nullable() });

export const ReferralBody = z.object({
  toOrganisationId: z.uuid(),
  service: Text(200).describe('e.g. SerD, salute mentale, centro per l’impiego'),
  reason: Text(2000),
  referredOn: Day,
});
export const ReferralResponseBody = z.object({
  accepted: z.boolean(),
  on: Day,
  note: Text(1000).nullable().default(null),
});
export const ReferralOutcomeBody = z.object({ outcome: Text(1000), on: Day });
export const ReferralOut = z.object({
  id: z.uuid(),
  fromOrganisation: z.string().nullable(),
  toOrganisationId: z.uuid(),
  toOrganisation: z.string(),
  service: z.string(),
  reason: z.string(),
  referredOn: Day,
  status: z.enum(REFERRAL_STATUSES),
  respondedOn: Day.nullable(),
  responseNote: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeOn: Day.nullable(),
});

export const Policies = z.object({
  write: z.boolean(),
  logVisit: z.boolean(),
  readSensitive: z.boolean().describe('May read the content of special-category notes (with a purpose)'),
});

export const PlacementBody = z.object({
  unitId: z.uuid().nullable().default(null),
  tenancyId: z.uuid().nullable().default(null),
  housedOn: Day,
  leftOn: Day.nullable().default(null),
  exitKind: z.enum(EXIT_KINDS).nullable().default(null),
});
export const PlacementOut = z.object({
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  address: z.string().nullable(),
  tenancyId: z.uuid().nullable(),
  tenancyCode: z.string().nullable(),
  monthlyRentCents: z.number().int().nullable().describe('The rent contribution in force today, from the tenancy'),
  housedOn: Day,
  leftOn: Day.nullable(),
  exitKind: z.enum(EXIT_KINDS).nullable(),
});

export const CaseDetailOut = CaseSummaryOut.extend({
  household: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  closeReason: z.string().nullable(),
  summary: z.string().nullable(),
  team: z.array(MemberOut),
  stages: z.array(StageOut),
  agreements: z.array(AgreementOut),
  referrals: z.array(ReferralOut),
  placement: PlacementOut.nullable(),
  policies: Policies,
});

export const StageParams = z.object({ id: z.uuid(), stage: Key });
export const ChecklistParams = z.object({ id: z.uuid(), stage: Key, item: Key });
export const ChecklistBody = z.object({ done: z.boolean(), on: Day.optional(), note: Text(500).nullable().default(null) });
export const SubParams = z.object({ id: z.uuid(), subId: z.uuid() });
export const EndBody = z.object({ on: Day });

// ---- notes ----

export const NoteBody = z.object({
  confidentiality: z.enum(CONFIDENTIALITY).describe('team: the case team only; program: staff of the program; partner: also partner organisations'),
  sensitiveCategory: z.enum(SENSITIVE_CATEGORIES).nullable().default(null).describe('Set when the note is about special-category matters'),
  body: Text(5000),
});
export const NotesQuery = z.object({
  purpose: Text(200).optional().describe('Why special-category notes are read; without it their content stays hidden'),
});
export const NoteOut = z.object({
  id: z.uuid(),
  author: z.string(),
  confidentiality: z.enum(CONFIDENTIALITY),
  sensitiveCategory: z.enum(SENSITIVE_CATEGORIES).nullable(),
  restricted: z.boolean().describe('true: a special-category note whose content needs a purpose (and the permission)'),
  body: z.string().nullable(),
  writtenAt: z.string(),
});

// ---- Housing First ----

export const VisitPlanBody = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('1 = Monday … 7 = Sunday'),
    windowStart: Time,
    windowEnd: Time,
    professionalId: z.uuid(),
    validFrom: Day,
  })
  .refine((b) => b.windowEnd > b.windowStart, { message: 'cases.window_order', path: ['windowEnd'] });
export const VisitPlanOut = z.object({
  id: z.uuid(),
  weekday: z.number().int(),
  windowStart: z.string(),
  windowEnd: z.string(),
  professionalId: z.uuid(),
  professional: z.string(),
  validFrom: Day,
  validTo: Day.nullable(),
});

const Score = z.object({ score: z.number().int().min(1).max(5), note: Text(500).nullable().optional() });
export const ObservationsSchema = z.object(
  Object.fromEntries(OBSERVATION_AREAS.map((a) => [a, Score.optional()])) as Record<(typeof OBSERVATION_AREAS)[number], z.ZodOptional<typeof Score>>,
);

export const VisitBody = z
  .object({
    slotOn: Day.nullable().default(null).describe('The planned slot this log answers (null: an extra visit)'),
    status: z.enum(VISIT_STATUSES),
    occurredOn: Day,
    professionalId: z.uuid().optional().describe('Default: the caller'),
    reason: Text(500).nullable().default(null).describe('Required when missed or rescheduled'),
    rescheduledTo: Day.nullable().default(null),
    observations: ObservationsSchema.nullable().default(null),
    notes: Text(4000).nullable().default(null),
  })
  .refine((b) => b.status === 'done' || b.reason !== null, { message: 'cases.reason_required', path: ['reason'] })
  .refine((b) => (b.status === 'rescheduled') === (b.rescheduledTo !== null), { message: 'cases.reschedule_day', path: ['rescheduledTo'] });

export const VisitOut = z.object({
  id: z.uuid(),
  slotOn: Day.nullable(),
  status: z.enum(VISIT_STATUSES),
  occurredOn: Day,
  professional: z.string(),
  reason: z.string().nullable(),
  rescheduledTo: Day.nullable(),
  observations: ObservationsSchema.nullable(),
  notes: z.string().nullable(),
  loggedAt: z.string(),
});

export const VisitsQuery = z.object({
  from: Day.optional().describe('Default: 12 weeks before today'),
  to: Day.optional().describe('Default: end of this week'),
});

const CountOut = z.object({
  planned: z.number().int(),
  done: z.number().int(),
  missed: z.number().int(),
  overdue: z.number().int(),
  pending: z.number().int(),
  extra: z.number().int(),
});
const AlertOut = z.object({
  caseId: z.uuid(),
  person: z.string(),
  day: Day,
  expectedOn: Day,
  professional: z.string(),
  kind: z.enum(['not_logged', 'missed']),
  streak: z.number().int(),
  level: z.enum(['alert', 'escalation']),
});
const TrendOut = z.object({
  direction: z.enum(['worsening', 'stable', 'improving', 'unknown']),
  slope: z.number().nullable(),
  worseningAreas: z.array(z.enum(OBSERVATION_AREAS)),
  visitsUsed: z.number().int(),
});

export const VisitBoardOut = z.object({
  from: Day,
  to: Day,
  plans: z.array(VisitPlanOut),
  slots: z.array(
    z.object({
      day: Day,
      expectedOn: Day,
      windowStart: z.string(),
      windowEnd: z.string(),
      professional: z.string(),
      state: z.enum(SLOT_STATES),
      logBy: z.string(),
    }),
  ),
  visits: z.array(VisitOut),
  thisWeek: CountOut,
  total: CountOut,
  alerts: z.array(AlertOut),
  trend: TrendOut,
});

const RetentionOut = z.object({ months: z.number().int(), eligible: z.number().int(), retained: z.number().int(), rateBp: z.number().int().nullable() });
export const DashboardOut = z.object({
  weekFrom: Day,
  weekTo: Day,
  thisWeek: CountOut,
  caseload: z.array(z.object({ professionalId: z.uuid(), professional: z.string(), participants: z.number().int(), thisWeek: CountOut })),
  participants: z.array(
    z.object({
      caseId: z.uuid(),
      person: z.string(),
      housedOn: Day.nullable(),
      thisWeek: CountOut,
      trend: TrendOut,
      alerts: z.number().int(),
      escalated: z.boolean(),
    }),
  ),
  alerts: z.array(AlertOut),
  retention: z.array(RetentionOut),
  alertDelayHours: z.number().int(),
});

// ---- work paths ----

export const CentreBody = z.object({
  name: Text(200),
  kind: z.enum(CENTRE_KINDS),
  organisationId: z.uuid().nullable().default(null),
  address: Text(300).nullable().default(null),
  services: z.array(Text(100)).max(30).default([]),
});
export const CentreOut = CentreBody.extend({ id: z.uuid(), address: z.string().nullable(), organisationId: z.uuid().nullable() });

export const WorkPathBody = z
  .object({
    kind: z.enum(WORK_KINDS),
    centreId: z.uuid(),
    title: Text(200),
    hoursPerMonth: z.number().int().min(1).max(200),
    monthlyGrantCents: Cents.default(0),
    startedOn: Day,
    endsOn: Day,
  })
  .refine((b) => b.endsOn > b.startedOn, { message: 'cases.period_order', path: ['endsOn'] });
export const WorkPathUpdateBody = z.object({
  status: z.enum(WORK_STATUSES),
  outcome: z.enum(WORK_OUTCOMES).nullable().default(null),
  outcomeNote: Text(1000).nullable().default(null),
});
export const AttendanceBody = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('YYYY-MM'),
  hoursAttended: z.number().int().min(0).max(400),
});
export const WorkPathOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  program: z.enum(PROGRAMS),
  person: z.object({ id: z.uuid(), name: z.string() }),
  kind: z.enum(WORK_KINDS),
  centre: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(CENTRE_KINDS) }),
  title: z.string(),
  hoursPerMonth: z.number().int(),
  monthlyGrantCents: z.number().int(),
  startedOn: Day,
  endsOn: Day,
  status: z.enum(WORK_STATUSES),
  outcome: z.enum(WORK_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  attendance: z.array(z.object({ month: z.string(), hoursAttended: z.number().int(), grantDueCents: z.number().int() })),
  grantDueTotalCents: z.number().int(),
});
export const WorkPathListQuery = z.object({
  status: z.enum(WORK_STATUSES).optional(),
  caseId: z.uuid().optional(),
});

export const DirectoryOut = z.object({
  organisations: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
  staff: z.array(z.object({ id: z.uuid(), name: z.string(), organisation: z.string().nullable() })),
});
