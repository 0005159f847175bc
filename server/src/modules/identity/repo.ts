import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/tenant.js';

/** Looks up an account for login, outside any tenant transaction (the ente is in the request). */
export function findLoginAccount(db: Executor, enteSlug: string, email: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('ente as e', 'e.id', 'u.tenant_id')
    .select(['u.tenant_id', 'u.id', 'u.organisation_id', 'u.password_hash', 'u.active', 'u.failed_logins', 'u.locked_until'])
    .where('e.slug', '=', enteSlug)
    .where('e.active', '=', true)
    .where(sql`lower(u.email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findEnteBySlug(db: Executor, slug: string) {
  return db.selectFrom('ente').select(['id', 'slug', 'name']).where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
}

export async function recordFailedLogin(db: Executor, tenantId: string, userId: string, now: Date, maxFailures: number, lockMinutes: number) {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (row.failed_logins >= maxFailures) {
    await db
      .updateTable('app_user')
      .set({ locked_until: new Date(now.getTime() + lockMinutes * 60_000), failed_logins: 0 })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .execute();
    return { locked: true };
  }
  return { locked: false };
}

export async function recordSuccessfulLogin(db: Executor, tenantId: string, userId: string, now: Date) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

export function organisationName(db: Executor, tenantId: string, organisationId: string | null) {
  if (organisationId === null) {
    return Promise.resolve(undefined);
  }
  return db.selectFrom('organisation').select('name').where('tenant_id', '=', tenantId).where('id', '=', organisationId).executeTakeFirst();
}

export function listDemoAccounts(db: Executor) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('ente as e', 'e.id', 'u.tenant_id')
    .leftJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.organisation_id'))
    .select((eb) => [
      'e.slug as ente',
      'e.name as enteName',
      'u.email',
      'u.full_name as fullName',
      'o.name as organisationName',
      eb
        .selectFrom('role_assignment as r')
        .select(
          sql<
            { role: string; program: string | null }[]
          >`coalesce(json_agg(json_build_object('role', r.role, 'program', r.program) ORDER BY r.role, r.program), '[]')`.as('roles'),
        )
        .whereRef('r.tenant_id', '=', 'u.tenant_id')
        .whereRef('r.user_id', '=', 'u.id')
        .as('roles'),
    ])
    .where('u.is_demo', '=', true)
    .where('u.active', '=', true)
    .orderBy('e.name')
    .orderBy('u.email')
    .execute();
}
