import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from './types.js';

/** Anything that can run a query: the database or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Runs `fn` in one transaction as the application role with the tenant set, so PostgreSQL
 * row-level security hides every other tenant's rows (the second wall behind `inTenant`).
 */
export function runInTenant<T>(db: Kysely<DB>, scope: { tenantId: string; userId: string | null }, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
    await sql`SELECT set_config('app.tenant_id', ${scope.tenantId}, true), set_config('app.user_id', ${scope.userId ?? ''}, true),
      set_config('role', 'abitare_app', true)`.execute(trx);
    return fn(trx);
  });
}

/** `.where(inTenant(ctx, 'app_user'))`: the tenant filter every repository query starts with. */
export function inTenant(ctx: { tenantId: string }, tableOrAlias?: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(tableOrAlias ? `${tableOrAlias}.tenant_id` : 'tenant_id')} = ${ctx.tenantId}`;
}
