import { z } from 'zod';
import { PROGRAMS } from '../../kernel/auth/permissions.js';
import { PageQuery } from '../../kernel/http/pagination.js';
import { validateCodiceFiscale } from './rules/codice-fiscale.js';

export const Day = z.iso.date().describe('A day, YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Opt = (max: number) => Text(max).nullable().optional();

export const PersonIdParams = z.object({ id: z.uuid() });

const PersonFields = z.object({
  givenName: Text(100),
  familyName: Text(100),
  codiceFiscale: z.string().trim().toUpperCase().nullable().optional().describe('Optional: without it the record is marked as pending (e.g. homeless people)'),
  birthDate: Day.nullable().optional(),
  birthPlace: Opt(100),
  birthPlaceCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][0-9]{3}$/)
    .nullable()
    .optional()
    .describe('Codice catastale (Belfiore), e.g. E715 for Lucca; Z + 3 digits for a foreign country'),
  sex: z.enum(['M', 'F']).nullable().optional(),
  citizenship: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional()
    .describe('ISO 3166-1 alpha-2, e.g. IT'),
  email: z.email().max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/)
    .nullable()
    .optional(),
  residenceAddress: Opt(200),
  residenceCity: Opt(100),
  residencePostcode: z
    .string()
    .regex(/^[0-9]{5}$/)
    .nullable()
    .optional(),
  domicileAddress: Opt(200),
  domicileCity: Opt(100),
  noFixedAddress: z.boolean().optional().describe('No fixed address (homelessness)'),
});

type PersonInput = z.infer<typeof PersonFields>;

/** Cross-checks the codice fiscale against birth date, sex and birthplace when they are given. */
function checkCf(p: Partial<PersonInput>, ctx: z.RefinementCtx) {
  if (!p.codiceFiscale) {
    return;
  }
  const r = validateCodiceFiscale(p.codiceFiscale, { birthDate: p.birthDate, sex: p.sex, birthPlaceCode: p.birthPlaceCode });
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', path: ['codiceFiscale'], message: r.error });
  }
}

export const PersonCreateBody = PersonFields.extend({
  enrolment: z
    .object({ program: z.enum(PROGRAMS), caseWorkerId: z.uuid().nullable().optional(), startedOn: Day.optional() })
    .optional()
    .describe('Enrol the person in a program at once (required when your role is limited to programs)'),
}).superRefine(checkCf);

export const PersonPatchBody = PersonFields.partial()
  .superRefine(checkCf)
  .refine((b) => Object.keys(b).length > 0, { message: 'request.invalid' });

export const PersonListQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional().describe('Surname prefix, "surname name" prefix, or a codice fiscale'),
  program: z.enum(PROGRAMS).optional().describe('Only people currently enrolled in this program'),
  pendingCf: z.enum(['true', 'false']).optional().describe('Only records without a codice fiscale'),
});

export const PersonSummaryOut = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  codiceFiscale: z.string().nullable(),
  cfPending: z.boolean(),
  birthDate: z.string().nullable(),
  residenceCity: z.string().nullable(),
  noFixedAddress: z.boolean(),
  programs: z.array(z.enum(PROGRAMS)).describe('Programs with an active enrolment today'),
});

const EnrolmentOut = z.object({
  id: z.uuid(),
  program: z.enum(PROGRAMS),
  caseWorkerId: z.uuid().nullable(),
  caseWorkerName: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
});

export const ConsentOut = z.object({
  id: z.uuid(),
  purpose: z.string(),
  legalBasis: z.string(),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
  givenById: z.uuid().nullable(),
  givenByName: z.string().nullable(),
});

const DocumentOut = z.object({
  id: z.uuid(),
  kind: z.string(),
  number: z.string().nullable(),
  issuedBy: z.string().nullable(),
  expiresOn: z.string().nullable(),
  fileName: z.string().nullable(),
  expired: z.boolean(),
});

const RepresentativeOut = z.object({
  id: z.uuid(),
  representativeId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});

export const PersonOut = PersonSummaryOut.extend({
  birthPlace: z.string().nullable(),
  birthPlaceCode: z.string().nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  citizenship: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  residenceAddress: z.string().nullable(),
  residencePostcode: z.string().nullable(),
  domicileAddress: z.string().nullable(),
  domicileCity: z.string().nullable(),
  linkedAccount: z.boolean(),
  householdId: z.uuid().nullable(),
  enrolments: z.array(EnrolmentOut),
  consents: z.array(ConsentOut),
  documents: z.array(DocumentOut),
  representatives: z.array(RepresentativeOut),
  sensitiveCategories: z.array(z.string()).describe('Special-category records that exist (content via /sensitive)'),
  createdAt: z.iso.datetime(),
});

export const SENSITIVE_SCHEMAS = {
  disability: z.object({
    law104: z.enum(['none', 'art3c1', 'art3c3']).describe('L. 104/92 art. 3: c.1 (disability) or c.3 (severe)'),
    invalidityPercent: z.number().int().min(0).max(100).nullable(),
    supportNeeds: z.string().max(2000),
    assessedOn: Day.nullable().optional(),
  }),
  health: z.object({ conditions: z.string().max(2000), servicesInCharge: z.string().max(500).optional() }),
  addiction: z.object({ substances: z.string().max(500), servicesInCharge: z.string().max(500), notes: z.string().max(2000).optional() }),
  homelessness: z.object({
    ethos: z.enum(['roofless', 'houseless', 'insecure', 'inadequate']).describe('ETHOS category at entry'),
    since: Day.nullable().optional(),
    notes: z.string().max(2000).optional(),
  }),
  judicial: z.object({ measure: z.string().max(500), until: Day.nullable().optional(), notes: z.string().max(2000).optional() }),
} as const;
export type SensitiveCategory = keyof typeof SENSITIVE_SCHEMAS;
export const SENSITIVE_CATEGORY = z.enum(['disability', 'health', 'addiction', 'homelessness', 'judicial']);

export const SensitiveParams = z.object({ id: z.uuid(), category: SENSITIVE_CATEGORY });
export const PurposeQuery = z.object({ purpose: z.string().trim().min(3).max(200).describe('Why you read these data (written to the audit log)') });
export const SensitivePutBody = z.object({ data: z.record(z.string(), z.unknown()), purpose: z.string().trim().min(3).max(200) });

export const SensitiveOut = z.object({
  items: z.array(
    z.object({
      category: SENSITIVE_CATEGORY,
      restricted: z.boolean().describe('true: the record exists but you may not read it'),
      data: z.record(z.string(), z.unknown()).nullable(),
      updatedAt: z.iso.datetime(),
    }),
  ),
});

export const EnrolmentBody = z.object({ program: z.enum(PROGRAMS), caseWorkerId: z.uuid().nullable().optional(), startedOn: Day, note: Opt(500) });
export const EndBody = z.object({ on: Day });
export const SubParams = z.object({ id: z.uuid(), subId: z.uuid() });

export const ConsentBody = z.object({
  purpose: z.string().trim().min(3).max(500),
  legalBasis: z.enum(['consent', 'legal_obligation', 'public_interest', 'vital_interest', 'contract']).default('consent'),
  givenOn: Day,
  givenById: z.uuid().nullable().optional().describe('The legal representative who gave it (a person); empty = the person'),
});

export const RepresentativeBody = z.object({
  representativeId: z.uuid(),
  kind: z.enum(['amministratore_di_sostegno', 'tutore', 'curatore', 'genitore']),
  startedOn: Day,
});

export const DocumentBody = z.object({
  kind: z.enum(['identity_card', 'passport', 'residence_permit', 'driving_licence', 'health_card', 'other']),
  number: Opt(50),
  issuedBy: Opt(100),
  expiresOn: Day.nullable().optional(),
  file: z
    .object({
      name: Text(200),
      mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
      contentBase64: z.base64().max(7_000_000).describe('The file, base64 (max 5 MB)'),
    })
    .optional(),
});

export const MergeBody = z.object({ intoId: z.uuid().describe('The record that stays') });

export const DuplicateOut = z.object({
  items: z.array(
    z.object({
      a: PersonSummaryOut,
      b: PersonSummaryOut,
      reason: z.enum(['same_name_and_birth_date', 'similar_name_same_birth_date']),
      similarity: z.number(),
    }),
  ),
});

export const HouseholdIdParams = z.object({ id: z.uuid() });
export const RELATIONSHIPS = ['head', 'spouse', 'partner', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other_relative', 'cohabitant'] as const;
const MemberIn = z.object({ personId: z.uuid(), relationship: z.enum(RELATIONSHIPS), joinedOn: Day });

export const HouseholdCreateBody = z.object({
  name: Text(200).describe('e.g. "Nucleo Rossi"'),
  members: z
    .array(MemberIn)
    .min(1)
    .max(30)
    .refine((m) => m.filter((x) => x.relationship === 'head').length === 1, { message: 'registry.household_head' })
    .refine((m) => new Set(m.map((x) => x.personId)).size === m.length, { message: 'request.invalid' }),
});
export const MemberBody = MemberIn;
export const IseeBody = z
  .object({
    kind: z.enum(['ordinario', 'corrente', 'sociosanitario', 'minorenni']).default('ordinario'),
    valueCents: z.number().int().min(0).max(100_000_000).describe('ISEE value in euro cents'),
    protocolDsu: z
      .string()
      .trim()
      .regex(/^INPS-ISEE-\d{4}-\d{5,12}-\d{2}$/)
      .describe('Protocol of the DSU, e.g. INPS-ISEE-2026-00012345-00'),
    issuedOn: Day,
    expiresOn: Day.optional().describe('Default: 31 December of the issue year (DSU validity)'),
  })
  .refine((b) => !b.expiresOn || b.expiresOn >= b.issuedOn, { message: 'request.invalid', path: ['expiresOn'] });
export const IncomeBody = z.object({
  personId: z.uuid().nullable().optional(),
  year: z.number().int().min(1990).max(2100),
  kind: z.enum(['employment', 'pension', 'self_employment', 'unemployment_benefit', 'disability_benefit', 'other']),
  amountCents: z.number().int().min(0).max(1_000_000_000),
});

export const HouseholdOut = z.object({
  id: z.uuid(),
  name: z.string(),
  head: z.object({ personId: z.uuid(), name: z.string() }).nullable(),
  members: z.array(
    z.object({
      id: z.uuid(),
      personId: z.uuid(),
      name: z.string(),
      birthDate: z.string().nullable(),
      relationship: z.enum(RELATIONSHIPS),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  isee: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      valueCents: z.number().int(),
      protocolDsu: z.string(),
      issuedOn: z.string(),
      expiresOn: z.string(),
      status: z.enum(['valid', 'expiring', 'expired']).describe('expiring = within 30 days'),
    }),
  ),
  currentIsee: z.object({ valueCents: z.number().int(), expiresOn: z.string(), status: z.enum(['valid', 'expiring', 'expired']) }).nullable(),
  incomes: z.array(z.object({ id: z.uuid(), personId: z.uuid().nullable(), year: z.number().int(), kind: z.string(), amountCents: z.number().int() })),
});
