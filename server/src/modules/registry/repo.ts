import { sql } from 'kysely';
import type { Program } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { Keyset } from '../../kernel/http/pagination.js';
import { type Scope, visibleInScope } from './policy.js';

type Ctx = Pick<TenantContext, 'tenantId'>;

/** Columns of the common record, plus today's active programs. */
export function personQuery(db: Executor, ctx: Ctx, scope: Scope, day: string) {
  return db
    .selectFrom('person as p')
    .selectAll('p')
    .select(
      sql<Program[]>`ARRAY(SELECT DISTINCT e.program FROM enrolment e WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id
        AND e.started_on <= ${day} AND (e.ended_on IS NULL OR e.ended_on > ${day}) ORDER BY e.program)`.as('programs'),
    )
    .where(inTenant(ctx, 'p'))
    .where('p.merged_into', 'is', null)
    .where(visibleInScope(scope, day));
}

export type PersonRow = Awaited<ReturnType<ReturnType<typeof personQuery>['executeTakeFirstOrThrow']>>;

export function findPerson(db: Executor, ctx: Ctx, scope: Scope, day: string, id: string) {
  return personQuery(db, ctx, scope, day).where('p.id', '=', id).executeTakeFirst();
}

export interface PersonFilter {
  q?: string;
  program?: Program;
  pendingCf?: boolean;
  after?: Keyset;
  limit: number;
}

const CF_LIKE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/i;
/** Above every character: `key < prefix + TOP` holds for every key that starts with the prefix. */
const TOP = String.fromCodePoint(0x10ffff);

/**
 * Names match by prefix on the stored lower-cased keys (migration 0006) with range comparisons,
 * not LIKE: under row-level security only leakproof operators reach the index.
 */
export function listPersons(db: Executor, ctx: Ctx, scope: Scope, day: string, f: PersonFilter) {
  let q = personQuery(db, ctx, scope, day);
  if (f.q && CF_LIKE.test(f.q)) {
    q = q.where('p.codice_fiscale', '=', f.q.toUpperCase());
  } else if (f.q) {
    const [family = '', ...rest] = f.q.toLowerCase().split(/\s+/);
    q = q.where('p.family_key', '>=', family).where('p.family_key', '<', family + TOP);
    if (rest.length > 0) {
      const given = rest.join(' ');
      q = q.where('p.given_key', '>=', given).where('p.given_key', '<', given + TOP);
    }
  }
  if (f.program) {
    q = q.where(visibleInScope([f.program], day));
  }
  if (f.pendingCf !== undefined) {
    q = q.where('p.codice_fiscale', f.pendingCf ? 'is' : 'is not', null);
  }
  if (f.after) {
    const [family, given] = JSON.parse(f.after.v) as [string, string];
    q = q.where(sql<boolean>`(p.family_key, p.given_key, p.id) > (${family}, ${given}, ${f.after.id})`);
  }
  // Byte order ("C"), the order of the key index; fine for the lower-cased names it sorts.
  return q
    .orderBy('p.family_key')
    .orderBy('p.given_key')
    .orderBy('p.id')
    .limit(f.limit + 1)
    .execute();
}

export const personSortKey = (p: PersonRow) => JSON.stringify([p.family_key, p.given_key]);

export function cfTaken(db: Executor, ctx: Ctx, cf: string, exceptId?: string) {
  let q = db.selectFrom('person').select('id').where(inTenant(ctx)).where('codice_fiscale', '=', cf).where('merged_into', 'is', null);
  if (exceptId) {
    q = q.where('id', '<>', exceptId);
  }
  return q.executeTakeFirst();
}

/** The parts of the person's file shown on the detail page. */
export async function personParts(db: Executor, ctx: Ctx, personId: string, day: string) {
  const [enrolments, consents, documents, representatives, sensitive, membership] = await Promise.all([
    db
      .selectFrom('enrolment as e')
      .leftJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.case_worker_id'))
      .select(['e.id', 'e.program', 'e.case_worker_id', 'u.full_name as case_worker_name', 'e.started_on', 'e.ended_on', 'e.note'])
      .where(inTenant(ctx, 'e'))
      .where('e.person_id', '=', personId)
      .orderBy('e.started_on', 'desc')
      .execute(),
    consentsOf(db, ctx, personId),
    db
      .selectFrom('person_document')
      .select(['id', 'kind', 'number', 'issued_by', 'expires_on', 'file_name'])
      .where(inTenant(ctx))
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('person_representative as r')
      .innerJoin('person as rp', (j) => j.onRef('rp.tenant_id', '=', 'r.tenant_id').onRef('rp.id', '=', 'r.representative_id'))
      .select(['r.id', 'r.representative_id', sql<string>`rp.given_name || ' ' || rp.family_name`.as('name'), 'r.kind', 'r.started_on', 'r.ended_on'])
      .where(inTenant(ctx, 'r'))
      .where('r.person_id', '=', personId)
      .execute(),
    db.selectFrom('person_sensitive').select('category').where(inTenant(ctx)).where('person_id', '=', personId).orderBy('category').execute(),
    currentMembership(db, ctx, personId, day),
  ]);
  return {
    enrolments,
    consents,
    documents,
    representatives,
    sensitiveCategories: sensitive.map((s) => s.category),
    householdId: membership?.household_id ?? null,
  };
}

export function consentsOf(db: Executor, ctx: Ctx, personId: string) {
  return db
    .selectFrom('consent as c')
    .leftJoin('person as g', (j) => j.onRef('g.tenant_id', '=', 'c.tenant_id').onRef('g.id', '=', 'c.given_by_id'))
    .select([
      'c.id',
      'c.purpose',
      'c.legal_basis',
      'c.given_on',
      'c.withdrawn_on',
      'c.given_by_id',
      sql<string | null>`g.given_name || ' ' || g.family_name`.as('given_by_name'),
    ])
    .where(inTenant(ctx, 'c'))
    .where('c.person_id', '=', personId)
    .orderBy('c.given_on', 'desc')
    .execute();
}

export function currentMembership(db: Executor, ctx: Ctx, personId: string, day: string) {
  return db
    .selectFrom('household_member')
    .select(['household_id', 'relationship'])
    .where(inTenant(ctx))
    .where('person_id', '=', personId)
    .where('joined_on', '<=', day)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]))
    .executeTakeFirst();
}

export async function householdDetail(db: Executor, ctx: Ctx, householdId: string) {
  const household = await db.selectFrom('household').select(['id', 'name', 'created_at']).where(inTenant(ctx)).where('id', '=', householdId).executeTakeFirst();
  if (!household) {
    return undefined;
  }
  const [members, isee, incomes] = await Promise.all([
    db
      .selectFrom('household_member as m')
      .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'))
      .select(['m.id', 'm.person_id', 'p.given_name', 'p.family_name', 'p.birth_date', 'm.relationship', 'm.joined_on', 'm.left_on'])
      .where(inTenant(ctx, 'm'))
      .where('m.household_id', '=', householdId)
      .orderBy('m.joined_on')
      .orderBy('p.birth_date')
      .execute(),
    db
      .selectFrom('isee')
      .select(['id', 'kind', 'value_cents', 'protocol_dsu', 'issued_on', 'expires_on'])
      .where(inTenant(ctx))
      .where('household_id', '=', householdId)
      .orderBy('issued_on', 'desc')
      .execute(),
    db
      .selectFrom('household_income')
      .select(['id', 'person_id', 'year', 'kind', 'amount_cents'])
      .where(inTenant(ctx))
      .where('household_id', '=', householdId)
      .orderBy('year', 'desc')
      .orderBy('kind')
      .execute(),
  ]);
  return { household, members, isee, incomes };
}

/** Possible duplicates: same birth date and the same or a similar name (trigram similarity). */
export function findDuplicates(db: Executor, ctx: Ctx, limit: number) {
  return db
    .selectFrom('person as a')
    .innerJoin('person as b', (j) =>
      j
        .onRef('b.tenant_id', '=', 'a.tenant_id')
        .onRef('b.birth_date', '=', 'a.birth_date')
        .on(sql<boolean>`a.id < b.id`)
        .on(sql<boolean>`similarity(lower(a.family_name || ' ' || a.given_name), lower(b.family_name || ' ' || b.given_name)) >= 0.6`),
    )
    .select([
      'a.id as a_id',
      'b.id as b_id',
      sql<number>`similarity(lower(a.family_name || ' ' || a.given_name), lower(b.family_name || ' ' || b.given_name))`.as('similarity'),
    ])
    .where(inTenant(ctx, 'a'))
    .where('a.merged_into', 'is', null)
    .where('b.merged_into', 'is', null)
    .where((eb) => eb.or([eb('a.codice_fiscale', 'is', null), eb('b.codice_fiscale', 'is', null), eb('a.codice_fiscale', '<>', eb.ref('b.codice_fiscale'))]))
    .orderBy('similarity', 'desc')
    .limit(limit)
    .execute();
}

/** Moves everything of `fromId` onto `intoId` and archives `fromId` (merged_into). */
export async function mergePersons(db: Executor, ctx: Ctx, fromId: string, intoId: string) {
  const moved: Record<string, number> = {};
  const tables = ['person_document', 'household_member', 'household_income', 'enrolment', 'consent'] as const;
  for (const table of tables) {
    const r = await db.updateTable(table).set({ person_id: intoId }).where(inTenant(ctx)).where('person_id', '=', fromId).executeTakeFirst();
    moved[table] = Number(r.numUpdatedRows);
  }
  // A special-category record of the same category on both: the surviving record keeps its own.
  const r = await db
    .updateTable('person_sensitive')
    .set({ person_id: intoId })
    .where(inTenant(ctx))
    .where('person_id', '=', fromId)
    .where('category', 'not in', db.selectFrom('person_sensitive').select('category').where(inTenant(ctx)).where('person_id', '=', intoId))
    .executeTakeFirst();
  moved.person_sensitive = Number(r.numUpdatedRows);
  await db.updateTable('person_representative').set({ person_id: intoId }).where(inTenant(ctx)).where('person_id', '=', fromId).execute();
  await db.updateTable('person_representative').set({ representative_id: intoId }).where(inTenant(ctx)).where('representative_id', '=', fromId).execute();
  await db.updateTable('consent').set({ given_by_id: intoId }).where(inTenant(ctx)).where('given_by_id', '=', fromId).execute();
  await db.updateTable('person').set({ merged_into: intoId, user_id: null, updated_at: new Date() }).where(inTenant(ctx)).where('id', '=', fromId).execute();
  return moved;
}
