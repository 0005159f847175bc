// Rows leave the mediation module only through these presenters.
import type { ActivityRow } from './activities.js';
import type { CaseDetailRow, CaseRow } from './cases.js';
import type { CommitteeRow } from './committees.js';
import type { ReportRow } from './reports.js';

type Any = never;
const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();

export function presentCase(c: CaseRow) {
  return {
    id: c.id,
    estate: { id: c.estate_id, name: c.estate_name },
    kind: c.kind as Any,
    type: c.type as Any,
    severity: c.severity as Any,
    status: c.status as Any,
    summary: c.summary,
    openedOn: c.opened_on,
    closedOn: c.closed_on,
    parties: c.parties.map((p) => ({ householdId: p.household_id, name: p.name, role: p.role as Any })),
  };
}

export function presentCaseDetail(c: CaseDetailRow) {
  return {
    ...presentCase(c),
    reportedBy: c.reported_by as Any,
    followUpOn: c.follow_up_on,
    tenancyId: c.tenancy_id,
    escalatedTo: c.escalated_to as Any,
    escalatedOn: c.escalated_on,
    escalationNote: c.escalation_note,
    result: c.result as Any,
    closureNote: c.closure_note,
    sessions: c.sessions.map((s) => ({ id: s.id, heldOn: s.held_on, participants: s.participants, outcome: s.outcome })),
    agreements: c.agreements.map((a) => ({ id: a.id, agreedOn: a.agreed_on, terms: a.terms, followUpOn: a.follow_up_on })),
  };
}

export function presentReport(r: ReportRow) {
  return {
    id: r.id,
    estate: r.estate_id && r.estate_name ? { id: r.estate_id, name: r.estate_name } : null,
    building: { id: r.building_id, address: r.address },
    category: r.category as Any,
    description: r.description,
    location: r.location,
    status: r.status as Any,
    urgent: r.urgent,
    routedTo: r.routed_to_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    photos: r.photos.map((p) => ({ id: p.id, contentType: p.content_type, sizeBytes: p.size_bytes })),
    history: r.events.map((e) => ({ status: e.status as Any, note: e.note, at: iso(e.at) })),
  };
}

export function presentActivity(a: ActivityRow) {
  return {
    id: a.id,
    estate: { id: a.estate_id, name: a.estate_name },
    title: a.title,
    category: a.category as Any,
    audience: a.audience as Any,
    startsAt: iso(a.starts_at),
    endsAt: iso(a.ends_at),
    place: a.space_name ?? a.place,
    partner: a.partner,
    capacity: a.capacity,
    participants: Number(a.participants),
    volunteers: Number(a.volunteers),
    registeredByMe: a.mine,
  };
}

export function presentCommittee(c: CommitteeRow) {
  return {
    id: c.id,
    name: c.name,
    building: { id: c.building_id, address: c.address, estateId: c.estate_id },
    foundedOn: c.founded_on,
    members: c.members.map((m) => ({
      householdId: m.household_id,
      household: m.household,
      representative: m.representative,
      role: m.role,
      joinedOn: m.joined_on,
    })),
    meetings: c.meetings.map((m) => ({ id: m.id, heldOn: m.held_on, minutes: m.minutes })),
    expenses: c.expenses.map((e) => ({
      id: e.id,
      spentOn: e.spent_on,
      description: e.description,
      amountCents: Number(e.amount_cents),
      shares: e.shares.map((s) => ({ householdId: s.household_id, household: s.household, shareCents: Number(s.share_cents), paidOn: s.paid_on })),
    })),
    balances: [...c.owed].map(([householdId, o]) => ({ householdId, household: o.household, owedCents: o.owed })),
  };
}
