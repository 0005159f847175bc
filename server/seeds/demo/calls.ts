// Demo calls of the Comune di Lucca, with dates relative to today:
// - "Bando ERP 2025": closed about a year ago, ~500 applications, provisional and final ranking
//   (the demo citizen is among them and sees her points and position);
// - "Abitare collaborativo giovani": open, ~40 applications of people aged 18–35 in various
//   states (most admitted: the matching module pairs them later);
// - "Dopo di Noi": closed a few days ago, applications admitted but one, ranking not published yet.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../src/kernel/db/tenant.js';
import { deriveFacts, evaluate, presetRules, rank } from '../../src/modules/calls/index.js';
import { type Rng, rng, uuid } from '../generate/random.js';
import { insertChunks } from './people.js';

const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n% Abitare demo document\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

type Facts = Record<string, number | boolean | string>;
type Preset = Parameters<typeof presetRules>[0];

interface Applicant {
  id: string;
  given_name: string;
  family_name: string;
  codice_fiscale: string | null;
  birth_date: string;
  user_id: string | null;
  members: { givenName: string; familyName: string; birthDate: string; relationship: string }[];
}

const REL: Record<string, string> = { spouse: 'spouse', partner: 'partner', child: 'child', parent: 'parent', sibling: 'sibling' };

async function applicants(
  db: Executor,
  tenantId: string,
  o: { minAge?: number; maxAge?: number; limit: number; heads: boolean; day: string; include?: string },
) {
  const rows = await sql<{
    id: string;
    given_name: string;
    family_name: string;
    codice_fiscale: string | null;
    birth_date: string;
    user_id: string | null;
    household_id: string | null;
  }>`
    SELECT p.id, p.given_name, p.family_name, p.codice_fiscale, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.user_id, m.household_id
    FROM person p
    LEFT JOIN household_member m ON m.tenant_id = p.tenant_id AND m.person_id = p.id AND m.left_on IS NULL
    WHERE p.tenant_id = ${tenantId} AND p.birth_date IS NOT NULL AND p.merged_into IS NULL
      AND (${o.heads} = false OR m.relationship = 'head')
      AND (${o.minAge ?? null}::int IS NULL OR p.birth_date <= (${o.day}::date - make_interval(years => ${o.minAge ?? 0})))
      AND (${o.maxAge ?? null}::int IS NULL OR p.birth_date > (${o.day}::date - make_interval(years => ${(o.maxAge ?? 0) + 1})))
      AND (p.user_id IS NULL OR p.user_id = ${o.include ?? null}::uuid)
    ORDER BY (p.user_id IS NULL), p.family_name, p.id
    LIMIT ${o.limit}`.execute(db);
  const households = [...new Set(rows.rows.map((r) => r.household_id).filter((h): h is string => h !== null))];
  const members =
    households.length === 0
      ? []
      : (
          await sql<{ household_id: string; person_id: string; relationship: string; given_name: string; family_name: string; birth_date: string | null }>`
            SELECT m.household_id, m.person_id, m.relationship, p.given_name, p.family_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
            FROM household_member m JOIN person p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
            WHERE m.tenant_id = ${tenantId} AND m.left_on IS NULL AND m.household_id IN (${sql.join(households)})`.execute(db)
        ).rows;
  return rows.rows.map(
    (r): Applicant => ({
      ...r,
      members: o.heads
        ? members
            .filter((m) => m.household_id === r.household_id && m.person_id !== r.id && m.birth_date)
            .map((m) => ({
              givenName: m.given_name,
              familyName: m.family_name,
              birthDate: m.birth_date as string,
              relationship: REL[m.relationship] ?? 'other',
            }))
        : [],
    }),
  );
}

function erpFacts(r: Rng, a: Applicant): Facts {
  const isee = r.chance(0.08) ? r.int(16600, 24000) : r.int(1500, 16000);
  return {
    'applicant.citizenshipOk': true,
    'applicant.residesOrWorks': !r.chance(0.02),
    'household.criminalConviction': false,
    'household.ownsAdequateProperty': r.chance(0.02),
    'household.propertyValue': r.chance(0.9) ? 0 : r.int(5000, 40000),
    'household.movableAssets': r.int(0, 20000),
    'household.isee': isee,
    'household.dependentChildren': a.members.filter((m) => m.relationship === 'child').length,
    'household.singleParent': r.chance(0.12),
    'household.disabledMember': r.chance(0.1),
    'housing.rentBurdenPct': r.int(10, 65),
    'housing.eviction': r.chance(0.1),
    'housing.improper': r.chance(0.06),
    'housing.overcrowded': r.chance(0.15),
    'housing.barriers': r.chance(0.05),
    'applicant.residenceYears': r.int(0, 40),
  };
}

function youthFacts(r: Rng): Facts {
  return {
    'household.isee': r.int(2000, 24000),
    'household.ownsAdequateProperty': false,
    'applicant.vulnerability': r.chance(0.35),
    'applicant.participatoryPath': r.chance(0.6),
  };
}

function dopoDiNoiFacts(r: Rng): Facts {
  return { 'applicant.disability': 'severe', 'applicant.familySupport': r.pick(['none', 'ending', 'ending', 'present']), 'household.isee': r.int(3000, 20000) };
}

interface CallSpec {
  preset: Preset;
  program: string;
  title: { it: string; en: string };
  body: { it: string; en: string };
  opensAt: Date;
  closesAt: Date;
  places: number | null;
  status: 'published' | 'provisional' | 'final';
  provisionalAt?: Date;
  finalAt?: Date;
}

async function insertCall(db: Executor, tenantId: string, createdBy: string | null, c: CallSpec, r: Rng) {
  const id = uuid(r);
  await db
    .insertInto('call')
    .values({
      tenant_id: tenantId,
      id,
      program: c.program,
      title_it: c.title.it,
      title_en: c.title.en,
      body_it: c.body.it,
      body_en: c.body.en,
      opens_at: c.opensAt,
      closes_at: c.closesAt,
      places: c.places,
      status: c.status,
      published_at: new Date(c.opensAt.getTime() - 5 * DAY),
      provisional_at: c.provisionalAt ?? null,
      final_at: c.finalAt ?? null,
      created_by: createdBy,
    })
    .execute();
  await db
    .insertInto('call_rules')
    .values({ tenant_id: tenantId, call_id: id, version: 1, rules: JSON.stringify(presetRules(c.preset)), created_by: createdBy })
    .execute();
  return id;
}

interface AppRow {
  id: string;
  status: string;
  protocol: string | null;
  exclusion: string | null;
  applicant: Applicant;
  declared: Facts;
  verified: Facts;
}

export interface DemoCallsOptions {
  tenantId: string;
  citizenUserId: string;
  operatorId: string | null;
  now?: Date;
}

export async function seedDemoCalls(db: Executor, o: DemoCallsOptions): Promise<void> {
  const r = rng(5_2019);
  const now = o.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  const counters = new Map<number, number>();
  const nextProtocol = (at: Date) => {
    const year = at.getUTCFullYear();
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    return { year, n, protocol: `${year}/${String(n).padStart(6, '0')}` };
  };

  async function insertApplications(callId: string, call: CallSpec, apps: AppRow[]) {
    const rows = apps.map((a, i) => {
      const submittedAt = new Date(call.opensAt.getTime() + ((call.closesAt.getTime() - call.opensAt.getTime()) * (i + 1)) / (apps.length + 2));
      const p = a.status === 'draft' ? null : nextProtocol(submittedAt);
      a.protocol = p?.protocol ?? null;
      return {
        tenant_id: o.tenantId,
        id: a.id,
        call_id: callId,
        person_id: a.applicant.id,
        user_id: a.applicant.user_id,
        channel: a.applicant.user_id || r.chance(0.7) ? 'online' : 'paper',
        status: a.status,
        applicant: JSON.stringify({
          givenName: a.applicant.given_name,
          familyName: a.applicant.family_name,
          codiceFiscale: a.applicant.codice_fiscale,
          birthDate: a.applicant.birth_date,
        }),
        household: JSON.stringify(a.applicant.members),
        declared: JSON.stringify(a.declared),
        verified: JSON.stringify(a.verified),
        exclusion_reason: a.exclusion,
        exclusion_note: a.exclusion ? 'Verifica d’ufficio (dati dimostrativi)' : null,
        protocol_year: p?.year ?? null,
        protocol_number: p?.n ?? null,
        protocol: p?.protocol ?? null,
        submitted_at: p ? submittedAt : null,
        reviewed_at: a.status === 'admitted' || a.status === 'excluded' ? call.closesAt : null,
        reviewed_by: a.status === 'admitted' || a.status === 'excluded' ? o.operatorId : null,
        created_by: a.applicant.user_id ?? o.operatorId,
      };
    });
    await insertChunks(db, 'application', rows, 200);
    const docs = apps
      .filter((a) => a.status !== 'draft')
      .flatMap((a) =>
        presetRules(call.preset)
          .documents.filter((d) => d.required)
          .map((d) => ({
            tenant_id: o.tenantId,
            application_id: a.id,
            kind: d.code,
            file_name: `${d.code}.pdf`,
            content_type: 'application/pdf',
            size_bytes: PDF.length,
            sha256: PDF_SHA,
            content: PDF,
          })),
      );
    await insertChunks(db, 'application_document', docs, 300);
  }

  async function publish(callId: string, call: CallSpec, apps: AppRow[], kind: 'provisional' | 'final', at: Date) {
    const rules = presetRules(call.preset);
    const ref = call.opensAt.toISOString().slice(0, 10);
    const inputs = apps
      .filter((a) => a.status === 'admitted' || a.status === 'excluded')
      .map((a) => {
        const facts = derive(a, ref);
        const e = evaluate(rules, facts);
        return { id: a.id, protocol: a.protocol as string, score: e.score, eligible: e.eligible, exclusion: a.exclusion, failed: e.failed[0] ?? null, facts };
      });
    const seed = createHash('sha256').update(`${callId}:${kind}`).digest('hex').slice(0, 32);
    const ranking = rank(inputs, rules, seed);
    const entries = ranking.ranked.map((e) => ({ position: e.position, protocol: e.protocol, score: e.score, tieBrokenBy: e.tieBrokenBy }));
    const excluded = ranking.excluded.map((e) => ({ protocol: e.protocol, reason: e.reason }));
    await db
      .insertInto('ranking')
      .values({
        tenant_id: o.tenantId,
        call_id: callId,
        kind,
        rules_version: 1,
        seed,
        entries: JSON.stringify({
          entries: ranking.ranked.map((e) => ({ applicationId: e.id, position: e.position, protocol: e.protocol, score: e.score, tieBrokenBy: e.tieBrokenBy })),
          excluded: ranking.excluded.map((e) => ({ applicationId: e.id, protocol: e.protocol, reason: e.reason })),
        }),
        sha256: createHash('sha256').update(JSON.stringify({ entries, excluded })).digest('hex'),
        published_at: at,
        published_by: o.operatorId,
      })
      .execute();
  }

  // --- ERP 2025: closed, final ranking ----------------------------------------------------------
  const erpCall: CallSpec = {
    preset: 'erp_toscana',
    program: 'erp',
    title: { it: 'Bando ERP 2025 – assegnazione di alloggi di edilizia residenziale pubblica', en: 'ERP call 2025 – allocation of public housing' },
    body: {
      it: 'Bando di concorso ai sensi della L.R. Toscana 2/2019 per la formazione della graduatoria di assegnazione degli alloggi ERP del Comune di Lucca.',
      en: 'Call under Tuscan Regional Law 2/2019 to rank applicants for the public housing flats of the Comune di Lucca.',
    },
    opensAt: new Date(now.getTime() - 420 * DAY),
    closesAt: new Date(now.getTime() - 360 * DAY),
    places: 50,
    status: 'final',
    provisionalAt: new Date(now.getTime() - 300 * DAY),
    finalAt: new Date(now.getTime() - 260 * DAY),
  };
  const erpId = await insertCall(db, o.tenantId, o.operatorId, erpCall, r);
  const erpPeople = await applicants(db, o.tenantId, { heads: true, limit: 500, day, include: o.citizenUserId });
  const erpApps: AppRow[] = erpPeople.map((a) => {
    const status = a.user_id ? 'admitted' : r.chance(0.03) ? 'withdrawn' : r.chance(0.04) ? 'excluded' : 'admitted';
    return {
      id: uuid(r),
      status,
      protocol: null,
      exclusion: status === 'excluded' ? r.pick(['documents_missing', 'false_declaration', 'duplicate']) : null,
      applicant: a,
      // The demo citizen meets every requirement, so she finds herself in the ranking.
      declared: a.user_id
        ? { ...erpFacts(r, a), 'applicant.residesOrWorks': true, 'household.ownsAdequateProperty': false, 'household.propertyValue': 0, 'household.isee': 9200 }
        : erpFacts(r, a),
      verified: {},
    };
  });
  await insertApplications(erpId, erpCall, erpApps);
  await publish(erpId, erpCall, erpApps, 'provisional', erpCall.provisionalAt as Date);
  // Three objections, decided before the final ranking (one accepted: eviction proven).
  const objecting = erpApps.filter((a) => a.status === 'admitted' && a.applicant.user_id === null).slice(0, 3);
  for (const [i, a] of objecting.entries()) {
    const accepted = i === 0;
    if (accepted) {
      a.verified = { 'housing.eviction': true };
      await db
        .updateTable('application')
        .set({ verified: JSON.stringify(a.verified) as never })
        .where('tenant_id', '=', o.tenantId)
        .where('id', '=', a.id)
        .execute();
    }
    await db
      .insertInto('objection')
      .values({
        tenant_id: o.tenantId,
        application_id: a.id,
        call_id: erpId,
        text: accepted ? 'Allego il provvedimento di sfratto esecutivo non considerato.' : 'Chiedo il riesame del punteggio per le condizioni abitative.',
        status: accepted ? 'accepted' : 'rejected',
        decision_note: accepted ? 'Sfratto documentato: punteggio b) ricalcolato.' : 'Condizione non documentata entro i termini.',
        decided_by: o.operatorId,
        decided_at: new Date(now.getTime() - 270 * DAY),
        filed_at: new Date(now.getTime() - 290 * DAY),
      })
      .execute();
  }
  await publish(erpId, erpCall, erpApps, 'final', erpCall.finalAt as Date);

  // --- Youth collaborative housing: open, ~40 applications ---------------------------------------
  const youthCall: CallSpec = {
    preset: 'youth_collab',
    program: 'youth_collab',
    title: {
      it: 'Abitare collaborativo giovani – avviso di manifestazione di interesse',
      en: "Young people's collaborative housing – call for expressions of interest",
    },
    body: {
      it: 'Alloggi comunali nei quartieri periferici a canone sostenibile, due giovani per alloggio, con un percorso partecipativo e di accompagnamento all’abitare.',
      en: 'Municipal flats in the outer neighbourhoods at a sustainable rent, two young people per flat, with a participatory path and support with living.',
    },
    opensAt: new Date(now.getTime() - 15 * DAY),
    closesAt: new Date(now.getTime() + 45 * DAY),
    places: 24,
    status: 'published',
  };
  const youthId = await insertCall(db, o.tenantId, o.operatorId, youthCall, r);
  const young = await applicants(db, o.tenantId, { heads: false, minAge: 18, maxAge: 35, limit: 42, day });
  const youthApps: AppRow[] = young.map((a, i) => ({
    id: uuid(r),
    status: i < 32 ? 'admitted' : i < 36 ? 'submitted' : i < 38 ? 'excluded' : i < 40 ? 'draft' : 'withdrawn',
    protocol: null,
    exclusion: i >= 36 && i < 38 ? 'requirements_not_met' : null,
    applicant: a,
    declared: youthFacts(r),
    verified: (i < 32 ? { 'applicant.motivation': r.int(3, 10) } : {}) as Facts,
  }));
  await insertApplications(youthId, youthCall, youthApps);

  // --- Dopo di Noi: closed, ranking not yet published --------------------------------------------
  const dndCall: CallSpec = {
    preset: 'dopo_di_noi',
    program: 'dopo_di_noi',
    title: { it: 'Dopo di Noi – soluzioni abitative per persone con disabilità grave', en: 'Dopo di Noi – housing for people with severe disabilities' },
    body: {
      it: 'Avviso per l’accesso alle soluzioni abitative della L. 112/2016 (casa stabile, palestra per l’autonomia, sollievo, mutuo aiuto) con progetto di vita individuale.',
      en: 'Call for the housing solutions of Law 112/2016 (stable home, autonomy gym, respite, mutual aid) with an individual life project.',
    },
    opensAt: new Date(now.getTime() - 65 * DAY),
    closesAt: new Date(now.getTime() - 5 * DAY),
    places: 5,
    status: 'published',
  };
  const dndId = await insertCall(db, o.tenantId, o.operatorId, dndCall, r);
  const dndPeople = await applicants(db, o.tenantId, { heads: false, minAge: 20, maxAge: 55, limit: 80, day });
  const taken = new Set(young.map((a) => a.id));
  const dndApps: AppRow[] = dndPeople
    .filter((a) => !taken.has(a.id))
    .slice(0, 6)
    .map((a, i) => ({
      id: uuid(r),
      status: i === 5 ? 'submitted' : 'admitted',
      protocol: null,
      exclusion: null,
      applicant: a,
      declared: dopoDiNoiFacts(r),
      verified: {},
    }));
  await insertApplications(dndId, dndCall, dndApps);

  // The protocol counters continue after the demo numbers.
  for (const [year, n] of counters) {
    await db.insertInto('protocol_counter').values({ tenant_id: o.tenantId, year, last_number: n }).execute();
  }
}

function derive(a: AppRow, referenceDay: string): Facts {
  return deriveFacts({
    applicantBirthDate: a.applicant.birth_date,
    members: a.applicant.members,
    referenceDay,
    declared: { ...a.declared, ...a.verified },
  }) as Facts;
}
