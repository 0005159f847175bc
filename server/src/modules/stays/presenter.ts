// Rows leave the stays module only through here.
import type { Lang } from '../../kernel/i18n/messages.js';
import type { BookingRow, SolutionRow } from './repo.js';
import { daysBetween, type Priority, type PriorityLine } from './rules/priority.js';
import type { BOOKING_STATUSES, SEVERITIES, SOLUTION_KINDS, SUPPORT_LEVELS } from './schema.js';

type Kind = (typeof SOLUTION_KINDS)[number];
type Severity = (typeof SEVERITIES)[number];

const dayOf = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d : d.toISOString());

export function presentSolution(r: SolutionRow, beds: { id: string; unit_id: string; number: number; label: string }[]) {
  return {
    id: r.id,
    kind: r.kind as Kind,
    name: r.name,
    description: r.description,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    address: `${r.address}, ${r.city}`,
    eligibleSeverities: r.eligible_severities as Severity[],
    supportLevel: r.support_level as (typeof SUPPORT_LEVELS)[number],
    staffHoursPerDay: Number(r.staff_hours_per_day),
    maxStayDays: r.max_stay_days,
    runBy: r.run_by_organisation_id && r.run_by_name ? { id: r.run_by_organisation_id, name: r.run_by_name } : null,
    active: r.active,
    beds: beds.filter((b) => b.unit_id === r.unit_id).map(presentBed),
    guestsToday: Number(r.guests_today),
    waiting: Number(r.waiting),
  };
}

export const presentBed = (b: { id: string; number: number; label: string }) => ({ id: b.id, number: b.number, label: b.label });

export function presentBooking(r: BookingRow) {
  return {
    id: r.id,
    solutionId: r.solution_id,
    solutionName: r.solution_name,
    solutionKind: r.solution_kind as Kind,
    personId: r.person_id,
    personName: r.person_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    nights: daysBetween(r.starts_on, r.ends_on),
    status: r.status as (typeof BOOKING_STATUSES)[number],
    bed: r.bed_id && r.bed_number !== null && r.bed_label !== null ? { id: r.bed_id, number: r.bed_number, label: r.bed_label } : null,
    needs: r.needs,
    supportHoursPerDay: Number(r.support_hours_per_day),
    severity: r.severity as Severity,
    familyBurden: r.family_burden,
    requestedAs: r.requested_as as 'family' | 'social_worker' | 'operator',
    requestedOn: dayOf(r.created_at),
    decisionNote: r.decision_note,
    decidedAt: iso(r.decided_at),
  };
}

const LINE_TEXT: Record<PriorityLine['code'], Record<Lang, (l: PriorityLine) => string>> = {
  family_burden: {
    it: (l) => `Carico familiare ${l.value}/5: ${l.points} punti`,
    en: (l) => `Family burden ${l.value}/5: ${l.points} points`,
  },
  never_stayed: { it: (l) => `Nessun soggiorno precedente: ${l.points} punti`, en: (l) => `No previous stay: ${l.points} points` },
  since_last_stay: {
    it: (l) => `${l.value} giorni dall'ultimo soggiorno: ${l.points} punti`,
    en: (l) => `${l.value} days since the last stay: ${l.points} points`,
  },
  severe: { it: (l) => `Disabilità grave: ${l.points} punti`, en: (l) => `Severe disability: ${l.points} points` },
  waiting: { it: (l) => `In attesa da ${l.value} giorni: ${l.points} punti`, en: (l) => `Waiting for ${l.value} days: ${l.points} points` },
};

export function presentPriority(p: Priority, lang: Lang) {
  return { score: p.score, lines: p.lines.map((l) => ({ ...l, text: LINE_TEXT[l.code][lang](l) })) };
}

export function toPriorityInput(r: BookingRow) {
  return {
    id: r.id,
    familyBurden: r.family_burden,
    severity: r.severity as Severity,
    lastStayEndedOn: r.last_stay_ended_on,
    requestedOn: dayOf(r.created_at),
  };
}
