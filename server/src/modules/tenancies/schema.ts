import { z } from 'zod';
import { PROGRAMS } from '../../kernel/auth/permissions.js';
import { PageQuery } from '../../kernel/http/pagination.js';

export const TENANCY_KINDS = [
  'erp_lease',
  'collab_agreement',
  'dopo_di_noi_stay',
  'housing_first_hosting',
  'cohousing_agreement',
  'agency_private_lease',
] as const;
export const RENEWALS = ['none', 'automatic', 'on_request'] as const;
export const SIGNATORY_ROLES = ['tenant', 'co_tenant', 'guarantor', 'landlord', 'representative', 'ente'] as const;
export const DOCUMENT_KINDS = ['contract', 'annex', 'inventory', 'energy_certificate', 'registration', 'other'] as const;
export const ENTRY_KINDS = ['charge', 'payment', 'adjustment', 'write_off'] as const;
export const ARREARS_LEVELS = ['none', 'watch', 'alert', 'critical'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const UnitIdParams = z.object({ unitId: z.uuid() });
export const Day = z.iso.date().describe('A day, YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);
export const Cents = z.number().int().min(0).max(100_000_000_00).describe('Euro cents (integer)');
const Bp = z.number().int().min(0).max(10_000).describe('Basis points: 700 = 7%');

// ---- rent rules ----

export const ErpTuscanyParamsSchema = z.object({
  kind: z.literal('erp_tuscany'),
  minimumRentCents: Cents.describe('Canone minimo per month (40 € = 4000)'),
  inpsMinimumPensionYearCents: Cents.describe('INPS minimum pension for a year (2024: 778193)'),
  socialIncomeMultiple: z.number().int().min(1).max(5),
  socialBp: Bp,
  bands: z
    .array(z.object({ upToCents: Cents.nullable(), bp: Bp }))
    .min(1)
    .max(8)
    .refine(
      (b) =>
        b.at(-1)?.upToCents === null &&
        b.slice(0, -1).every((x, i) => x.upToCents !== null && (i === 0 || (x.upToCents as number) > (b[i - 1]?.upToCents as number))),
      {
        message: 'tenancy.bands_order',
      },
    )
    .describe('Ascending income bands; the last one has upToCents null'),
  dependantDeductionCents: Cents,
  valoreLocativoM2Cents: Cents,
  valoreLocativoCoefficientBp: z.number().int().min(1).max(50_000),
});
export const SustainableShareParamsSchema = z.object({
  kind: z.literal('sustainable_share'),
  base: z.enum(['income', 'isee']),
  shareBp: Bp,
  floorCents: Cents,
  capCents: Cents,
});
export const HousingFirstParamsSchema = z.object({
  kind: z.literal('housing_first'),
  mode: z.enum(['fixed', 'income_share']),
  fixedCents: Cents,
  shareBp: Bp,
  floorCents: Cents,
  capCents: Cents,
});
export const RentRuleParamsSchema = z.discriminatedUnion('kind', [ErpTuscanyParamsSchema, SustainableShareParamsSchema, HousingFirstParamsSchema]);

export const RentRuleBody = z.object({
  program: z.enum(PROGRAMS),
  effectiveFrom: Day,
  params: RentRuleParamsSchema,
  note: Text(1000).nullable().default(null),
});
export const RentRuleOut = z.object({
  id: z.uuid().nullable().describe('null: the built-in default (no rule recorded yet)'),
  program: z.enum(PROGRAMS),
  effectiveFrom: Day.nullable(),
  params: RentRuleParamsSchema,
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
});

// ---- income and explanation ----

export const IncomeBody = z.object({
  effectiveFrom: Day.describe('The new rent applies from this day'),
  annualIncomeCents: Cents,
  protectedIncomeOnly: z.boolean().default(true).describe('Income only from employment, pension or listed benefits (L.R. 2/2019 art. 24)'),
  iseeCents: Cents.nullable().default(null),
  dependants: z.number().int().min(0).max(20).default(0),
  note: Text(1000).nullable().default(null),
});
const IncomeNoDate = IncomeBody.omit({ effectiveFrom: true });

export const ExplanationLineOut = z.object({
  code: z.string(),
  text: z.string().describe('The line in the request language'),
  amountCents: z.number().int().nullable(),
});

export const RentOut = z.object({
  id: z.uuid().nullable(),
  effectiveFrom: Day,
  annualCents: z.number().int(),
  monthlyCents: z.number().int(),
  category: z.string(),
  ruleKind: z.string(),
  reason: z.string(),
  lines: z.array(ExplanationLineOut),
  createdAt: z.string().nullable(),
});

export const RentPreviewBody = IncomeNoDate.extend({
  program: z.enum(PROGRAMS),
  unitId: z.uuid(),
  date: Day,
});

// ---- tenancies ----

export const SignatoryIn = z.object({
  personId: z.uuid().nullable().default(null),
  name: Text(200),
  role: z.enum(SIGNATORY_ROLES),
  signedOn: Day.nullable().default(null),
});
export const DocumentIn = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: Text(200),
  reference: Text(300).nullable().default(null).describe('Protocol number or archive link'),
  dated: Day.nullable().default(null),
});

export const TenancyCreateBody = z
  .object({
    unitId: z.uuid(),
    bed: z.number().int().min(1).max(40).nullable().default(null).describe('A bed of the unit; null = the whole unit'),
    householdId: z.uuid().nullable().default(null),
    personId: z.uuid().nullable().default(null),
    program: z.enum(PROGRAMS),
    kind: z.enum(TENANCY_KINDS),
    startDate: Day,
    endDate: Day.nullable().default(null).describe('Exclusive end; null = open-ended'),
    renewal: z.enum(RENEWALS).default('none'),
    renewalMonths: z.number().int().min(1).max(120).nullable().default(null),
    depositCents: Cents.default(0),
    serviceChargesCents: Cents.default(0).describe('Oneri accessori per month'),
    notes: Text(2000).nullable().default(null),
    income: IncomeNoDate,
    signatories: z.array(SignatoryIn).max(10).default([]),
    documents: z.array(DocumentIn).max(20).default([]),
  })
  .refine((b) => b.householdId !== null || b.personId !== null, { message: 'tenancy.party_required', path: ['householdId'] })
  .refine((b) => b.endDate === null || b.endDate > b.startDate, { message: 'tenancy.period_order', path: ['endDate'] });

export const TenancyEndBody = z.object({ endDate: Day.describe('First day no longer covered'), reason: Text(500) });

export const TenancyListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Code, unit code or tenant name'),
  program: z.enum(PROGRAMS).optional(),
  unitId: z.uuid().optional(),
  state: z.enum(['active', 'ended', 'future']).optional().describe("Relative to today's date"),
});

export const TenancySummaryOut = z.object({
  id: z.uuid(),
  code: z.string(),
  program: z.enum(PROGRAMS),
  kind: z.enum(TENANCY_KINDS),
  unitId: z.uuid(),
  unitCode: z.string(),
  bed: z.number().int().nullable(),
  estateName: z.string().nullable(),
  address: z.string(),
  tenantName: z.string(),
  startDate: Day,
  endDate: Day.nullable(),
  state: z.enum(['active', 'ended', 'future']),
  monthlyRentCents: z.number().int().nullable(),
  balanceCents: z.number().int(),
});

export const ArrearsOut = z.object({
  score: z.number().int(),
  level: z.enum(ARREARS_LEVELS),
  monthsInArrears: z.number(),
  trendCents: z.number().int(),
  lines: z.array(ExplanationLineOut),
});

// ---- payment plans ----

export const PlanBody = z.object({
  instalments: z.number().int().min(2).max(36),
  firstDue: Day,
  totalCents: Cents.refine((n) => n > 0, { message: 'tenancy.amount_positive' })
    .optional()
    .describe('Default: the balance owed today'),
  note: Text(1000).nullable().default(null),
});
export const PlanOut = z.object({
  id: z.uuid(),
  startDate: Day,
  totalCents: z.number().int(),
  note: z.string().nullable(),
  state: z.enum(['active', 'completed', 'broken', 'cancelled']),
  paidCents: z.number().int().describe('Payments since the plan started'),
  missed: z.number().int(),
  instalments: z.array(z.object({ no: z.number().int(), dueDate: Day, amountCents: z.number().int(), state: z.enum(['paid', 'due', 'missed']) })),
  createdAt: z.string(),
});
export const PlanParams = z.object({ id: z.uuid(), planId: z.uuid() });

export const TenancyDetailOut = TenancySummaryOut.extend({
  householdId: z.uuid().nullable(),
  householdName: z.string().nullable(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  renewal: z.enum(RENEWALS),
  renewalMonths: z.number().int().nullable(),
  depositCents: z.number().int(),
  serviceChargesCents: z.number().int(),
  notes: z.string().nullable(),
  endReason: z.string().nullable(),
  surfaceM2: z.number(),
  signatories: z.array(SignatoryIn.extend({ id: z.uuid() })),
  documents: z.array(DocumentIn.extend({ id: z.uuid() })),
  incomes: z.array(IncomeBody.extend({ id: z.uuid(), createdAt: z.string() })),
  rent: RentOut.nullable().describe("The rent in force today (or at the start, if it hasn't begun)"),
  rentHistory: z.array(RentOut),
  arrears: ArrearsOut,
  plans: z.array(PlanOut).describe('Payment plans, newest first, tracked today'),
  createdAt: z.string(),
});

export const UnitTenancyOut = z.object({
  id: z.uuid(),
  code: z.string(),
  program: z.enum(PROGRAMS),
  kind: z.enum(TENANCY_KINDS),
  bed: z.number().int().nullable(),
  startDate: Day,
  endDate: Day.nullable(),
  state: z.enum(['active', 'ended', 'future']),
  tenantName: z.string().nullable().describe('Only for holders of tenancy:read'),
});

// ---- ledger ----

export const LedgerQuery = z.object({ at: Day.optional().describe('Balance on this day (default: today)') });

export const LedgerEntryBody = z
  .object({
    kind: z.enum(ENTRY_KINDS),
    entryDate: Day,
    amountCents: Cents.refine((n) => n > 0, { message: 'tenancy.amount_positive' }).describe('Positive; the kind gives the sign'),
    direction: z.enum(['debit', 'credit']).default('debit').describe('For adjustments: debit raises what the tenant owes, credit lowers it'),
    reason: Text(500),
  })
  .describe('A new ledger row; rows are never changed: corrections are new rows');

export const LedgerEntryOut = z.object({
  id: z.uuid(),
  kind: z.enum(ENTRY_KINDS),
  component: z.string().nullable(),
  entryDate: Day,
  amountCents: z.number().int().describe('Signed: positive = owed by the tenant'),
  reason: z.string(),
  chargeMonth: Day.nullable(),
  noticeNumber: z.string().nullable(),
  authorName: z.string().nullable(),
  balanceAfterCents: z.number().int(),
  createdAt: z.string(),
});

export const LedgerOut = z.object({
  tenancyId: z.uuid(),
  at: Day,
  balanceCents: z.number().int().describe('Balance on `at`: positive = the tenant owes'),
  totals: z.object({ charges: z.number().int(), payments: z.number().int(), adjustments: z.number().int(), writeOffs: z.number().int() }),
  entries: z.array(LedgerEntryOut),
});

// ---- charge runs ----

export const ChargeRunBody = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('YYYY-MM'),
});
export const ChargeRunOut = z.object({
  id: z.uuid(),
  month: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  tenanciesTotal: z.number().int(),
  tenanciesDone: z.number().int(),
  chargesCreated: z.number().int(),
  amountCents: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedByName: z.string().nullable(),
});

// ---- notices and payments ----

export const NoticeBody = z.object({
  amountCents: Cents.refine((n) => n > 0, { message: 'tenancy.amount_positive' })
    .optional()
    .describe('Default: the balance owed today'),
  dueDate: Day.optional().describe('Default: 30 days from today'),
  description: Text(140).optional(),
});
export const NoticeOut = z.object({
  id: z.uuid(),
  tenancyId: z.uuid(),
  noticeNumber: z.string().describe('Numero Avviso (18 digits)'),
  iuv: z.string(),
  creditorFiscalCode: z.string(),
  amountCents: z.number().int(),
  dueDate: Day,
  description: z.string(),
  status: z.enum(['open', 'paid', 'cancelled']),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
});

export const PaymentSettingsBody = z.object({
  creditorFiscalCode: z.string().regex(/^[0-9]{11}$/),
  segregationCode: z.number().int().min(0).max(49),
  receiptSecret: z.string().min(16).max(200).describe('Shared secret that signs gateway receipts (HMAC-SHA256)'),
});
export const PaymentSettingsOut = z.object({ creditorFiscalCode: z.string(), segregationCode: z.number().int(), configured: z.boolean() });

export const ReceiptBody = z.object({
  receiptId: z.string().min(1).max(100),
  creditorFiscalCode: z.string().regex(/^[0-9]{11}$/),
  noticeNumber: z.string().regex(/^[0-9]{18}$/),
  amountCents: z.number().int().positive(),
  paidAt: z.iso.datetime({ offset: true }),
  psp: z.string().max(100).optional(),
  payerFiscalCode: z.string().max(16).optional(),
});
export const ReceiptOut = z.object({ outcome: z.enum(['posted', 'duplicate']), noticeNumber: z.string() });

// ---- arrears ----

export const ArrearsQuery = z.object({
  minLevel: z.enum(ARREARS_LEVELS).default('watch'),
  program: z.enum(PROGRAMS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ArrearsItemOut = z.object({
  tenancyId: z.uuid(),
  code: z.string(),
  program: z.enum(PROGRAMS),
  tenantName: z.string(),
  unitCode: z.string(),
  estateName: z.string().nullable(),
  balanceCents: z.number().int(),
  monthlyDueCents: z.number().int(),
  lastPaymentDate: Day.nullable(),
  arrears: ArrearsOut,
});

// ---- the tenant's own view ----

export const MyTenancyOut = z.object({
  tenancy: TenancyDetailOut,
  ledger: LedgerOut,
  notices: z.array(NoticeOut),
});

// ---- party search (for the create form) ----

export const PartyQuery = z.object({ q: z.string().trim().min(2).max(100).describe('Family name (prefix) or household name') });
export const PartyOut = z.object({
  personId: z.uuid(),
  personName: z.string(),
  householdId: z.uuid().nullable(),
  householdName: z.string().nullable(),
  incomeYear: z.number().int().nullable(),
  incomeCents: z.number().int().nullable().describe("The household's incomes of the latest year on file"),
  iseeCents: z.number().int().nullable(),
  children: z.number().int(),
});

// ---- payments files ----

export const ImportQuery = z.object({ fileName: z.string().trim().max(200).optional() });
export const ImportOut = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  posted: z.number().int(),
  unmatched: z.number().int(),
  duplicates: z.number().int().describe('Rows already posted or waiting from an earlier import'),
});
export const ImportListOut = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string().nullable(),
      rows: z.number().int(),
      posted: z.number().int(),
      unmatched: z.number().int(),
      duplicates: z.number().int(),
      createdAt: z.string(),
      createdByName: z.string().nullable(),
    }),
  ),
});
export const UnmatchedQuery = z.object({ status: z.enum(['open', 'resolved', 'rejected']).default('open') });
export const UnmatchedOut = z.object({
  id: z.uuid(),
  line: z.number().int(),
  paidOn: Day,
  amountCents: z.number().int(),
  noticeNumber: z.string().nullable(),
  payerFiscalCode: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(['open', 'resolved', 'rejected']),
  tenancyId: z.uuid().nullable(),
  tenancyCode: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  fileName: z.string().nullable(),
});
export const ResolveBody = z.object({ tenancyId: z.uuid(), note: Text(500).nullable().default(null) });
export const RejectBody = z.object({ note: Text(500) });

// ---- aged arrears ----

export const AgedQuery = z.object({ by: z.enum(['estate', 'program']).default('estate') });
const AgedBuckets = { d0_30: z.number().int(), d31_90: z.number().int(), d91_180: z.number().int(), d181_plus: z.number().int(), total: z.number().int() };
export const AgedOut = z.object({
  at: Day,
  by: z.enum(['estate', 'program']),
  rows: z.array(z.object({ key: z.string().nullable().describe('Estate name (null: no estate) or program'), tenancies: z.number().int(), ...AgedBuckets })),
  totals: z.object({ tenancies: z.number().int(), ...AgedBuckets }),
});
