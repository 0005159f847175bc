// SQL behind the indicators. It reads the tables of the other modules in the same database (read
// only, in the caller's tenant transaction) and returns plain rows; the arithmetic is in
// rules/stats.ts and service.ts.
import { type RawBuilder, sql } from 'kysely';
import type { Program } from '../../kernel/auth/permissions.js';
import type { Executor } from '../../kernel/db/tenant.js';

export interface ReportFilter {
  tenantId: string;
  /** Programs in scope ('all' = no restriction). */
  programs: readonly Program[] | 'all';
  /** First and last day of the period (inclusive). */
  from: string;
  to: string;
  /** The day after `to` (half-open end). */
  toExcl: string;
  /** Reference day for point-in-time figures: the end of the period, or today if earlier. */
  ref: string;
  estateId?: string | undefined;
  organisationId?: string | undefined;
}

const inPrograms = (f: ReportFilter, col: RawBuilder<unknown>): RawBuilder<boolean> =>
  f.programs === 'all'
    ? sql<boolean>`true`
    : f.programs.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`${col} IN (${sql.join(f.programs.map((p) => sql`${p}`))})`;

/** Estate and organisation filters on a unit (alias u) and its building (alias b). */
const unitFilters = (f: ReportFilter): RawBuilder<boolean> =>
  sql<boolean>`(${f.estateId ?? null}::uuid IS NULL OR b.estate_id = ${f.estateId ?? null}::uuid)
    AND (${f.organisationId ?? null}::uuid IS NULL OR u.managing_organisation_id = ${f.organisationId ?? null}::uuid)`;

export interface ApplicationRow {
  program: Program;
  status: string;
  submitted_on: string;
  housed_on: string | null;
}

/** Applications submitted in the period, with the first tenancy of the same program after them. */
export async function applications(db: Executor, f: ReportFilter): Promise<ApplicationRow[]> {
  const r = await sql<ApplicationRow>`
    SELECT c.program, a.status, to_char(s.submitted_on, 'YYYY-MM-DD') AS submitted_on,
      (SELECT to_char(min(lower(t.during)), 'YYYY-MM-DD')
         FROM tenancy t JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
         JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
        WHERE t.tenant_id = a.tenant_id AND t.program = c.program AND lower(t.during) >= s.submitted_on
          AND (t.person_id = a.person_id OR t.household_id IN (
                SELECT hm.household_id FROM household_member hm WHERE hm.tenant_id = a.tenant_id AND hm.person_id = a.person_id))
          AND ${unitFilters(f)}) AS housed_on
      FROM application a
      JOIN call c ON c.tenant_id = a.tenant_id AND c.id = a.call_id
      CROSS JOIN LATERAL (SELECT (a.submitted_at AT TIME ZONE 'Europe/Rome')::date AS submitted_on) s
     WHERE a.tenant_id = ${f.tenantId} AND a.submitted_at IS NOT NULL AND a.protocol IS NOT NULL
       AND s.submitted_on >= ${f.from}::date AND s.submitted_on < ${f.toExcl}::date
       AND ${inPrograms(f, sql`c.program`)}`.execute(db);
  return r.rows;
}

export interface UnitSnapshotRow {
  program: Program | null;
  status: string | null;
  beds: number;
  units: number;
}

/** Units and beds by program and status in force on the reference day. */
export async function unitSnapshot(db: Executor, f: ReportFilter): Promise<UnitSnapshotRow[]> {
  const r = await sql<UnitSnapshotRow>`
    SELECT up.program, s.status, coalesce(sum(u.beds), 0)::int AS beds, count(*)::int AS units
      FROM unit u
      JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
      LEFT JOIN unit_status s ON s.tenant_id = u.tenant_id AND s.unit_id = u.id AND s.during @> ${f.ref}::date
      LEFT JOIN unit_program up ON up.tenant_id = u.tenant_id AND up.unit_id = u.id AND up.during @> ${f.ref}::date
     WHERE u.tenant_id = ${f.tenantId} AND ${unitFilters(f)} AND ${inPrograms(f, sql`up.program`)}
     GROUP BY up.program, s.status`.execute(db);
  return r.rows;
}

/** Short-stay nights booked (approved stays) and beds, per solution, over the period. */
export async function stayNights(db: Executor, f: ReportFilter): Promise<{ beds: number; nights: number }[]> {
  const r = await sql<{ beds: number; nights: number }>`
    SELECT (SELECT count(*) FROM bed WHERE bed.tenant_id = hs.tenant_id AND bed.unit_id = hs.unit_id)::int AS beds,
      (SELECT coalesce(sum(least(sb.ends_on, ${f.toExcl}::date) - greatest(sb.starts_on, ${f.from}::date)), 0)
         FROM stay_booking sb
        WHERE sb.tenant_id = hs.tenant_id AND sb.solution_id = hs.id AND sb.status = 'approved'
          AND sb.starts_on < ${f.toExcl}::date AND sb.ends_on > ${f.from}::date)::int AS nights
      FROM housing_solution hs
      JOIN unit u ON u.tenant_id = hs.tenant_id AND u.id = hs.unit_id
      JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
     WHERE hs.tenant_id = ${f.tenantId} AND hs.kind <> 'stable_home'
       AND (${f.estateId ?? null}::uuid IS NULL OR b.estate_id = ${f.estateId ?? null}::uuid)
       AND (${f.organisationId ?? null}::uuid IS NULL OR hs.run_by_organisation_id = ${f.organisationId ?? null}::uuid)
       AND ${inPrograms(f, sql`'dopo_di_noi'`)}`.execute(db);
  return r.rows;
}

export interface PlacementRow {
  housed_on: string;
  left_on: string | null;
  exit_kind: string | null;
}

/** Housing First placements that began on or before the reference day. */
export async function placements(db: Executor, f: ReportFilter): Promise<PlacementRow[]> {
  const r = await sql<PlacementRow>`
    SELECT to_char(p.housed_on, 'YYYY-MM-DD') AS housed_on, to_char(p.left_on, 'YYYY-MM-DD') AS left_on, p.exit_kind
      FROM hf_placement p
      JOIN case_file c ON c.tenant_id = p.tenant_id AND c.id = p.case_id
      LEFT JOIN unit u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
      LEFT JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
     WHERE p.tenant_id = ${f.tenantId} AND p.housed_on <= ${f.ref}::date
       AND (${f.estateId ?? null}::uuid IS NULL OR b.estate_id = ${f.estateId ?? null}::uuid)
       AND (${f.organisationId ?? null}::uuid IS NULL OR u.managing_organisation_id = ${f.organisationId ?? null}::uuid)
       AND ${inPrograms(f, sql`c.program`)}`.execute(db);
  return r.rows;
}

export interface VisitPlanRow {
  weekday: number;
  valid_from: string;
  valid_to: string | null;
}

/** Weekly visit plans of cases in scope valid at some point of the period, and visits done in it. */
export async function visits(db: Executor, f: ReportFilter): Promise<{ plans: VisitPlanRow[]; done: number }> {
  const plans = await sql<VisitPlanRow>`
    SELECT vp.weekday, to_char(vp.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(vp.valid_to, 'YYYY-MM-DD') AS valid_to
      FROM visit_plan vp JOIN case_file c ON c.tenant_id = vp.tenant_id AND c.id = vp.case_id
     WHERE vp.tenant_id = ${f.tenantId} AND vp.valid_from < ${f.toExcl}::date AND (vp.valid_to IS NULL OR vp.valid_to > ${f.from}::date)
       AND ${inPrograms(f, sql`c.program`)}`.execute(db);
  const done = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM visit v JOIN case_file c ON c.tenant_id = v.tenant_id AND c.id = v.case_id
     WHERE v.tenant_id = ${f.tenantId} AND v.status = 'done' AND v.occurred_on >= ${f.from}::date AND v.occurred_on < ${f.toExcl}::date
       AND v.occurred_on <= ${f.ref}::date AND ${inPrograms(f, sql`c.program`)}`.execute(db);
  return { plans: plans.rows, done: done.rows[0]?.n ?? 0 };
}

/** Work grants active in the period and completed in it. */
export async function workGrants(db: Executor, f: ReportFilter): Promise<{ active: number; completed: number }> {
  const r = await sql<{ active: number; completed: number }>`
    SELECT count(*) FILTER (WHERE w.status <> 'planned' AND w.started_on < ${f.toExcl}::date AND w.ends_on > ${f.from}::date)::int AS active,
           count(*) FILTER (WHERE w.status = 'completed' AND w.ends_on >= ${f.from}::date AND w.ends_on < ${f.toExcl}::date)::int AS completed
      FROM work_path w JOIN case_file c ON c.tenant_id = w.tenant_id AND c.id = w.case_id
     WHERE w.tenant_id = ${f.tenantId} AND w.kind = 'work_grant' AND ${inPrograms(f, sql`c.program`)}`.execute(db);
  return r.rows[0] ?? { active: 0, completed: 0 };
}

export interface ArrearsRow {
  estate_id: string | null;
  estate: string | null;
  tenancies: number;
  in_arrears: number;
  amount_cents: number;
}

/** Tenancies in force on the reference day by estate: how many owe a balance, and how much. */
export async function arrearsByEstate(db: Executor, f: ReportFilter): Promise<ArrearsRow[]> {
  const r = await sql<ArrearsRow>`
    SELECT x.estate_id, x.estate, count(*)::int AS tenancies, count(*) FILTER (WHERE x.balance > 0)::int AS in_arrears,
           coalesce(sum(x.balance) FILTER (WHERE x.balance > 0), 0)::bigint AS amount_cents
      FROM (
        SELECT e.id AS estate_id, e.name AS estate,
          coalesce((SELECT sum(l.amount_cents) FROM ledger_entry l
                     WHERE l.tenant_id = t.tenant_id AND l.tenancy_id = t.id AND l.entry_date <= ${f.ref}::date), 0) AS balance
          FROM tenancy t
          JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
          JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
          LEFT JOIN estate e ON e.tenant_id = b.tenant_id AND e.id = b.estate_id
         WHERE t.tenant_id = ${f.tenantId} AND t.during @> ${f.ref}::date AND ${unitFilters(f)} AND ${inPrograms(f, sql`t.program`)}
      ) x
     GROUP BY x.estate_id, x.estate
     ORDER BY x.estate NULLS LAST`.execute(db);
  return r.rows.map((row) => ({ ...row, amount_cents: Number(row.amount_cents) }));
}

/** Agency contracts signed in the period with the rent asked in their listing. */
export async function agencyContracts(db: Executor, f: ReportFilter): Promise<{ rent: number; asked: number }[]> {
  const r = await sql<{ rent: number; asked: number }>`
    SELECT ac.monthly_rent_cents AS rent, l.rent_asked_cents AS asked
      FROM agency_contract ac
      JOIN agency_proposal pr ON pr.tenant_id = ac.tenant_id AND pr.id = ac.proposal_id
      JOIN agency_listing l ON l.tenant_id = pr.tenant_id AND l.id = pr.listing_id
      JOIN agency_property ap ON ap.tenant_id = l.tenant_id AND ap.id = l.property_id
      LEFT JOIN unit u ON u.tenant_id = ap.tenant_id AND u.id = ap.unit_id
      LEFT JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
     WHERE ac.tenant_id = ${f.tenantId} AND ac.signed_on >= ${f.from}::date AND ac.signed_on < ${f.toExcl}::date
       AND (${f.estateId ?? null}::uuid IS NULL OR b.estate_id = ${f.estateId ?? null}::uuid)
       AND (${f.organisationId ?? null}::uuid IS NULL OR u.managing_organisation_id = ${f.organisationId ?? null}::uuid)
       AND ${inPrograms(f, sql`'agency'`)}`.execute(db);
  return r.rows;
}

/** Estates and organisations of the ente, for the filters. */
export async function filterOptions(db: Executor, tenantId: string) {
  const estates = await sql<{ id: string; name: string }>`SELECT id, name FROM estate WHERE tenant_id = ${tenantId} ORDER BY name`.execute(db);
  const orgs = await sql<{ id: string; name: string }>`SELECT id, name FROM organisation WHERE tenant_id = ${tenantId} ORDER BY name`.execute(db);
  return { estates: estates.rows, organisations: orgs.rows };
}

// ----------------------------------------------------------------------------------------------
// Open data: counts per program, neighbourhood and calendar year; no row-level data leaves.

export interface OpenStockRow {
  program: string;
  neighbourhood: string;
  units: number;
  occupied: number;
  beds: number;
}

/** Units, occupied units and beds per program and neighbourhood on a day. */
export async function openStock(db: Executor, tenantId: string, day: string): Promise<OpenStockRow[]> {
  const r = await sql<OpenStockRow>`
    SELECT up.program, coalesce(b.neighbourhood, '-') AS neighbourhood, count(*)::int AS units,
           count(*) FILTER (WHERE s.status = 'occupied')::int AS occupied, coalesce(sum(u.beds), 0)::int AS beds
      FROM unit u
      JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
      JOIN unit_program up ON up.tenant_id = u.tenant_id AND up.unit_id = u.id AND up.during @> ${day}::date
      LEFT JOIN unit_status s ON s.tenant_id = u.tenant_id AND s.unit_id = u.id AND s.during @> ${day}::date
     WHERE u.tenant_id = ${tenantId} AND coalesce(s.status, '') NOT IN ('out_of_service')
     GROUP BY up.program, coalesce(b.neighbourhood, '-')
     ORDER BY 1, 2`.execute(db);
  return r.rows;
}

export interface OpenTenancyRow {
  program: string;
  neighbourhood: string;
  tenancies: number;
  started: number;
  in_arrears: number;
}

/** Tenancies in force at some point of the year, started in it, and owing at its end (or today). */
export async function openTenancies(db: Executor, tenantId: string, from: string, toExcl: string, ref: string): Promise<OpenTenancyRow[]> {
  const r = await sql<OpenTenancyRow>`
    SELECT t.program, coalesce(b.neighbourhood, '-') AS neighbourhood, count(*)::int AS tenancies,
           count(*) FILTER (WHERE lower(t.during) >= ${from}::date)::int AS started,
           count(*) FILTER (WHERE t.during @> ${ref}::date AND (SELECT coalesce(sum(l.amount_cents), 0) FROM ledger_entry l
                      WHERE l.tenant_id = t.tenant_id AND l.tenancy_id = t.id AND l.entry_date <= ${ref}::date) > 0)::int AS in_arrears
      FROM tenancy t
      JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
      JOIN building b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
     WHERE t.tenant_id = ${tenantId} AND t.during && daterange(${from}::date, ${toExcl}::date)
     GROUP BY t.program, coalesce(b.neighbourhood, '-')
     ORDER BY 1, 2`.execute(db);
  return r.rows;
}

export interface OpenApplicationRow {
  program: string;
  received: number;
  admitted: number;
}

/** Applications submitted in the year per program (applicants have no neighbourhood here: "-"). */
export async function openApplications(db: Executor, tenantId: string, from: string, toExcl: string): Promise<OpenApplicationRow[]> {
  const r = await sql<OpenApplicationRow>`
    SELECT c.program, count(*)::int AS received, count(*) FILTER (WHERE a.status = 'admitted')::int AS admitted
      FROM application a JOIN call c ON c.tenant_id = a.tenant_id AND c.id = a.call_id
     WHERE a.tenant_id = ${tenantId} AND a.protocol IS NOT NULL
       AND a.submitted_at >= (${from}::date::timestamp AT TIME ZONE 'Europe/Rome')
       AND a.submitted_at < (${toExcl}::date::timestamp AT TIME ZONE 'Europe/Rome')
     GROUP BY c.program ORDER BY 1`.execute(db);
  return r.rows;
}

/** Mediation cases opened in the period, and those closed in it with the days they took. */
export async function mediationCases(db: Executor, f: ReportFilter): Promise<{ opened: number; closedDays: number[] }> {
  const r = await sql<{ opened_in: boolean; days: number | null }>`
    SELECT (m.opened_on >= ${f.from}::date AND m.opened_on < ${f.toExcl}::date) AS opened_in,
           CASE WHEN m.closed_on >= ${f.from}::date AND m.closed_on < ${f.toExcl}::date THEN m.closed_on - m.opened_on END AS days
      FROM mediation_case m
     WHERE m.tenant_id = ${f.tenantId}
       AND ((m.opened_on >= ${f.from}::date AND m.opened_on < ${f.toExcl}::date) OR (m.closed_on >= ${f.from}::date AND m.closed_on < ${f.toExcl}::date))
       AND (${f.estateId ?? null}::uuid IS NULL OR m.estate_id = ${f.estateId ?? null}::uuid)
       AND ${inPrograms(f, sql`'mediation'`)}`.execute(db);
  return { opened: r.rows.filter((x) => x.opened_in).length, closedDays: r.rows.filter((x) => x.days !== null).map((x) => Number(x.days)) };
}
