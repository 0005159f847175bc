// Lucca demo cases: youth collaborative housing residents at every stage of the path (with signed
// cohabitation agreements), co-housing cases followed with Azienda USL (notes at every
// confidentiality level), ~15 Housing First participants with up to six months of weekly visits
// (some missed, a few not logged yet, two worsening), two exits, and work paths at the centres.
import type { Kysely } from 'kysely';
import type { Program } from '../../src/kernel/auth/permissions.js';
import type { Executor } from '../../src/kernel/db/tenant.js';
import type { DB } from '../../src/kernel/db/types.js';
import { romeDay } from '../../src/kernel/time.js';
import { PATHS } from '../../src/modules/cases/index.js';
import { addDays, weekStart } from '../../src/modules/cases/rules/calendar.js';
import { generateSlots } from '../../src/modules/cases/rules/visits.js';
import { buildOrganisation } from '../../test/factories.js';
import { rng, uuid } from '../generate/random.js';
import { insertChunks } from './people.js';

type R = ReturnType<typeof rng>;
const MISSED = ['Non in casa', 'Ricovero in ospedale', 'Ha chiesto di rimandare', 'Non risponde al telefono'];

async function userId(db: Executor, tenantId: string, email: string): Promise<string> {
  const u = await db.selectFrom('app_user').select('id').where('tenant_id', '=', tenantId).where('email', '=', email).executeTakeFirstOrThrow();
  return u.id;
}

async function enrolled(db: Executor, tenantId: string, program: Program, today: string, n: number) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'))
    .select(['p.id', 'p.given_name', 'p.family_name', 'e.started_on'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.program', '=', program)
    .where('e.started_on', '<=', today)
    .where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>', today)]))
    .where('p.user_id', 'is', null)
    .orderBy('p.family_name')
    .orderBy('p.id')
    .limit(n)
    .execute();
}

interface Rows {
  cases: object[];
  members: object[];
  stages: object[];
  items: object[];
  agreements: object[];
  notes: object[];
  referrals: object[];
  placements: object[];
  plans: object[];
  visits: object[];
  paths: object[];
  attendance: object[];
}

/** A case at a stage of its program's path: earlier stages done with their checklists ticked. */
function openCase(rows: Rows, r: R, t: { tenantId: string; program: Program; personId: string; openedOn: string; stageIndex: number; today: string }) {
  const id = uuid(r);
  rows.cases.push({ tenant_id: t.tenantId, id, program: t.program, person_id: t.personId, opened_on: t.openedOn });
  const path = PATHS[t.program];
  const step = Math.max(1, Math.floor((Date.parse(t.today) - Date.parse(t.openedOn)) / 86_400_000 / (t.stageIndex + 1)));
  path.forEach((s, i) => {
    const startedOn = i <= t.stageIndex ? addDays(t.openedOn, i * step) : null;
    rows.stages.push({
      tenant_id: t.tenantId,
      case_id: id,
      stage_key: s.key,
      position: i + 1,
      status: i < t.stageIndex ? 'done' : i === t.stageIndex ? 'active' : 'pending',
      started_on: startedOn,
      completed_on: i < t.stageIndex ? addDays(t.openedOn, (i + 1) * step) : null,
    });
    s.checklist.forEach((item, j) => {
      const done = i < t.stageIndex || (i === t.stageIndex && j < s.checklist.length / 2);
      rows.items.push({
        tenant_id: t.tenantId,
        case_id: id,
        stage_key: s.key,
        item_key: item,
        position: j + 1,
        done_on: done && startedOn ? addDays(startedOn, j) : null,
      });
    });
  });
  return id;
}

function scores(base: number, r: R) {
  const s = (d: number) => ({ score: Math.min(5, Math.max(1, Math.round(base + d))) });
  return { home: s(r.int(-1, 1) * 0.5), psycho: s(r.int(-1, 1) * 0.5), physical: s(0), relations: s(r.int(-1, 0) * 0.5), goals: s(r.int(0, 1) * 0.5) };
}

/** Seeds the Lucca demo cases (after people, stock and tenancies). */
export async function seedDemoCases(db: Executor, today = romeDay(new Date())): Promise<void> {
  const ente = await db.selectFrom('ente').select('id').where('slug', '=', 'lucca').executeTakeFirst();
  if (!ente) {
    return;
  }
  const tenantId = ente.id;
  const r = rng(0xca5e5);
  const now = Date.now();
  const hf = await userId(db, tenantId, 'housing.first@lucca.abitare.demo');
  const sw = await userId(db, tenantId, 'assistente.sociale@lucca.abitare.demo');
  const orgs = await db.selectFrom('organisation').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  const org = (prefix: string) => orgs.find((o) => o.name.startsWith(prefix))?.id ?? null;
  const jobService = await buildOrganisation(db, { tenantId, name: 'Centro per l’impiego di Lucca', kind: 'other' });
  const rows: Rows = {
    cases: [],
    members: [],
    stages: [],
    items: [],
    agreements: [],
    notes: [],
    referrals: [],
    placements: [],
    plans: [],
    visits: [],
    paths: [],
    attendance: [],
  };
  const note = (caseId: string, author: string, confidentiality: string, body: string, days: number, category: string | null = null) =>
    rows.notes.push({
      tenant_id: tenantId,
      id: uuid(r),
      case_id: caseId,
      author_id: author,
      confidentiality,
      sensitive_category: category,
      body,
      written_at: new Date(now - days * 86_400_000),
    });

  // Youth collaborative housing: two residents per stage.
  const youth = await enrolled(db, tenantId, 'youth_collab', today, 10);
  const youthCases: string[] = [];
  youth.forEach((p, i) => {
    const stageIndex = Math.min(4, Math.floor(i / 2));
    const openedOn = addDays(today, -60 - stageIndex * 75 - r.int(0, 20));
    const id = openCase(rows, r, { tenantId, program: 'youth_collab', personId: p.id, openedOn, stageIndex, today });
    youthCases.push(id);
    rows.members.push({ tenant_id: tenantId, id: uuid(r), case_id: id, user_id: sw, role: 'case_manager', from_on: openedOn });
    if (stageIndex >= 2) {
      const signedOn = addDays(openedOn, 150);
      rows.agreements.push(
        {
          tenant_id: tenantId,
          id: uuid(r),
          case_id: id,
          kind: 'cohabitation_agreement',
          title: 'Patto di convivenza – coabitazione giovani',
          version: '2026.1',
          signed_on: signedOn <= today ? signedOn : today,
          signed_by: `${p.given_name} ${p.family_name} e coinquilino/a`,
        },
        {
          tenant_id: tenantId,
          id: uuid(r),
          case_id: id,
          kind: 'house_rules',
          title: 'Regolamento della casa',
          version: '3',
          signed_on: signedOn <= today ? signedOn : today,
          signed_by: `${p.given_name} ${p.family_name}`,
        },
      );
    }
    note(id, sw, 'program', 'Colloquio di verifica: buona integrazione con il coinquilino, partecipa alle attività del centro.', 20 + i);
  });

  // Co-housing followed with Azienda USL: notes at every level (USL staff read only the shared one).
  const cohousing = await enrolled(db, tenantId, 'cohousing', today, 3);
  for (const [i, p] of cohousing.entries()) {
    const openedOn = addDays(today, -200 - i * 30);
    const id = openCase(rows, r, { tenantId, program: 'cohousing', personId: p.id, openedOn, stageIndex: 2, today });
    rows.members.push({ tenant_id: tenantId, id: uuid(r), case_id: id, user_id: sw, role: 'case_manager', from_on: openedOn });
    note(id, sw, 'team', 'Riservata al gruppo di lavoro: tensioni familiari da approfondire al prossimo colloquio.', 5);
    note(id, sw, 'program', 'Per gli operatori del programma: valutare il rinnovo del progetto a fine anno.', 12);
    note(id, sw, 'partner', 'Condivisa con Azienda USL: concordato il calendario degli incontri di rete.', 15);
    const usl = org('Azienda USL');
    if (usl && i === 0) {
      rows.referrals.push({
        tenant_id: tenantId,
        id: uuid(r),
        case_id: id,
        from_organisation_id: org('Comune di Lucca – Servizi sociali'),
        to_organisation_id: usl,
        service: 'Salute mentale adulti',
        reason: 'Valutazione e presa in carico congiunta',
        referred_on: addDays(openedOn, 30),
        status: 'accepted',
        responded_on: addDays(openedOn, 40),
        created_by: sw,
      });
    }
  }

  // Housing First: ~15 participants, weekly visits since moving in (at most 26 weeks back).
  const participants = await enrolled(db, tenantId, 'housing_first', today, 15);
  const units = await db
    .selectFrom('unit_program')
    .select('unit_id')
    .where('tenant_id', '=', tenantId)
    .where('program', '=', 'housing_first')
    .where('ends_on', 'is', null)
    .orderBy('unit_id')
    .execute();
  const earliest = addDays(weekStart(today), -7 * 26);
  for (const [i, p] of participants.entries()) {
    const housedOn = p.started_on > earliest ? p.started_on : addDays(earliest, r.int(0, 6));
    const exit = i === 13 ? 'autonomy' : i === 14 ? 'drop_out' : null;
    const id = openCase(rows, r, { tenantId, program: 'housing_first', personId: p.id, openedOn: addDays(housedOn, -14), stageIndex: exit ? 3 : 2, today });
    rows.members.push({ tenant_id: tenantId, id: uuid(r), case_id: id, user_id: hf, role: 'case_manager', from_on: addDays(housedOn, -14) });
    const leftOn = exit ? addDays(today, -r.int(20, 40)) : null;
    if (exit) {
      rows.cases[rows.cases.length - 1] = {
        ...(rows.cases.at(-1) as object),
        status: 'closed',
        closed_on: leftOn,
        close_reason: exit === 'autonomy' ? 'Alloggio autonomo' : 'Abbandono del progetto',
      };
    }
    rows.placements.push({
      tenant_id: tenantId,
      case_id: id,
      unit_id: units[i % Math.max(units.length, 1)]?.unit_id ?? null,
      housed_on: housedOn,
      left_on: leftOn,
      exit_kind: exit,
    });
    rows.agreements.push({
      tenant_id: tenantId,
      id: uuid(r),
      case_id: id,
      kind: 'housing_first_agreement',
      title: 'Accordo Housing First (contributo e visita settimanale)',
      version: '1',
      signed_on: housedOn,
      signed_by: `${p.given_name} ${p.family_name}`,
    });
    const plan = {
      id: uuid(r),
      weekday: 1 + (i % 5),
      windowStart: i % 2 ? '15:00' : '10:00',
      windowEnd: i % 2 ? '17:00' : '12:00',
      professionalId: hf,
      validFrom: housedOn,
      validTo: leftOn,
    };
    rows.plans.push({
      tenant_id: tenantId,
      id: plan.id,
      case_id: id,
      weekday: plan.weekday,
      window_start: plan.windowStart,
      window_end: plan.windowEnd,
      professional_id: hf,
      valid_from: housedOn,
      valid_to: leftOn,
    });
    const slots = generateSlots([plan], housedOn, today).filter((s) => s.endsAt.getTime() + 48 * 3_600_000 < now);
    const worsening = i === 2 || i === 5;
    slots.forEach((s, k) => {
      const fromEnd = slots.length - k;
      // The last slot of two participants is left unlogged (alert); one has two misses in a row (escalation).
      if ((i === 0 || i === 3) && fromEnd === 1) {
        return;
      }
      const missed = (i === 3 && fromEnd === 2) || (i === 7 && fromEnd <= 2) || r.chance(0.07);
      const base = worsening && fromEnd <= 4 ? 2 + fromEnd * 0.5 : 3.5 + (k / slots.length) * 0.8;
      rows.visits.push({
        tenant_id: tenantId,
        id: uuid(r),
        case_id: id,
        slot_on: s.day,
        status: missed ? 'missed' : 'done',
        occurred_on: s.day,
        professional_id: hf,
        reason: missed ? r.pick(MISSED) : null,
        observations: missed ? null : JSON.stringify(scores(base, r)),
        notes: missed ? null : r.pick(['Casa in ordine, bollette pagate.', 'Spesa fatta insieme.', 'Parlato del lavoro.', 'Visita breve, tutto bene.', null]),
        logged_at: new Date(s.endsAt.getTime() + 3_600_000),
      });
    });
    note(id, hf, 'team', 'Rapporto di fiducia in crescita; accetta la visita settimanale.', 10 + i);
    if (i % 4 === 0) {
      note(id, hf, 'team', 'Segue la terapia presso il SerD; prossimo controllo tra un mese.', 8, 'addiction');
    }
  }

  // Work paths at the centres, with monthly attendance.
  const centres = [
    {
      id: uuid(r),
      name: 'Spazio civico San Vito (via Giorgini)',
      kind: 'centro_polifunzionale',
      address: 'via Giorgini, San Vito, Lucca',
      services: ['biblioteca di quartiere', 'sportello di mediazione', 'spazio giovani'],
    },
    {
      id: uuid(r),
      name: 'Centro polifunzionale Sant’Anna',
      kind: 'centro_polifunzionale',
      address: 'Sant’Anna, Lucca',
      services: ['laboratori', 'orto condiviso'],
    },
    {
      id: uuid(r),
      name: 'Centro per l’impiego di Lucca',
      kind: 'job_service',
      address: null,
      services: ['orientamento', 'tirocini'],
      organisation_id: jobService.id,
    },
  ];
  await insertChunks(
    db,
    'work_centre',
    centres.map((c) => ({ tenant_id: tenantId, organisation_id: null, ...c })),
  );
  const workCases = [
    ...youthCases.slice(4, 8),
    ...rows.cases
      .filter((c) => (c as { program: string }).program === 'housing_first')
      .slice(0, 2)
      .map((c) => (c as { id: string }).id),
  ];
  workCases.forEach((caseId, i) => {
    const kind = (['work_grant', 'placement', 'training', 'work_grant', 'work_grant', 'placement'] as const)[i] ?? 'work_grant';
    const startedOn = `${addDays(today, -30 * (3 + (i % 3))).slice(0, 7)}-01`;
    const id = uuid(r);
    rows.paths.push({
      tenant_id: tenantId,
      id,
      case_id: caseId,
      kind,
      centre_id: centres[i % 3]?.id,
      title:
        kind === 'training'
          ? 'Corso di cucina e servizio in sala'
          : kind === 'placement'
            ? 'Tirocinio in biblioteca di quartiere'
            : 'Borsa lavoro – manutenzione del verde',
      hours_per_month: kind === 'training' ? 40 : 60,
      monthly_grant_cents: kind === 'work_grant' ? 40_000 : kind === 'placement' ? 50_000 : 0,
      started_on: startedOn,
      ends_on: addDays(startedOn, 365),
      status: 'active',
      created_by: sw,
    });
    for (let m = startedOn; m.slice(0, 7) < today.slice(0, 7); m = `${addDays(m, 32).slice(0, 7)}-01`) {
      rows.attendance.push({
        tenant_id: tenantId,
        path_id: id,
        month: m,
        hours_attended: Math.max(0, (kind === 'training' ? 40 : 60) - r.int(0, 3) * 8),
        recorded_by: sw,
      });
    }
  });

  const tables: [keyof DB & string, object[]][] = [
    ['case_file', rows.cases],
    ['case_member', rows.members],
    ['case_stage', rows.stages],
    ['case_checklist_item', rows.items],
    ['case_agreement', rows.agreements],
    ['case_note', rows.notes],
    ['case_referral', rows.referrals],
    ['hf_placement', rows.placements],
    ['visit_plan', rows.plans],
    ['visit', rows.visits],
    ['work_path', rows.paths],
    ['work_attendance', rows.attendance],
  ];
  for (const [table, values] of tables) {
    if (values.length > 0) {
      await insertChunks(db as Kysely<DB>, table, values);
    }
  }
}
