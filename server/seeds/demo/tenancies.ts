// Demo tenancies: one per occupied period of the demo stock (past ones ended, current ones open),
// each with a household of the demo registry, its income and rent computed by the program's rule,
// and for current tenancies a ledger over the last 12 months: most households pay on time, some
// late, a few have fallen into arrears. The demo citizen (Francesca Ricci) rents a flat of the
// collaborative-housing network and owes this month's rent, with a payment notice to pay.
// Deterministic (seeded PRNG); rows are bulk-inserted as the owner, like the other demo seeds.
import { sql } from 'kysely';
import type { Program } from '../../src/kernel/auth/permissions.js';
import type { Executor } from '../../src/kernel/db/tenant.js';
import { romeDay } from '../../src/kernel/time.js';
import { buildNoticeNumber } from '../../src/modules/tenancies/index.js';
import { monthlyCharge, nextMonth } from '../../src/modules/tenancies/rules/ledger.js';
import { splitPlan } from '../../src/modules/tenancies/rules/plans.js';
import {
  computeRent,
  DEFAULT_ERP_TUSCANY,
  DEFAULT_HOUSING_FIRST,
  DEFAULT_SUSTAINABLE_SHARE,
  type RentRuleParams,
} from '../../src/modules/tenancies/rules/rent.js';
import { insertChunks } from './people.js';

/** mulberry32, as in the other demo seeds. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number) =>
    Array.from({ length: n }, () =>
      Math.floor(next() * 16)
        .toString(16)
        .toLowerCase(),
    ).join('');
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${((8 + Math.floor(next() * 4)) as number).toString(16)}${hex(3)}-${hex(12)}`,
  };
}

const KIND: Record<Program, string> = {
  erp: 'erp_lease',
  mediation: 'erp_lease',
  youth_collab: 'collab_agreement',
  dopo_di_noi: 'dopo_di_noi_stay',
  housing_first: 'housing_first_hosting',
  cohousing: 'cohousing_agreement',
  agency: 'agency_private_lease',
};
const PREFIX: Record<Program, string> = {
  erp: 'ERP',
  mediation: 'ERP',
  youth_collab: 'YOU',
  dopo_di_noi: 'DDN',
  housing_first: 'HF',
  cohousing: 'COH',
  agency: 'AGE',
};

function monthsAfter(month: string, n: number): string {
  let m = month;
  for (let i = 0; i < n; i += 1) {
    m = nextMonth(m);
  }
  return m;
}

function ruleOf(program: Program): RentRuleParams {
  if (program === 'erp' || program === 'mediation') {
    return DEFAULT_ERP_TUSCANY;
  }
  return program === 'housing_first' ? DEFAULT_HOUSING_FIRST : DEFAULT_SUSTAINABLE_SHARE;
}

/** The demo shows 12 months of ledger up to the month of the day it is loaded (Europe/Rome). */
function window(today: string) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`;
  return { firstMonth: first, lastMonth: `${today.slice(0, 7)}-01`, today };
}

interface EnteSpec {
  slug: string;
  creditorFiscalCode: string;
  segregationCode: number;
  secret: string;
  citizenEmail: string | null;
  seed: number;
}

const ENTI: EnteSpec[] = [
  {
    slug: 'lucca',
    creditorFiscalCode: '00378210462',
    segregationCode: 1,
    secret: 'lucca-demo-receipt-secret-2026',
    citizenEmail: 'cittadina@lucca.abitare.demo',
    seed: 0x7e4a,
  },
  { slug: 'pescaglia', creditorFiscalCode: '80001350464', segregationCode: 1, secret: 'pescaglia-demo-receipt-secret-2026', citizenEmail: null, seed: 0x9e5c },
];

export async function seedDemoTenancies(db: Executor, today = romeDay(new Date())): Promise<void> {
  for (const spec of ENTI) {
    const ente = await db.selectFrom('ente').select('id').where('slug', '=', spec.slug).executeTakeFirst();
    if (ente) {
      await seedEnte(db, ente.id, spec, window(today));
    }
  }
  // PGlite runs no autovacuum: without statistics the planner guesses one row per table and joins
  // tenancies to units the slow way. Bulk-loaded tables are analysed once here.
  await sql`ANALYZE tenancy, tenancy_income, payment_plan, payment_plan_instalment, rent_assessment, ledger_entry, payment_notice, unit, unit_status, unit_program, building, estate,
    household, household_member, person, isee, household_income`.execute(db);
}

async function seedEnte(db: Executor, tenantId: string, spec: EnteSpec, w: ReturnType<typeof window>) {
  const { firstMonth: FIRST_MONTH, lastMonth: LAST_MONTH, today: TODAY } = w;
  const r = prng(spec.seed);
  const operator = await db
    .selectFrom('app_user as u')
    .innerJoin('role_assignment as ra', (j) => j.onRef('ra.tenant_id', '=', 'u.tenant_id').onRef('ra.user_id', '=', 'u.id'))
    .select('u.id')
    .where('u.tenant_id', '=', tenantId)
    .where('ra.role', '=', 'housing_operator')
    .executeTakeFirst();
  const author = operator?.id ?? null;

  await db
    .insertInto('payment_settings')
    .values({ tenant_id: tenantId, creditor_fiscal_code: spec.creditorFiscalCode, segregation_code: spec.segregationCode, receipt_secret: spec.secret })
    .execute();
  await insertChunks(db, 'rent_rule', [
    {
      tenant_id: tenantId,
      program: 'erp',
      kind: 'erp_tuscany',
      params: JSON.stringify(DEFAULT_ERP_TUSCANY),
      effective_from: '2019-01-01',
      note: 'L.R. Toscana 2/2019; fasce da verificare (DOMAIN.md)',
    },
    {
      tenant_id: tenantId,
      program: 'youth_collab',
      kind: 'sustainable_share',
      params: JSON.stringify(DEFAULT_SUSTAINABLE_SHARE),
      effective_from: '2019-01-01',
      note: 'Canone sostenibile abitare collaborativo',
    },
    {
      tenant_id: tenantId,
      program: 'housing_first',
      kind: 'housing_first',
      params: JSON.stringify(DEFAULT_HOUSING_FIRST),
      effective_from: '2019-01-01',
      note: 'Contributo Housing First',
    },
  ]);

  // Occupied periods of the stock, with the program the unit served when the period began.
  const periods = await db
    .selectFrom('unit_status as s')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.unit_id'))
    .select([
      's.unit_id',
      'u.code',
      'u.surface_m2',
      sql<string>`lower(s.during)`.as('from'),
      sql<string | null>`upper(s.during)`.as('to'),
      sql<string | null>`(SELECT p.program FROM unit_program p WHERE p.tenant_id = s.tenant_id AND p.unit_id = s.unit_id
        ORDER BY p.during @> lower(s.during) DESC, lower(p.during) DESC LIMIT 1)`.as('program'),
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.status', '=', 'occupied')
    .orderBy('u.code')
    .orderBy(sql`lower(s.during)`)
    .execute();

  // Households with their latest year's income, ISEE and dependent children.
  const households = await db
    .selectFrom('household as h')
    .select([
      'h.id',
      sql<number>`coalesce((SELECT sum(i.amount_cents) FROM household_income i WHERE i.tenant_id = h.tenant_id AND i.household_id = h.id
        AND i.year = (SELECT max(i2.year) FROM household_income i2 WHERE i2.tenant_id = h.tenant_id AND i2.household_id = h.id)), 0)::bigint`.as('income'),
      sql<string | null>`(SELECT string_agg(DISTINCT i.kind, ',') FROM household_income i WHERE i.tenant_id = h.tenant_id AND i.household_id = h.id)`.as(
        'kinds',
      ),
      sql<number | null>`(SELECT s.value_cents FROM isee s WHERE s.tenant_id = h.tenant_id AND s.household_id = h.id ORDER BY s.issued_on DESC LIMIT 1)`.as(
        'isee',
      ),
      sql<number>`(SELECT count(*) FROM household_member m WHERE m.tenant_id = h.tenant_id AND m.household_id = h.id AND m.relationship = 'child' AND m.left_on IS NULL)::int`.as(
        'children',
      ),
      sql<boolean>`EXISTS (SELECT 1 FROM household_member m JOIN person p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
        WHERE m.tenant_id = h.tenant_id AND m.household_id = h.id AND p.user_id IS NOT NULL)`.as('has_account'),
    ])
    .where('h.tenant_id', '=', tenantId)
    .orderBy('h.name')
    .execute();
  let citizenHousehold: string | null = null;
  if (spec.citizenEmail) {
    const row = await db
      .selectFrom('household_member as m')
      .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'))
      .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.user_id'))
      .select('m.household_id')
      .where('m.tenant_id', '=', tenantId)
      .where('u.email', '=', spec.citizenEmail)
      .where('m.left_on', 'is', null)
      .executeTakeFirst();
    citizenHousehold = row?.household_id ?? null;
  }
  const pool = households.filter((h) => !h.has_account);
  const byId = new Map(households.map((h) => [h.id, h]));
  const citizenPeriod = citizenHousehold
    ? (periods.find((p) => p.to === null && p.program === 'youth_collab') ?? periods.find((p) => p.to === null && p.program === 'erp'))
    : undefined;

  const tenancies: object[] = [];
  const incomes: object[] = [];
  const assessments: object[] = [];
  const signatories: object[] = [];
  const documents: object[] = [];
  const ledger: object[] = [];
  const notices: object[] = [];
  const runTotals = new Map<string, { tenancies: number; charges: number; amount: number }>();
  const runIds = new Map<string, string>();
  for (let m = FIRST_MONTH; m <= LAST_MONTH; m = nextMonth(m)) {
    runIds.set(m, r.uuid());
    runTotals.set(m, { tenancies: 0, charges: 0, amount: 0 });
  }
  let sequence = 1;
  let next = 0;
  const inArrears: string[] = [];
  const counters = new Map<string, number>();

  for (const p of periods) {
    const program = (p.program ?? 'erp') as Program;
    const isCitizen = p === citizenPeriod && citizenHousehold !== null;
    const household = isCitizen ? byId.get(citizenHousehold as string) : pool[next++ % Math.max(1, pool.length)];
    if (!household) {
      continue;
    }
    const id = r.uuid();
    const year = p.from.slice(0, 4);
    const n = (counters.get(`${PREFIX[program]}-${year}`) ?? 0) + 1;
    counters.set(`${PREFIX[program]}-${year}`, n);
    const code = `${PREFIX[program]}-${year}-${String(n).padStart(4, '0')}`;
    const service = program === 'erp' || program === 'mediation' ? r.int(15, 45) * 100 : program === 'housing_first' ? 0 : r.int(20, 40) * 100;
    tenancies.push({
      tenant_id: tenantId,
      id,
      code,
      unit_id: p.unit_id,
      household_id: household.id,
      program,
      kind: KIND[program],
      during: sql`daterange(${p.from}::date, ${p.to}::date, '[)')`,
      renewal: program === 'erp' ? 'automatic' : 'on_request',
      renewal_months: program === 'erp' ? 48 : 24,
      deposit_cents: program === 'housing_first' ? 0 : r.int(2, 3) * 10_000,
      service_charges_cents: service,
      end_reason: p.to ? 'Rilascio dell’alloggio' : null,
      created_by: author,
    });
    signatories.push({ tenant_id: tenantId, tenancy_id: id, name: `Intestatario ${code}`, role: 'tenant', signed_on: p.from });
    documents.push({
      tenant_id: tenantId,
      tenancy_id: id,
      kind: 'contract',
      title: 'Contratto',
      reference: `PG ${year}/${String(r.int(10_000, 99_999))}`,
      dated: p.from,
      created_by: author,
    });
    const kinds = (household.kinds ?? '').split(',');
    const protectedOnly = kinds.every((k) => k !== 'self_employment' && k !== 'other');
    const income = {
      annualIncomeCents: Number(household.income),
      protectedIncomeOnly: protectedOnly,
      iseeCents: household.isee === null ? null : Number(household.isee),
      dependants: household.children,
    };
    const incomeId = r.uuid();
    incomes.push({
      tenant_id: tenantId,
      id: incomeId,
      tenancy_id: id,
      effective_from: p.from,
      annual_income_cents: income.annualIncomeCents,
      protected_income_only: protectedOnly,
      isee_cents: income.iseeCents,
      dependants: income.dependants,
      created_by: author,
    });
    const rule = ruleOf(program);
    const surface = Number(p.surface_m2);
    const rent = computeRent(rule, { ...income, surfaceM2Tenths: Math.round(surface * 10) });
    assessments.push({
      tenant_id: tenantId,
      tenancy_id: id,
      effective_from: p.from,
      annual_cents: rent.annualCents,
      monthly_cents: rent.monthlyCents,
      category: rent.category,
      rule_kind: rule.kind,
      rule_params: JSON.stringify(rule),
      income_id: incomeId,
      surface_m2: surface,
      lines: JSON.stringify(rent.lines),
      reason: 'start',
      created_by: author,
    });
    if (p.to !== null) {
      continue;
    }
    // Payment behaviour: mostly on time, some late, a few in arrears since a month of 2026.
    const roll = r.next();
    const profile = isCitizen ? 'citizen' : roll < 0.78 ? 'good' : roll < 0.9 ? 'late' : 'arrears';
    if (profile === 'arrears') {
      inArrears.push(id);
    }
    const stopFrom = monthsAfter(FIRST_MONTH, r.int(3, 9));
    for (let m = FIRST_MONTH; m <= LAST_MONTH; m = nextMonth(m)) {
      const c = monthlyCharge({ month: m, start: p.from, end: null, annualRentCents: rent.annualCents, serviceChargesCents: service });
      if (c.days === 0) {
        continue;
      }
      const day = p.from > m ? p.from : m;
      const label = `${m.slice(5, 7)}/${m.slice(0, 4)}`;
      const totals = runTotals.get(m) as { tenancies: number; charges: number; amount: number };
      totals.tenancies += 1;
      const common = { tenant_id: tenantId, tenancy_id: id, kind: 'charge', entry_date: day, charge_month: m, charge_run_id: runIds.get(m), author_id: author };
      const due = c.rentCents + c.serviceCents;
      if (c.rentCents > 0) {
        ledger.push({ ...common, component: 'rent', amount_cents: c.rentCents, reason: `Canone ${label}` });
        totals.charges += 1;
        totals.amount += c.rentCents;
      }
      if (c.serviceCents > 0) {
        ledger.push({ ...common, component: 'service_charges', amount_cents: c.serviceCents, reason: `Oneri accessori ${label}` });
        totals.charges += 1;
        totals.amount += c.serviceCents;
      }
      const payDay = `${m.slice(0, 8)}${String(r.int(3, 15)).padStart(2, '0')}`;
      const pays =
        due > 0 &&
        payDay <= TODAY &&
        (profile === 'good' || (profile === 'citizen' && m < LAST_MONTH) || (profile === 'late' && r.next() < 0.7) || (profile === 'arrears' && m < stopFrom));
      if (pays) {
        ledger.push({
          tenant_id: tenantId,
          tenancy_id: id,
          kind: 'payment',
          entry_date: payDay,
          amount_cents: -due,
          reason: r.next() < 0.6 ? 'Pagamento pagoPA' : 'Bonifico bancario',
          author_id: author,
          external_ref: `demo:${id}:${m}`,
        });
      }
      if (isCitizen && m === LAST_MONTH && due > 0) {
        const { iuv, noticeNumber } = buildNoticeNumber(spec.segregationCode, sequence++);
        notices.push({
          tenant_id: tenantId,
          tenancy_id: id,
          notice_number: noticeNumber,
          iuv,
          amount_cents: due,
          due_date: `${nextMonth(LAST_MONTH).slice(0, 8)}10`,
          description: `Canone ${label} ${code}`,
          created_by: author,
        });
      }
    }
  }
  await insertChunks(db, 'tenancy', tenancies);
  await insertChunks(db, 'tenancy_signatory', signatories);
  await insertChunks(db, 'tenancy_document', documents);
  await insertChunks(db, 'tenancy_income', incomes);
  await insertChunks(db, 'rent_assessment', assessments);
  await insertChunks(
    db,
    'charge_run',
    [...runIds].map(([month, id]) => {
      const t = runTotals.get(month) as { tenancies: number; charges: number; amount: number };
      return {
        tenant_id: tenantId,
        id,
        month,
        status: 'done',
        tenancies_total: t.tenancies,
        tenancies_done: t.tenancies,
        charges_created: t.charges,
        amount_cents: t.amount,
        started_by: author,
        started_at: new Date(`${month}T07:00:00+01:00`),
        finished_at: new Date(`${month}T07:00:02+01:00`),
      };
    }),
  );
  await insertChunks(db, 'ledger_entry', ledger, 1000);
  await insertChunks(db, 'payment_notice', notices);
  // Two households in arrears agreed a repayment plan three months ago: 6 instalments of what they
  // owed then (one plan is being kept by nobody: the demo shows it broken).
  const planStart = monthsAfter(FIRST_MONTH, 8);
  const plans: object[] = [];
  const planInstalments: object[] = [];
  for (const tenancyId of inArrears.slice(0, 2)) {
    const owed = (ledger as { tenancy_id: string; entry_date: string; amount_cents: number }[])
      .filter((l) => l.tenancy_id === tenancyId && l.entry_date < planStart)
      .reduce((sum, l) => sum + l.amount_cents, 0);
    if (owed <= 0) {
      continue;
    }
    const planId = r.uuid();
    plans.push({
      tenant_id: tenantId,
      id: planId,
      tenancy_id: tenancyId,
      start_date: planStart,
      total_cents: owed,
      note: 'Accordo con la mediazione sociale',
      created_by: author,
    });
    for (const i of splitPlan(owed, 6, `${planStart.slice(0, 8)}20`)) {
      planInstalments.push({ tenant_id: tenantId, plan_id: planId, no: i.no, due_date: i.dueDate, amount_cents: i.amountCents });
    }
  }
  await insertChunks(db, 'payment_plan', plans);
  await insertChunks(db, 'payment_plan_instalment', planInstalments);
  await db.updateTable('payment_settings').set({ next_sequence: sequence }).where('tenant_id', '=', tenantId).execute();
}
