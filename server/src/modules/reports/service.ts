// The indicators of one program scope and period, computed from the live tables, with their
// definitions, the tables behind the charts and, for roles allowed to open them, the list pages
// behind each number (drill-down).
import { type Permission, PROGRAMS, type Program } from '../../kernel/auth/permissions.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { INDICATOR_BY_ID, type IndicatorDefinition, type IndicatorGroup, type IndicatorUnit } from './definitions.js';
import * as repo from './repo.js';
import { daysBetween, mean, median, nextDay, rateBp, retention, weekdayCount } from './rules/stats.js';

export interface IndicatorValue extends Omit<IndicatorDefinition, 'group'> {
  group: IndicatorGroup;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The list page behind the number, for a reader allowed to open it. */
  drill: string | null;
}

export type CellValue = string | number | null;
export interface ReportTable {
  id: string;
  title: { it: string; en: string };
  columns: { key: string; label: { it: string; en: string }; unit: IndicatorUnit | 'text' }[];
  rows: Record<string, CellValue>[];
}

export interface Report {
  period: { from: string; to: string; ref: string };
  programs: Program[];
  estateId: string | null;
  organisationId: string | null;
  indicators: IndicatorValue[];
  tables: ReportTable[];
}

export const PROGRAM_LABELS: Record<Program, { it: string; en: string }> = {
  erp: { it: 'Edilizia residenziale pubblica (ERP)', en: 'Public housing (ERP)' },
  youth_collab: { it: 'Abitare collaborativo giovani', en: 'Young people’s collaborative housing' },
  dopo_di_noi: { it: 'Durante e Dopo di Noi', en: 'Durante e Dopo di Noi' },
  agency: { it: 'Agenzia sociale per la casa', en: 'Social Housing Agency' },
  mediation: { it: 'Mediazione sociale', en: 'Social mediation' },
  cohousing: { it: 'Co-housing', en: 'Co-housing' },
  housing_first: { it: 'Housing First', en: 'Housing First' },
};

export interface ReportQuery {
  tenantId: string;
  programs: readonly Program[] | 'all';
  from: string;
  to: string;
  today: string;
  estateId?: string | undefined;
  organisationId?: string | undefined;
  /** Which permissions the reader holds (for the drill-down links). */
  can: (p: Permission) => boolean;
}

export function filterOf(q: ReportQuery): repo.ReportFilter {
  return {
    tenantId: q.tenantId,
    programs: q.programs,
    from: q.from,
    to: q.to,
    toExcl: nextDay(q.to),
    ref: q.to < q.today ? q.to : q.today,
    estateId: q.estateId,
    organisationId: q.organisationId,
  };
}

/** Planned weekly visits of the plans over [from, min(toExcl, ref + 1)). */
export function plannedVisits(plans: readonly repo.VisitPlanRow[], from: string, toExcl: string): number {
  let n = 0;
  for (const p of plans) {
    const a = p.valid_from > from ? p.valid_from : from;
    const b = p.valid_to !== null && p.valid_to < toExcl ? p.valid_to : toExcl;
    n += weekdayCount(a, b, p.weekday);
  }
  return n;
}

export async function buildReport(db: Executor, q: ReportQuery): Promise<Report> {
  const f = filterOf(q);
  const scope: Program[] = q.programs === 'all' ? [...PROGRAMS] : [...q.programs];
  const values = new Map<string, { value: number | null; numerator?: number | null; denominator?: number | null }>();
  const tables: ReportTable[] = [];
  const programParam = scope.length === 1 ? `program=${scope[0]}` : '';

  // Calls.
  const apps = await repo.applications(db, f);
  const admitted = apps.filter((a) => a.status === 'admitted').length;
  const housed = apps.filter((a) => a.housed_on !== null);
  const waits = housed.map((a) => daysBetween(a.submitted_on, a.housed_on as string));
  values.set('applications_received', { value: apps.length });
  values.set('applications_admitted', { value: admitted, numerator: admitted, denominator: apps.length });
  values.set('applications_housed', { value: housed.length, numerator: housed.length, denominator: apps.length });
  const m = mean(waits);
  values.set('wait_mean_days', { value: m === null ? null : Math.round(m * 10) / 10 });
  values.set('wait_median_days', { value: median(waits) });
  const byProgram = new Map<string, { received: number; admitted: number; housed: number }>();
  const byMonth = new Map<string, number>();
  for (const a of apps) {
    const row = byProgram.get(a.program) ?? { received: 0, admitted: 0, housed: 0 };
    row.received += 1;
    row.admitted += a.status === 'admitted' ? 1 : 0;
    row.housed += a.housed_on !== null ? 1 : 0;
    byProgram.set(a.program, row);
    const month = a.submitted_on.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  tables.push({
    id: 'applications_by_program',
    title: { it: 'Domande per programma', en: 'Applications by program' },
    columns: [
      { key: 'program', label: { it: 'Programma', en: 'Program' }, unit: 'text' },
      { key: 'received', label: { it: 'Ricevute', en: 'Received' }, unit: 'count' },
      { key: 'admitted', label: { it: 'Ammesse', en: 'Admitted' }, unit: 'count' },
      { key: 'housed', label: { it: 'Alloggiati', en: 'Housed' }, unit: 'count' },
    ],
    rows: [...byProgram.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([program, r]) => ({ program, ...r })),
  });
  const months: string[] = [];
  for (let mo = f.from.slice(0, 7); mo <= f.to.slice(0, 7) && months.length < 120; ) {
    months.push(mo);
    const y = Number(mo.slice(0, 4));
    const mm = Number(mo.slice(5, 7));
    mo = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  tables.push({
    id: 'applications_by_month',
    title: { it: 'Domande ricevute per mese', en: 'Applications received by month' },
    columns: [
      { key: 'month', label: { it: 'Mese', en: 'Month' }, unit: 'text' },
      { key: 'received', label: { it: 'Ricevute', en: 'Received' }, unit: 'count' },
    ],
    rows: months.map((month) => ({ month, received: byMonth.get(month) ?? 0 })),
  });

  // Stock.
  const snap = await repo.unitSnapshot(db, f);
  const inService = snap.filter((r) => r.status === 'available' || r.status === 'reserved' || r.status === 'occupied');
  const occ = inService.filter((r) => r.status === 'occupied');
  const sum = (xs: readonly repo.UnitSnapshotRow[], k: 'units' | 'beds') => xs.reduce((s, r) => s + r[k], 0);
  values.set('unit_occupancy', {
    value: rateBp(sum(occ, 'units'), sum(inService, 'units')),
    numerator: sum(occ, 'units'),
    denominator: sum(inService, 'units'),
  });
  values.set('bed_occupancy', { value: rateBp(sum(occ, 'beds'), sum(inService, 'beds')), numerator: sum(occ, 'beds'), denominator: sum(inService, 'beds') });

  // Stays.
  const nights = await repo.stayNights(db, f);
  const days = daysBetween(f.from, f.toExcl);
  const booked = nights.reduce((s, r) => s + r.nights, 0);
  const available = nights.reduce((s, r) => s + r.beds, 0) * days;
  values.set('stay_nights_rate', { value: rateBp(booked, available), numerator: booked, denominator: available });

  // Cases: Housing First and work grants.
  const pl = (await repo.placements(db, f)).map((p) => ({ housedOn: p.housed_on, leftOn: p.left_on, exitKind: p.exit_kind }));
  for (const months of [6, 12]) {
    const r = retention(pl, f.ref, months);
    values.set(`hf_retention_${months}`, { value: r.rateBp, numerator: r.retained, denominator: r.eligible });
  }
  const v = await repo.visits(db, f);
  const visitEnd = nextDay(f.ref) < f.toExcl ? nextDay(f.ref) : f.toExcl;
  const planned = plannedVisits(v.plans, f.from, visitEnd);
  values.set('visits_done_rate', { value: rateBp(v.done, planned), numerator: v.done, denominator: planned });
  const wg = await repo.workGrants(db, f);
  values.set('work_grants_active', { value: wg.active });
  values.set('work_grants_completed', { value: wg.completed });

  // Tenancies: arrears by estate.
  const arrears = await repo.arrearsByEstate(db, f);
  const tTotal = arrears.reduce((s, r) => s + r.tenancies, 0);
  const tArrears = arrears.reduce((s, r) => s + r.in_arrears, 0);
  values.set('arrears_rate', { value: rateBp(tArrears, tTotal), numerator: tArrears, denominator: tTotal });
  values.set('arrears_amount', { value: arrears.reduce((s, r) => s + r.amount_cents, 0) });
  tables.push({
    id: 'arrears_by_estate',
    title: { it: 'Morosità per complesso', en: 'Arrears by estate' },
    columns: [
      { key: 'estate', label: { it: 'Complesso', en: 'Estate' }, unit: 'text' },
      { key: 'tenancies', label: { it: 'Contratti in corso', en: 'Tenancies in force' }, unit: 'count' },
      { key: 'in_arrears', label: { it: 'In morosità', en: 'In arrears' }, unit: 'count' },
      { key: 'rate', label: { it: 'Tasso', en: 'Rate' }, unit: 'rate' },
      { key: 'amount', label: { it: 'Importo', en: 'Amount' }, unit: 'cents' },
    ],
    rows: arrears.map((r) => ({
      estate: r.estate ?? '—',
      tenancies: r.tenancies,
      in_arrears: r.in_arrears,
      rate: rateBp(r.in_arrears, r.tenancies),
      amount: r.amount_cents,
    })),
  });

  // Agency.
  const contracts = await repo.agencyContracts(db, f);
  const avgRent = mean(contracts.map((c) => c.rent));
  const avgAsked = mean(contracts.map((c) => c.asked));
  values.set('agency_contracts', { value: contracts.length });
  values.set('agency_avg_rent', { value: avgRent === null ? null : Math.round(avgRent) });
  values.set('agency_avg_asked', { value: avgAsked === null ? null : Math.round(avgAsked) });
  values.set('agency_rent_vs_market', {
    value: avgRent === null || avgAsked === null ? null : rateBp(Math.round(avgRent), Math.round(avgAsked)),
  });

  // Mediation.
  const med = await repo.mediationCases(db, f);
  values.set('mediation_opened', { value: med.opened });
  values.set('mediation_closed', { value: med.closedDays.length });
  values.set('mediation_median_days', { value: median(med.closedDays) });

  const drills: Record<IndicatorGroup, { permission: Permission; href: string } | null> = {
    calls: { permission: 'application:review', href: '/calls' },
    stock: { permission: 'stock:read', href: `/stock?status=occupied${programParam ? `&${programParam}` : ''}${q.estateId ? `&estateId=${q.estateId}` : ''}` },
    stays: { permission: 'stay:manage', href: '/stays' },
    cases: { permission: 'case:read', href: '/housing-first' },
    tenancies: { permission: 'tenancy:read', href: '/tenancies/arrears' },
    agency: { permission: 'agency:manage', href: '/agency/proposals' },
    mediation: { permission: 'mediation:manage', href: '/mediation' },
  };
  const drillOf = (def: IndicatorDefinition) => {
    if (def.id.startsWith('work_grants')) {
      return q.can('case:read') ? '/work-paths' : null;
    }
    const d = drills[def.group];
    return d && q.can(d.permission) ? d.href : null;
  };
  // Figures that belong to one program only are left out when that program is not in scope.
  const onlyFor: [RegExp, Program][] = [
    [/^stay_/, 'dopo_di_noi'],
    [/^hf_/, 'housing_first'],
    [/^agency_/, 'agency'],
    [/^mediation_/, 'mediation'],
  ];
  const indicators: IndicatorValue[] = [];
  for (const [id, v] of values) {
    if (onlyFor.some(([re, p]) => re.test(id) && !scope.includes(p))) {
      continue;
    }
    const def = INDICATOR_BY_ID.get(id) as IndicatorDefinition;
    indicators.push({ ...def, value: v.value, numerator: v.numerator ?? null, denominator: v.denominator ?? null, drill: drillOf(def) });
  }
  return {
    period: { from: f.from, to: f.to, ref: f.ref },
    programs: scope,
    estateId: q.estateId ?? null,
    organisationId: q.organisationId ?? null,
    indicators,
    tables,
  };
}

/** The indicators as a table (for the exports). */
export function indicatorTable(report: Report): ReportTable {
  return {
    id: 'indicators',
    title: { it: 'Indicatori', en: 'Indicators' },
    columns: [
      { key: 'id', label: { it: 'Codice', en: 'Code' }, unit: 'text' },
      { key: 'label', label: { it: 'Indicatore', en: 'Indicator' }, unit: 'text' },
      { key: 'value', label: { it: 'Valore', en: 'Value' }, unit: 'text' },
      { key: 'numerator', label: { it: 'Numeratore', en: 'Numerator' }, unit: 'count' },
      { key: 'denominator', label: { it: 'Denominatore', en: 'Denominator' }, unit: 'count' },
      { key: 'definition', label: { it: 'Definizione', en: 'Definition' }, unit: 'text' },
    ],
    rows: report.indicators.map((i) => ({
      id: i.id,
      label: i.label.it,
      value: formatValue(i.value, i.unit, 'it'),
      numerator: i.numerator,
      denominator: i.denominator,
      definition: i.definition.it,
    })),
  };
}

/** A value as text: rates in percent with one decimal, cents in euro, days with one decimal. */
export function formatValue(value: number | null, unit: IndicatorUnit | 'text', lang: 'it' | 'en'): string {
  if (value === null) {
    return '—';
  }
  const loc = lang === 'it' ? 'it-IT' : 'en-GB';
  switch (unit) {
    case 'rate':
      return `${(value / 100).toLocaleString(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    case 'cents':
      return `€ ${(value / 100).toLocaleString(loc, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'days':
      return value.toLocaleString(loc, { maximumFractionDigits: 1 });
    default:
      return String(value);
  }
}

export function tableById(report: Report, id: string): ReportTable | undefined {
  return id === 'indicators' ? indicatorTable(report) : report.tables.find((t) => t.id === id);
}
