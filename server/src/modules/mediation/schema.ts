// The zod contract of the mediation module: request bodies, queries and answers.
import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, ESCALATIONS, PARTY_ROLES, REPORTERS, RESULTS, SEVERITIES } from './rules/cases.js';
import { REPORT_CATEGORIES, REPORT_STATUSES } from './rules/routing.js';

export { REPORT_STATUSES };
export const ACTIVITY_CATEGORIES = ['educational', 'recreational', 'training', 'common_goods'] as const;
export const AUDIENCES = ['all', 'children', 'youth', 'adults', 'elderly'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const Day = z.iso.date().describe('A day, YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- estates ----
export const EstateOut = z.object({
  id: z.uuid(),
  name: z.string(),
  mediators: z.array(z.object({ id: z.uuid(), name: z.string() })),
  openCases: z.number().int(),
  openReports: z.number().int(),
});
export const AssignBody = z.object({ userIds: z.array(z.uuid()).max(20).describe('The mediators working on the estate (replaces the list)') });

export const DashboardOut = z.object({
  estate: z.object({ id: z.uuid(), name: z.string() }),
  casesByType: z.array(z.object({ type: z.enum(CASE_TYPES), open: z.number().int() })),
  casesByAge: z.array(z.object({ bucket: z.string(), open: z.number().int() })),
  reportsByStatus: z.array(z.object({ status: z.enum(REPORT_STATUSES), count: z.number().int() })),
  activities: z.object({ upcoming: z.number().int(), past30Days: z.number().int(), registrations: z.number().int(), attended: z.number().int() }),
  households: z.array(z.object({ id: z.uuid(), name: z.string(), unitCode: z.string() })).describe('Households living on the estate today (parties of a case)'),
});

// ---- cases ----
export const CaseListQuery = z.object({
  estateId: z.uuid().optional(),
  status: z
    .enum([...CASE_STATUSES, 'active'])
    .optional()
    .describe('active = every status but closed'),
  kind: z.enum(['conflict', 'arrears']).optional(),
});
export const PartyIn = z.object({ householdId: z.uuid(), role: z.enum(PARTY_ROLES).default('involved') });
export const CaseCreateBody = z.object({
  estateId: z.uuid(),
  type: z.enum(CASE_TYPES),
  severity: z.enum(SEVERITIES),
  reportedBy: z.enum(REPORTERS),
  summary: Text(2000).min(3),
  openedOn: Day.optional(),
  parties: z.array(PartyIn).max(20).default([]),
});
export const SessionBody = z.object({ heldOn: Day, participants: Text(1000), outcome: Text(2000) });
export const AgreementBody = z.object({ agreedOn: Day, terms: Text(4000).min(3), followUpOn: Day.optional() });
export const FollowUpBody = z.object({ followUpOn: Day, note: Text(1000).optional() });
export const EscalateBody = z.object({ to: z.enum(ESCALATIONS), on: Day, note: Text(2000) });
export const CloseBody = z.object({ closedOn: Day, result: z.enum(RESULTS), note: Text(2000).optional() });
export const ArrearsCaseBody = z.object({ tenancyId: z.uuid(), summary: Text(2000).min(3) });

export const CaseSummaryOut = z.object({
  id: z.uuid(),
  estate: z.object({ id: z.uuid(), name: z.string() }),
  kind: z.enum(['conflict', 'arrears']),
  type: z.enum(CASE_TYPES),
  severity: z.enum(SEVERITIES),
  status: z.enum(CASE_STATUSES),
  summary: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  parties: z.array(z.object({ householdId: z.uuid(), name: z.string(), role: z.enum(PARTY_ROLES) })),
});
export const CaseDetailOut = CaseSummaryOut.extend({
  reportedBy: z.enum(REPORTERS),
  followUpOn: z.string().nullable(),
  tenancyId: z.uuid().nullable(),
  escalatedTo: z.enum(ESCALATIONS).nullable(),
  escalatedOn: z.string().nullable(),
  escalationNote: z.string().nullable(),
  result: z.enum(RESULTS).nullable(),
  closureNote: z.string().nullable(),
  sessions: z.array(z.object({ id: z.uuid(), heldOn: z.string(), participants: z.string(), outcome: z.string() })),
  agreements: z.array(z.object({ id: z.uuid(), agreedOn: z.string(), terms: z.string(), followUpOn: z.string().nullable() })),
});

// ---- resident reports ----
export const ReportCreateBody = z.object({
  buildingId: z.uuid().optional().describe('Needed only when the tenant lives in more than one building'),
  category: z.enum(REPORT_CATEGORIES),
  description: Text(2000).min(3),
  location: Text(200).optional().describe('Where in the building (e.g. "scala B, 2° piano")'),
  photo: z
    .object({
      contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
      dataBase64: z.string().max(2_900_000).describe('The image, base64; at most 2 MiB once decoded'),
    })
    .optional(),
});
export const ReportStatusBody = z.object({ status: z.enum(REPORT_STATUSES), note: Text(1000).optional() });
export const ReportListQuery = z.object({ estateId: z.uuid().optional(), status: z.enum([...REPORT_STATUSES, 'open']).optional() });
export const ReportOut = z.object({
  id: z.uuid(),
  estate: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  building: z.object({ id: z.uuid(), address: z.string() }),
  category: z.enum(REPORT_CATEGORIES),
  description: z.string(),
  location: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  urgent: z.boolean(),
  routedTo: z.string().nullable().describe('The managing body the report was sent to'),
  createdAt: z.string(),
  updatedAt: z.string(),
  photos: z.array(z.object({ id: z.uuid(), contentType: z.string(), sizeBytes: z.number().int() })),
  history: z.array(z.object({ status: z.enum(REPORT_STATUSES), note: z.string().nullable(), at: z.string() })),
});
export const PhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

// ---- activities ----
export const ActivityListQuery = z.object({ estateId: z.uuid().optional(), from: Day.optional(), to: Day.optional() });
export const ActivityCreateBody = z.object({
  estateId: z.uuid(),
  title: Text(200).min(3),
  category: z.enum(ACTIVITY_CATEGORIES),
  audience: z.enum(AUDIENCES).default('all'),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  commonSpaceId: z.uuid().optional(),
  place: Text(200).optional(),
  partner: Text(200).optional(),
  capacity: z.number().int().min(1).max(1000),
});
export const RegistrationBody = z.object({ name: Text(200), role: z.enum(['participant', 'volunteer']).default('participant') });
export const AttendanceBody = z.object({ attended: z.boolean() });
export const RegParams = z.object({ id: z.uuid(), registrationId: z.uuid() });
export const ActivityOut = z.object({
  id: z.uuid(),
  estate: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  category: z.enum(ACTIVITY_CATEGORIES),
  audience: z.enum(AUDIENCES),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  partner: z.string().nullable(),
  capacity: z.number().int(),
  participants: z.number().int(),
  volunteers: z.number().int(),
  registeredByMe: z.boolean(),
});
export const ActivityDetailOut = ActivityOut.extend({
  registrations: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['participant', 'volunteer']), attended: z.boolean().nullable() })),
});

// ---- committees ----
export const CommitteeCreateBody = z.object({ buildingId: z.uuid(), name: Text(200).min(3), foundedOn: Day });
export const MemberBody = z.object({
  householdId: z.uuid(),
  representative: Text(200),
  role: z.enum(['president', 'treasurer', 'secretary', 'member']).default('member'),
  joinedOn: Day,
});
export const MeetingBody = z.object({ heldOn: Day, minutes: Text(8000).min(3) });
export const ExpenseBody = z.object({
  spentOn: Day,
  description: Text(500).min(3),
  amountCents: z.number().int().min(1).max(100_000_000),
  weights: z
    .array(z.object({ householdId: z.uuid(), weight: z.number().int().min(1).max(1000) }))
    .optional()
    .describe('Default: equal shares among members'),
});
export const ShareParams = z.object({ id: z.uuid(), expenseId: z.uuid(), householdId: z.uuid() });
export const PaidBody = z.object({ paidOn: Day.nullable() });
export const CommitteeOut = z.object({
  id: z.uuid(),
  name: z.string(),
  building: z.object({ id: z.uuid(), address: z.string(), estateId: z.uuid().nullable() }),
  foundedOn: z.string(),
  members: z.array(z.object({ householdId: z.uuid(), household: z.string(), representative: z.string(), role: z.string(), joinedOn: z.string() })),
  meetings: z.array(z.object({ id: z.uuid(), heldOn: z.string(), minutes: z.string() })),
  expenses: z.array(
    z.object({
      id: z.uuid(),
      spentOn: z.string(),
      description: z.string(),
      amountCents: z.number().int(),
      shares: z.array(z.object({ householdId: z.uuid(), household: z.string(), shareCents: z.number().int(), paidOn: z.string().nullable() })),
    }),
  ),
  balances: z.array(z.object({ householdId: z.uuid(), household: z.string(), owedCents: z.number().int() })).describe('What each household still owes'),
});

// ---- arrears ----
export const ArrearsAlertOut = z.object({
  tenancyId: z.uuid(),
  estate: z.object({ id: z.uuid(), name: z.string() }),
  household: z.string(),
  unitCode: z.string(),
  balanceCents: z.number().int(),
  monthlyDueCents: z.number().int(),
  monthsOwed: z.number(),
  accompanimentCaseId: z.uuid().nullable(),
});

// ---- co-housing ----
export const COHOUSING_KINDS = ['families', 'elderly', 'supported_living'] as const;
export const CohousingProjectBody = z.object({
  name: Text(200).min(3),
  kind: z.enum(COHOUSING_KINDS),
  buildingId: z.uuid(),
  description: Text(2000).optional(),
  houseRules: Text(8000).optional(),
  startedOn: Day,
  partners: z
    .array(z.object({ organisationId: z.uuid(), role: Text(300).min(2) }))
    .max(10)
    .default([]),
});
export const CohousingResidentBody = z.object({ personId: z.uuid(), enteredOn: Day, leftOn: Day.optional(), rulesSignedOn: Day.optional() });
export const CohousingExpenseBody = z.object({ spentOn: Day, description: Text(500).min(3), amountCents: z.number().int().min(1).max(100_000_000) });
export const CohousingShareParams = z.object({ id: z.uuid(), expenseId: z.uuid(), residentId: z.uuid() });
export const CohousingOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(COHOUSING_KINDS),
  building: z.object({ id: z.uuid(), address: z.string() }),
  description: z.string().nullable(),
  houseRules: z.string().nullable(),
  startedOn: z.string(),
  partners: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: z.string() })),
  residents: z.array(
    z.object({
      id: z.uuid(),
      personId: z.uuid(),
      name: z.string(),
      enteredOn: z.string(),
      leftOn: z.string().nullable(),
      rulesSignedOn: z.string().nullable(),
    }),
  ),
  meetings: z.array(z.object({ id: z.uuid(), heldOn: z.string(), minutes: z.string() })),
  expenses: z.array(
    z.object({
      id: z.uuid(),
      spentOn: z.string(),
      description: z.string(),
      amountCents: z.number().int(),
      shares: z.array(z.object({ residentId: z.uuid(), name: z.string(), shareCents: z.number().int(), paidOn: z.string().nullable() })),
    }),
  ),
  balances: z.array(z.object({ residentId: z.uuid(), name: z.string(), owedCents: z.number().int() })),
});
