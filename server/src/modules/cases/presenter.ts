// Rows leave the server only through these functions.
import type { z } from 'zod';
import type { Program } from '../../kernel/auth/permissions.js';
import type * as repo from './repo.js';
import type { CaseRow, WorkPathRow } from './repo.js';
import { grantDue } from './rules/outcomes.js';
import type { CaseDetailOut, CaseSummaryOut, NoteOut, Policies, VisitOut, WorkPathOut } from './schema.js';

type In<T extends z.ZodType> = z.input<T>;
type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export function presentCaseSummary(r: CaseRow): In<typeof CaseSummaryOut> {
  return {
    id: r.id,
    program: r.program as Program,
    status: r.status as 'open',
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    person: { id: r.person_id, name: r.person_name },
    householdName: r.household_name,
    currentStage: r.current_stage,
    caseManager: r.case_manager,
    inTeam: r.in_team,
  };
}

export function presentCaseDetail(
  r: CaseRow,
  parts: {
    team: Rows<typeof repo.team>;
    stages: Rows<typeof repo.stages>;
    items: Rows<typeof repo.checklist>;
    agreements: Rows<typeof repo.agreements>;
    referrals: Rows<typeof repo.referrals>;
    placement: Rows<typeof repo.placement>;
  },
  policies: z.input<typeof Policies>,
): In<typeof CaseDetailOut> {
  const pl = parts.placement;
  return {
    ...presentCaseSummary(r),
    household: r.household_id && r.household_name ? { id: r.household_id, name: r.household_name } : null,
    closeReason: r.close_reason,
    summary: r.summary,
    team: parts.team.map((m) => ({
      id: m.id,
      userId: m.user_id,
      name: m.full_name,
      organisation: m.organisation,
      role: m.role as 'case_manager',
      fromOn: m.from_on,
      toOn: m.to_on,
    })),
    stages: parts.stages.map((s) => ({
      key: s.stage_key,
      position: s.position,
      status: s.status as 'active',
      startedOn: s.started_on,
      completedOn: s.completed_on,
      checklist: parts.items.filter((i) => i.stage_key === s.stage_key).map((i) => ({ key: i.item_key, doneOn: i.done_on, note: i.note })),
    })),
    agreements: parts.agreements.map((a) => ({
      id: a.id,
      kind: a.kind as 'house_rules',
      title: a.title,
      version: a.version,
      signedOn: a.signed_on,
      signedBy: a.signed_by,
      reference: a.reference,
    })),
    referrals: parts.referrals.map((x) => ({
      id: x.id,
      fromOrganisation: x.from_name,
      toOrganisationId: x.to_organisation_id,
      toOrganisation: x.to_name,
      service: x.service,
      reason: x.reason,
      referredOn: x.referred_on,
      status: x.status as 'sent',
      respondedOn: x.responded_on,
      responseNote: x.response_note,
      outcome: x.outcome,
      outcomeOn: x.outcome_on,
    })),
    placement: pl
      ? {
          unitId: pl.unit_id,
          unitCode: pl.unit_code,
          address: pl.address,
          tenancyId: pl.tenancy_id,
          tenancyCode: pl.tenancy_code,
          monthlyRentCents: pl.monthly_rent_cents === null ? null : Number(pl.monthly_rent_cents),
          housedOn: pl.housed_on,
          leftOn: pl.left_on,
          exitKind: pl.exit_kind as 'autonomy' | null,
        }
      : null,
    policies,
  };
}

export function presentNote(n: Rows<typeof repo.visibleNotes>[number], open: boolean): In<typeof NoteOut> {
  return {
    id: n.id,
    author: n.author,
    confidentiality: n.confidentiality as 'team',
    sensitiveCategory: n.sensitive_category as 'health' | null,
    restricted: !open,
    body: open ? n.body : null,
    writtenAt: n.written_at.toISOString(),
  };
}

export function presentVisit(v: Rows<typeof repo.visits>[number]): In<typeof VisitOut> {
  return {
    id: v.id,
    slotOn: v.slot_on,
    status: v.status as 'done',
    occurredOn: v.occurred_on,
    professional: v.professional,
    reason: v.reason,
    rescheduledTo: v.rescheduled_to,
    observations: (v.observations as In<typeof VisitOut>['observations']) ?? null,
    notes: v.notes,
    loggedAt: v.logged_at.toISOString(),
  };
}

export function presentWorkPath(w: WorkPathRow, attendance: Rows<typeof repo.attendance>): In<typeof WorkPathOut> {
  const mine = attendance
    .filter((a) => a.path_id === w.id)
    .map((a) => ({
      month: a.month,
      hoursAttended: a.hours_attended,
      grantDueCents: w.kind === 'work_grant' ? grantDue(Number(w.monthly_grant_cents), w.hours_per_month, a.hours_attended) : 0,
    }));
  return {
    id: w.id,
    caseId: w.case_id,
    program: w.program as Program,
    person: { id: w.person_id, name: w.person_name },
    kind: w.kind as 'training',
    centre: { id: w.centre_id, name: w.centre_name, kind: w.centre_kind as 'other' },
    title: w.title,
    hoursPerMonth: w.hours_per_month,
    monthlyGrantCents: Number(w.monthly_grant_cents),
    startedOn: w.started_on,
    endsOn: w.ends_on,
    status: w.status as 'active',
    outcome: w.outcome as 'no_outcome' | null,
    outcomeNote: w.outcome_note,
    attendance: mine,
    grantDueTotalCents: mine.reduce((a, b) => a + b.grantDueCents, 0),
  };
}
