// Life projects: versions, reviews, comments; and who the family may follow.
import { sql } from 'kysely';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { visibleInScope } from '../registry/index.js';
import type { StayScope } from './policy.js';

type Ctx = { tenantId: string };

/** SQL condition: the person (alias p) stays, stayed or is paired in a solution the scope covers. */
export function personInScope(scope: StayScope) {
  if (scope.kind === 'all') {
    return sql<boolean>`true`;
  }
  return sql<boolean>`(EXISTS (SELECT 1 FROM stay_booking k JOIN housing_solution s ON s.tenant_id = k.tenant_id AND s.id = k.solution_id
      WHERE k.tenant_id = p.tenant_id AND k.person_id = p.id AND k.status IN ('approved', 'offered') AND s.run_by_organisation_id = ${scope.organisationId})
    OR EXISTS (SELECT 1 FROM mutual_aid_pairing m JOIN housing_solution s ON s.tenant_id = m.tenant_id AND s.id = m.solution_id
      WHERE m.tenant_id = p.tenant_id AND m.resident_id = p.id AND s.run_by_organisation_id = ${scope.organisationId}))`;
}

export function projectQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('life_project as lp')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'lp.tenant_id').onRef('p.id', '=', 'lp.person_id'))
    .innerJoin('life_project_version as v', (j) =>
      j.onRef('v.tenant_id', '=', 'lp.tenant_id').onRef('v.project_id', '=', 'lp.id').onRef('v.version', '=', 'lp.current_version'),
    )
    .select([
      'lp.id',
      'lp.person_id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('person_name'),
      'p.family_name',
      'lp.current_version',
      'lp.next_review_on',
      'v.status',
      'v.content',
      'v.acknowledged_at',
      sql<string | null>`(SELECT max(r.held_on)::text FROM life_project_review r WHERE r.tenant_id = lp.tenant_id AND r.project_id = lp.id)`.as(
        'last_review_on',
      ),
    ])
    .where(inTenant(ctx, 'lp'));
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectQuery>['executeTakeFirstOrThrow']>>;

/** Staff view: the person enrolled in dopo_di_noi today and within the solution scope. */
export function staffProjects(db: Executor, ctx: Ctx, scope: StayScope, today: string) {
  return projectQuery(db, ctx)
    .where(visibleInScope(['dopo_di_noi'], today))
    .where(personInScope(scope));
}

export function versions(db: Executor, ctx: Ctx, projectId: string) {
  return db.selectFrom('life_project_version').selectAll().where(inTenant(ctx)).where('project_id', '=', projectId).orderBy('version').execute();
}

export function reviews(db: Executor, ctx: Ctx, projectId: string) {
  return db.selectFrom('life_project_review').selectAll().where(inTenant(ctx)).where('project_id', '=', projectId).orderBy('held_on').execute();
}

export function comments(db: Executor, ctx: Ctx, projectId: string) {
  return db
    .selectFrom('life_project_comment as c')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.author_user_id'))
    .select(['c.id', 'c.author_kind', 'u.full_name', 'c.body', 'c.created_at'])
    .where(inTenant(ctx, 'c'))
    .where('c.project_id', '=', projectId)
    .orderBy('c.created_at')
    .execute();
}

export type Relation = 'self' | 'amministratore_di_sostegno' | 'tutore' | 'curatore' | 'genitore';

/**
 * The people a citizen account may follow: their own person record and the people they are a
 * representative of today (registry person_representative).
 */
export async function followedPeople(db: Executor, ctx: Ctx, userId: string, today: string): Promise<{ personId: string; name: string; relation: Relation }[]> {
  const me = await db
    .selectFrom('person')
    .select(['id', sql<string>`given_name || ' ' || family_name`.as('name')])
    .where(inTenant(ctx))
    .where('user_id', '=', userId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  if (!me) {
    return [];
  }
  const reps = await db
    .selectFrom('person_representative as r')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.person_id'))
    .select(['p.id', sql<string>`p.given_name || ' ' || p.family_name`.as('name'), 'r.kind'])
    .where(inTenant(ctx, 'r'))
    .where('r.representative_id', '=', me.id)
    .where('r.started_on', '<=', today)
    .where((eb) => eb.or([eb('r.ended_on', 'is', null), eb('r.ended_on', '>', today)]))
    .orderBy('p.family_name')
    .execute();
  return [{ personId: me.id, name: me.name, relation: 'self' }, ...reps.map((r) => ({ personId: r.id, name: r.name, relation: r.kind as Relation }))];
}
