// Rows leave the tenancies module only through here, with explanation lines in the request language.
import type { Program } from '../../kernel/auth/permissions.js';
import type { Lang } from '../../kernel/i18n/messages.js';
import type { AssessmentRow, ChargeRunRow, LedgerRow, TenancyRow } from './repo.js';
import type { ArrearsAssessment } from './rules/arrears.js';
import { explainLine } from './rules/explain.js';
import type { ExplanationLine } from './rules/rent.js';
import type { DOCUMENT_KINDS, ENTRY_KINDS, RENEWALS, SIGNATORY_ROLES, TENANCY_KINDS } from './schema.js';

type Kind = (typeof TENANCY_KINDS)[number];
export type TenancyState = 'active' | 'ended' | 'future';

export function stateOf(start: string, end: string | null, today: string): TenancyState {
  if (start > today) {
    return 'future';
  }
  return end !== null && end <= today ? 'ended' : 'active';
}

export function presentLines(lines: ExplanationLine[], lang: Lang) {
  return lines.map((l) => ({ code: l.code, text: explainLine(l, lang), amountCents: l.amountCents ?? null }));
}

export function tenantNameOf(r: { household_name: string | null; person_name: string | null }): string {
  return r.household_name ?? r.person_name ?? '—';
}

export function presentTenancySummary(r: TenancyRow, today: string) {
  return {
    id: r.id,
    code: r.code,
    program: r.program as Program,
    kind: r.kind as Kind,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    bed: r.bed,
    estateName: r.estate_name,
    address: `${r.address}, ${r.city}`,
    tenantName: tenantNameOf(r),
    startDate: r.start_date,
    endDate: r.end_date,
    state: stateOf(r.start_date, r.end_date, today),
    monthlyRentCents: r.monthly_rent_cents === null ? null : Number(r.monthly_rent_cents),
    balanceCents: Number(r.balance_cents),
  };
}

export function presentAssessment(a: AssessmentRow, lang: Lang) {
  return {
    id: a.id,
    effectiveFrom: a.effective_from,
    annualCents: Number(a.annual_cents),
    monthlyCents: Number(a.monthly_cents),
    category: a.category,
    ruleKind: a.rule_kind,
    reason: a.reason,
    lines: presentLines(a.lines as ExplanationLine[], lang),
    createdAt: a.created_at.toISOString(),
  };
}

export function presentArrears(a: ArrearsAssessment, lang: Lang) {
  return { score: a.score, level: a.level, monthsInArrears: a.monthsInArrears, trendCents: a.trendCents, lines: presentLines(a.lines, lang) };
}

export interface DetailParts {
  signatories: { id: string; person_id: string | null; name: string; role: string; signed_on: string | null }[];
  documents: { id: string; kind: string; title: string; reference: string | null; dated: string | null }[];
  incomes: {
    id: string;
    effective_from: string;
    annual_income_cents: number;
    protected_income_only: boolean;
    isee_cents: number | null;
    dependants: number;
    note: string | null;
    created_at: Date;
  }[];
  assessments: AssessmentRow[];
  arrears: ArrearsAssessment;
}

/** The assessment in force on a day (or the first one when the tenancy has not started). */
export function assessmentInForce(assessments: AssessmentRow[], day: string): AssessmentRow | undefined {
  // assessments come ordered by effective_from desc, created_at desc.
  return assessments.find((a) => a.effective_from <= day) ?? assessments.at(-1);
}

export function presentTenancyDetail(r: TenancyRow, parts: DetailParts, today: string, lang: Lang) {
  const current = assessmentInForce(parts.assessments, today < r.start_date ? r.start_date : today);
  return {
    ...presentTenancySummary(r, today),
    householdId: r.household_id,
    householdName: r.household_name,
    personId: r.person_id,
    personName: r.person_name,
    renewal: r.renewal as (typeof RENEWALS)[number],
    renewalMonths: r.renewal_months,
    depositCents: Number(r.deposit_cents),
    serviceChargesCents: Number(r.service_charges_cents),
    notes: r.notes,
    endReason: r.end_reason,
    surfaceM2: Number(r.surface_m2),
    signatories: parts.signatories.map((s) => ({
      id: s.id,
      personId: s.person_id,
      name: s.name,
      role: s.role as (typeof SIGNATORY_ROLES)[number],
      signedOn: s.signed_on,
    })),
    documents: parts.documents.map((d) => ({
      id: d.id,
      kind: d.kind as (typeof DOCUMENT_KINDS)[number],
      title: d.title,
      reference: d.reference,
      dated: d.dated,
    })),
    incomes: parts.incomes.map((i) => ({
      id: i.id,
      effectiveFrom: i.effective_from,
      annualIncomeCents: Number(i.annual_income_cents),
      protectedIncomeOnly: i.protected_income_only,
      iseeCents: i.isee_cents === null ? null : Number(i.isee_cents),
      dependants: i.dependants,
      note: i.note,
      createdAt: i.created_at.toISOString(),
    })),
    rent: current ? presentAssessment(current, lang) : null,
    rentHistory: parts.assessments.map((a) => presentAssessment(a, lang)),
    arrears: presentArrears(parts.arrears, lang),
    createdAt: r.created_at.toISOString(),
  };
}

const CHARGE_LABEL: Record<string, { it: string; en: string }> = {
  rent: { it: 'Canone', en: 'Rent' },
  service_charges: { it: 'Oneri accessori', en: 'Service charges' },
};

/** The ledger with a running balance; monthly charges are labelled in the request language. */
export function presentLedger(tenancyId: string, rows: LedgerRow[], at: string, lang: Lang) {
  let running = 0;
  const totals = { charges: 0, payments: 0, adjustments: 0, writeOffs: 0 };
  const entries = rows.map((r) => {
    const amount = Number(r.amount_cents);
    running += amount;
    if (r.entry_date <= at) {
      if (r.kind === 'charge') {
        totals.charges += amount;
      } else if (r.kind === 'payment') {
        totals.payments += amount;
      } else if (r.kind === 'adjustment') {
        totals.adjustments += amount;
      } else {
        totals.writeOffs += amount;
      }
    }
    const label = r.charge_month && r.component ? CHARGE_LABEL[r.component] : undefined;
    return {
      id: r.id,
      kind: r.kind as (typeof ENTRY_KINDS)[number],
      component: r.component,
      entryDate: r.entry_date,
      amountCents: amount,
      reason: label && r.charge_month ? `${label[lang]} ${r.charge_month.slice(5, 7)}/${r.charge_month.slice(0, 4)}` : r.reason,
      chargeMonth: r.charge_month,
      noticeNumber: r.notice_number,
      authorName: r.author_name,
      balanceAfterCents: running,
      createdAt: r.created_at.toISOString(),
    };
  });
  const balance = rows.filter((r) => r.entry_date <= at).reduce((s, r) => s + Number(r.amount_cents), 0);
  return { tenancyId, at, balanceCents: balance, totals, entries };
}

export function presentChargeRun(r: ChargeRunRow) {
  return {
    id: r.id,
    month: r.month.slice(0, 7),
    status: r.status as 'running' | 'done' | 'failed',
    tenanciesTotal: r.tenancies_total,
    tenanciesDone: r.tenancies_done,
    chargesCreated: r.charges_created,
    amountCents: Number(r.amount_cents),
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    startedByName: r.started_by_name,
  };
}

export function presentNotice(
  n: {
    id: string;
    tenancy_id: string;
    notice_number: string;
    iuv: string;
    amount_cents: number;
    due_date: string;
    description: string;
    status: string;
    paid_at: Date | null;
    created_at: Date;
  },
  creditorFiscalCode: string,
) {
  return {
    id: n.id,
    tenancyId: n.tenancy_id,
    noticeNumber: n.notice_number,
    iuv: n.iuv,
    creditorFiscalCode,
    amountCents: Number(n.amount_cents),
    dueDate: n.due_date,
    description: n.description,
    status: n.status as 'open' | 'paid' | 'cancelled',
    paidAt: n.paid_at ? n.paid_at.toISOString() : null,
    createdAt: n.created_at.toISOString(),
  };
}
