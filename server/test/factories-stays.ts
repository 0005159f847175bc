// Factories for the stays module (Durante e Dopo di Noi), shared by the API tests and the demo
// seed. They write as the database owner and create their missing parents.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../src/kernel/db/tenant.js';
import { buildEnte, buildUnit } from './factories.js';

export type SolutionKind = 'stable_home' | 'autonomy_gym' | 'respite' | 'mutual_aid';

export interface SolutionSpec {
  tenantId?: string;
  kind?: SolutionKind;
  name?: string;
  beds?: number;
  buildingId?: string;
  unitCode?: string;
  eligibleSeverities?: ('mild' | 'severe')[];
  supportLevel?: 'light' | 'moderate' | 'intensive' | 'structured';
  staffHoursPerDay?: number;
  maxStayDays?: number | null;
  runByOrganisationId?: string | null;
  description?: string | null;
}

export async function buildSolution(
  db: Executor,
  o: SolutionSpec = {},
): Promise<{ id: string; tenantId: string; unitId: string; beds: { id: string; number: number }[] }> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const kind = o.kind ?? 'respite';
  const beds = o.beds ?? 2;
  const unit = await buildUnit(db, {
    tenantId,
    buildingId: o.buildingId,
    code: o.unitCode,
    beds,
    bedrooms: Math.max(1, Math.ceil(beds / 2)),
    rooms: Math.max(3, Math.ceil(beds / 2) + 2),
    accessibility: ['step_free_access', 'accessible_bathroom'],
    status: { status: 'occupied', from: '2025-01-01' },
    program: { program: 'dopo_di_noi', from: '2025-01-01', solutionType: kind },
  });
  const { id } = await db
    .insertInto('housing_solution')
    .values({
      tenant_id: tenantId,
      unit_id: unit.id,
      kind,
      name: o.name ?? `Soluzione ${randomUUID().slice(0, 6)}`,
      description: o.description ?? null,
      eligible_severities: o.eligibleSeverities ?? (kind === 'respite' ? ['severe'] : ['mild', 'severe']),
      support_level: o.supportLevel ?? (kind === 'respite' ? 'structured' : kind === 'mutual_aid' ? 'light' : 'moderate'),
      staff_hours_per_day: o.staffHoursPerDay ?? 16,
      max_stay_days: o.maxStayDays === undefined ? (kind === 'respite' ? 30 : kind === 'autonomy_gym' ? 60 : null) : o.maxStayDays,
      run_by_organisation_id: o.runByOrganisationId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = [];
  for (let n = 1; n <= beds; n += 1) {
    rows.push(
      await db
        .insertInto('bed')
        .values({ tenant_id: tenantId, unit_id: unit.id, number: n, label: `${n}` })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow(),
    );
  }
  return { id, tenantId, unitId: unit.id, beds: rows };
}

export interface BookingSpec {
  tenantId: string;
  solutionId: string;
  personId: string;
  startsOn: string;
  endsOn: string;
  status?: 'requested' | 'waitlisted' | 'offered' | 'approved' | 'refused' | 'withdrawn' | 'cancelled';
  bedId?: string | null;
  needs?: string;
  supportHoursPerDay?: number;
  severity?: 'mild' | 'severe';
  familyBurden?: number;
  requestedAs?: 'family' | 'social_worker' | 'operator';
  createdAt?: string;
}

export async function buildBooking(db: Executor, o: BookingSpec): Promise<{ id: string }> {
  return db
    .insertInto('stay_booking')
    .values({
      tenant_id: o.tenantId,
      solution_id: o.solutionId,
      person_id: o.personId,
      starts_on: o.startsOn,
      ends_on: o.endsOn,
      status: o.status ?? 'requested',
      bed_id: o.bedId ?? null,
      needs: o.needs ?? 'Assistenza per igiene personale e somministrazione terapia serale.',
      support_hours_per_day: o.supportHoursPerDay ?? 6,
      severity: o.severity ?? 'severe',
      family_burden: o.familyBurden ?? 3,
      requested_as: o.requestedAs ?? 'social_worker',
      decided_at: o.status === 'approved' ? new Date() : null,
      ...(o.createdAt ? { created_at: new Date(`${o.createdAt}T10:00:00Z`) } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function projectContent(
  o: { severity?: 'mild' | 'severe'; wishes?: string; familyBurden?: number; supportHoursPerDay?: number; assessedOn?: string } = {},
) {
  const on = o.assessedOn ?? '2026-01-15';
  return {
    assessment: {
      date: on,
      team: ['Dott.ssa Bianchi (assistente sociale)', 'Dott. Neri (UVM, ASL Toscana Nord Ovest)', 'Educatrice Conti'],
      severity: o.severity ?? 'severe',
      supportNeeds: 'Supporto nella cura di sé, nella gestione della terapia e negli spostamenti in città.',
      supportHoursPerDay: o.supportHoursPerDay ?? 6,
      familyBurden: o.familyBurden ?? 3,
    },
    wishes: o.wishes ?? 'Voglio vivere con i miei amici e lavorare in un bar. Mi piace cucinare la pasta.',
    participation: [{ name: 'Madre', role: 'family' as const, howInvolved: 'Partecipa agli incontri di progetto ogni tre mesi.' }],
    goals: [
      {
        id: randomUUID(),
        domain: 'autonomy' as const,
        title: 'Gestire in autonomia la preparazione della colazione e della cena',
        easyText: 'Imparo a preparare la colazione e la cena da solo.',
        actions: [{ description: 'Laboratorio di cucina in palestra per l’autonomia', responsible: 'Educatrice Conti', startsOn: on, dueOn: null }],
        budget: [{ source: 'Fondo Dopo di Noi (L. 112/2016)', amountCents: 180_000 }],
      },
      {
        id: randomUUID(),
        domain: 'housing' as const,
        title: 'Sperimentare soggiorni brevi fuori casa in vista di una soluzione stabile',
        easyText: 'Provo a dormire qualche notte fuori casa con gli amici.',
        actions: [{ description: 'Due soggiorni di una settimana in palestra per l’autonomia', responsible: 'Assistente sociale', startsOn: on, dueOn: null }],
        budget: [{ source: 'Comune di Lucca', amountCents: 250_000 }],
      },
      {
        id: randomUUID(),
        domain: 'work' as const,
        title: 'Tirocinio di inclusione lavorativa nella ristorazione',
        easyText: 'Faccio un tirocinio in un bar del quartiere.',
        actions: [{ description: 'Borsa lavoro di sei mesi', responsible: 'Centro per l’impiego', startsOn: on, dueOn: null }],
        budget: [{ source: 'Regione Toscana (FSE)', amountCents: 300_000 }],
      },
    ],
  };
}

export interface ProjectSpec {
  tenantId: string;
  personId: string;
  content?: ReturnType<typeof projectContent>;
  /** draft: v1 draft; approved; acknowledged; revising: v1 approved + v2 draft. */
  stage?: 'draft' | 'approved' | 'acknowledged' | 'revising';
  nextReviewOn?: string | null;
  approvedAt?: string;
  reviews?: { heldOn: string; scores: number[]; nextReviewOn: string; summary?: string }[];
}

export async function buildLifeProject(db: Executor, o: ProjectSpec): Promise<{ id: string; goalIds: string[] }> {
  const content = o.content ?? projectContent();
  const stage = o.stage ?? 'approved';
  const { id } = await db
    .insertInto('life_project')
    .values({
      tenant_id: o.tenantId,
      person_id: o.personId,
      current_version: stage === 'revising' ? 2 : 1,
      next_review_on: stage === 'draft' ? null : (o.nextReviewOn ?? '2027-03-01'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const approvedAt = new Date(`${o.approvedAt ?? '2026-02-01'}T10:00:00Z`);
  await db
    .insertInto('life_project_version')
    .values({
      tenant_id: o.tenantId,
      project_id: id,
      version: 1,
      content: JSON.stringify(content),
      status: stage === 'draft' ? 'draft' : 'approved',
      approved_at: stage === 'draft' ? null : approvedAt,
      approval_team: stage === 'draft' ? null : content.assessment.team,
      acknowledged_at: stage === 'acknowledged' || stage === 'revising' ? approvedAt : null,
      acknowledged_as: stage === 'acknowledged' || stage === 'revising' ? 'family' : null,
    })
    .execute();
  if (stage === 'revising') {
    await db
      .insertInto('life_project_version')
      .values({ tenant_id: o.tenantId, project_id: id, version: 2, content: JSON.stringify(content), status: 'draft' })
      .execute();
  }
  for (const r of o.reviews ?? []) {
    await db
      .insertInto('life_project_review')
      .values({
        tenant_id: o.tenantId,
        project_id: id,
        version: 1,
        held_on: r.heldOn,
        progress: JSON.stringify(content.goals.map((g, i) => ({ goalId: g.id, score: r.scores[i] ?? 1, note: '' }))),
        summary: r.summary ?? null,
        next_review_on: r.nextReviewOn,
      })
      .execute();
  }
  return { id, goalIds: content.goals.map((g) => g.id) };
}
