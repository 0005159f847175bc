import { type ExpressionBuilder, sql } from 'kysely';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import type { Keyset } from '../../kernel/http/pagination.js';

type Ctx = Pick<TenantContext, 'tenantId'>;

const rolesOf = (eb: ExpressionBuilder<DB & { u: DB['app_user'] }, 'u'>) =>
  eb
    .selectFrom('role_assignment as r')
    .select(
      sql<
        { id: string; role: string; program: string | null; created_at: string }[]
      >`coalesce(json_agg(json_build_object('id', r.id, 'role', r.role, 'program', r.program, 'created_at', r.created_at) ORDER BY r.role, r.program), '[]')`.as(
        'roles',
      ),
    )
    .whereRef('r.tenant_id', '=', 'u.tenant_id')
    .whereRef('r.user_id', '=', 'u.id')
    .as('roles');

function userQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.organisation_id'))
    .select((eb) => [
      'u.id',
      'u.email',
      'u.full_name',
      'u.organisation_id',
      'o.name as organisation_name',
      'u.active',
      'u.locked_until',
      'u.last_login_at',
      'u.created_at',
      rolesOf(eb),
    ])
    .where(inTenant(ctx, 'u'));
}
const scoped = userQuery;

export type UserRow = Awaited<ReturnType<ReturnType<typeof scoped>['executeTakeFirstOrThrow']>>;

export function listUsers(db: Executor, ctx: Ctx, f: { q?: string; active?: boolean; after?: Keyset; limit: number }) {
  let q = scoped(db, ctx);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.full_name', 'ilike', like), eb('u.email', 'ilike', like)]));
  }
  if (f.active !== undefined) {
    q = q.where('u.active', '=', f.active);
  }
  if (f.after) {
    const { v, id } = f.after;
    q = q.where((eb) => eb.or([eb('u.full_name', '>', v), eb.and([eb('u.full_name', '=', v), eb('u.id', '>', id)])]));
  }
  return q
    .orderBy('u.full_name')
    .orderBy('u.id')
    .limit(f.limit + 1)
    .execute();
}

export function getUser(db: Executor, ctx: Ctx, id: string) {
  return scoped(db, ctx).where('u.id', '=', id).executeTakeFirst();
}

export function organisationExists(db: Executor, ctx: Ctx, id: string) {
  return db.selectFrom('organisation').select('id').where(inTenant(ctx)).where('id', '=', id).executeTakeFirst();
}

export function emailTaken(db: Executor, ctx: Ctx, email: string, exceptId?: string) {
  let q = db.selectFrom('app_user').select('id').where(inTenant(ctx)).where(sql`lower(email)`, '=', email.toLowerCase());
  if (exceptId) {
    q = q.where('id', '<>', exceptId);
  }
  return q.executeTakeFirst();
}

/** Active admins other than `exceptUserId` (an ente must keep at least one). */
export async function countOtherActiveAdmins(db: Executor, ctx: Ctx, exceptUserId: string) {
  const row = await db
    .selectFrom('role_assignment as r')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.user_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inTenant(ctx, 'r'))
    .where('r.role', '=', 'admin')
    .where('u.active', '=', true)
    .where('u.id', '<>', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listOrganisations(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('organisation as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.kind',
      'o.fiscal_code',
      'o.active',
      eb
        .selectFrom('app_user as u')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('u.tenant_id', '=', 'o.tenant_id')
        .whereRef('u.organisation_id', '=', 'o.id')
        .as('user_count'),
    ])
    .where(inTenant(ctx, 'o'))
    .orderBy('o.name')
    .execute();
}

export interface AuditFilter {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  sensitive?: boolean;
  after?: Keyset;
  limit: number;
}

export function searchAudit(db: Executor, ctx: Ctx, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.user_id'))
    .selectAll('a')
    .select('u.full_name as user_name')
    .where(inTenant(ctx, 'a'));
  if (f.from) {
    q = q.where('a.at', '>=', new Date(f.from));
  }
  if (f.to) {
    q = q.where('a.at', '<', new Date(f.to));
  }
  if (f.userId) {
    q = q.where('a.user_id', '=', f.userId);
  }
  if (f.action) {
    q = f.action.endsWith('*')
      ? q.where('a.action', 'like', `${f.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : q.where('a.action', '=', f.action);
  }
  if (f.entityType) {
    q = q.where('a.entity_type', '=', f.entityType);
  }
  if (f.entityId) {
    q = q.where('a.entity_id', '=', f.entityId);
  }
  if (f.sensitive === true) {
    q = q.where('a.sensitive_category', 'is not', null);
  }
  if (f.after) {
    const at = new Date(f.after.v);
    const { id } = f.after;
    q = q.where((eb) => eb.or([eb('a.at', '<', at), eb.and([eb('a.at', '=', at), eb('a.id', '<', id)])]));
  }
  return q
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
