// Plain functions over Kysely for calls, applications, documents, rankings and objections.
// Every query starts with the tenant filter; row-level security is the second wall.
import { sql, type Transaction } from 'kysely';
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import type { Scope } from './policy.js';

type Tenant = { tenantId: string };

/** A value for a jsonb column (the generated types wrap defaulted jsonb columns twice). */
export const json = (v: unknown) => JSON.stringify(v) as never;
/** A jsonb column's value, typed by the caller (the shape is the module's own). */
export const read = <T>(v: unknown) => v as T;

export function callQuery(db: Executor, t: Tenant) {
  return db
    .selectFrom('call as c')
    .innerJoin('call_rules as r', (j) => j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.call_id', '=', 'c.id').onRef('r.version', '=', 'c.rules_version'))
    .selectAll('c')
    .select('r.rules')
    .where('c.tenant_id', '=', t.tenantId);
}
export type CallRow = Awaited<ReturnType<ReturnType<typeof callQuery>['executeTakeFirstOrThrow']>>;

export function findCall(db: Executor, t: Tenant, id: string) {
  return callQuery(db, t).where('c.id', '=', id).executeTakeFirst();
}

/** Calls visible to staff in `scope` (every status) and, when `published` is true, every non-draft call. */
export function listCalls(
  db: Executor,
  t: Tenant,
  o: { scope: Scope; published: boolean; program?: string; limit: number; after?: { v: string; id: string } },
) {
  let q = callQuery(db, t);
  q = q.where((eb) => {
    const staff = o.scope === 'all' ? sql<boolean>`true` : o.scope.length === 0 ? sql<boolean>`false` : eb('c.program', 'in', o.scope);
    return o.published ? eb.or([staff, eb('c.status', '<>', 'draft')]) : eb.and([staff]);
  });
  if (o.program) {
    q = q.where('c.program', '=', o.program);
  }
  if (o.after) {
    const after = o.after;
    q = q.where((eb) => eb.or([eb('c.opens_at', '<', new Date(after.v)), eb.and([eb('c.opens_at', '=', new Date(after.v)), eb('c.id', '<', after.id)])]));
  }
  return q
    .orderBy('c.opens_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(o.limit + 1)
    .execute();
}

export async function applicationCounts(db: Executor, t: Tenant, callId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('application')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('tenant_id', '=', t.tenantId)
    .where('call_id', '=', callId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function insertRulesVersion(db: Executor, ctx: TenantContext, callId: string, version: number, rules: unknown) {
  await db
    .insertInto('call_rules')
    .values({ tenant_id: ctx.tenantId, call_id: callId, version, rules: JSON.stringify(rules), created_by: ctx.principal.userId })
    .execute();
}

// --- applications ---------------------------------------------------------------------------

export function applicationQuery(db: Executor, t: Tenant) {
  return db.selectFrom('application as a').selectAll('a').where('a.tenant_id', '=', t.tenantId);
}
export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationQuery>['executeTakeFirstOrThrow']>>;

export function findApplication(db: Executor, t: Tenant, id: string) {
  return applicationQuery(db, t).where('a.id', '=', id).executeTakeFirst();
}

/** Locks the application row for the rest of the transaction (status changes). */
export function lockApplication(trx: Transaction<DB>, t: Tenant, id: string) {
  return applicationQuery(trx, t).where('a.id', '=', id).forUpdate().executeTakeFirst();
}

export function applicationsOfCall(db: Executor, t: Tenant, callId: string, statuses?: readonly string[]) {
  let q = applicationQuery(db, t).where('a.call_id', '=', callId);
  if (statuses) {
    q = q.where('a.status', 'in', statuses);
  }
  return q.orderBy('a.protocol').orderBy('a.id').execute();
}

export function applicationsOfUser(db: Executor, t: Tenant, userId: string) {
  return applicationQuery(db, t).where('a.user_id', '=', userId).orderBy('a.created_at', 'desc').execute();
}

/**
 * The next protocol number of the tenant for `year`: the counter row is created or incremented
 * under its row lock, so concurrent submissions queue and the numbers have no gaps.
 */
export async function nextProtocolNumber(trx: Transaction<DB>, t: Tenant, year: number): Promise<number> {
  const row = await trx
    .insertInto('protocol_counter')
    .values({ tenant_id: t.tenantId, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last_number: sql`protocol_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/**
 * The registry record linked to an account. Read-only use of the registry's common columns
 * (no special categories); to move behind registry/index.ts when it exports such a reader.
 */
export function linkedPerson(db: Executor, t: Tenant, userId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'codice_fiscale', 'birth_date', 'email', 'phone'])
    .where('tenant_id', '=', t.tenantId)
    .where('user_id', '=', userId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

export function personById(db: Executor, t: Tenant, id: string) {
  return db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'codice_fiscale', 'birth_date', 'email', 'phone'])
    .where('tenant_id', '=', t.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// --- documents ------------------------------------------------------------------------------

const documentColumns = ['id', 'kind', 'file_name', 'content_type', 'size_bytes', 'sha256', 'objection_id', 'created_at'] as const;

export function documentsOf(db: Executor, t: Tenant, applicationId: string) {
  return db
    .selectFrom('application_document')
    .select(documentColumns)
    .where('tenant_id', '=', t.tenantId)
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
}
export type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];

export function documentContent(db: Executor, t: Tenant, applicationId: string, docId: string) {
  return db
    .selectFrom('application_document')
    .select(['file_name', 'content_type', 'content', 'sha256'])
    .where('tenant_id', '=', t.tenantId)
    .where('application_id', '=', applicationId)
    .where('id', '=', docId)
    .executeTakeFirst();
}

// --- rankings and objections ----------------------------------------------------------------

export function rankingsOf(db: Executor, t: Tenant, callId: string) {
  return db.selectFrom('ranking').selectAll().where('tenant_id', '=', t.tenantId).where('call_id', '=', callId).orderBy('published_at', 'desc').execute();
}
export type RankingRow = Awaited<ReturnType<typeof rankingsOf>>[number];

export function objectionsOf(db: Executor, t: Tenant, callId: string) {
  return db
    .selectFrom('objection as o')
    .innerJoin('application as a', (j) => j.onRef('a.tenant_id', '=', 'o.tenant_id').onRef('a.id', '=', 'o.application_id'))
    .selectAll('o')
    .select('a.protocol')
    .where('o.tenant_id', '=', t.tenantId)
    .where('o.call_id', '=', callId)
    .orderBy('o.filed_at')
    .execute();
}
export type ObjectionRow = Awaited<ReturnType<typeof objectionsOf>>[number];

export function objectionOfApplication(db: Executor, t: Tenant, applicationId: string) {
  return db
    .selectFrom('objection as o')
    .innerJoin('application as a', (j) => j.onRef('a.tenant_id', '=', 'o.tenant_id').onRef('a.id', '=', 'o.application_id'))
    .selectAll('o')
    .select('a.protocol')
    .where('o.tenant_id', '=', t.tenantId)
    .where('o.application_id', '=', applicationId)
    .executeTakeFirst();
}

/** The latest request to complete an application, if any. */
export function latestIntegration(db: Executor, t: Tenant, applicationId: string) {
  return db
    .selectFrom('integration_request')
    .selectAll()
    .where('tenant_id', '=', t.tenantId)
    .where('application_id', '=', applicationId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export type IntegrationRow = NonNullable<Awaited<ReturnType<typeof latestIntegration>>>;
