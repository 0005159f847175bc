import type { Executor } from '../../kernel/db/tenant.js';

/**
 * Links the registry person with this codice fiscale to a citizen account (first SPID/CIE login),
 * unless the person is already linked to an account. Returns the person's id when linked now or before.
 */
export async function linkPersonToAccount(db: Executor, tenantId: string, codiceFiscale: string, userId: string, now: Date): Promise<string | null> {
  const linked = await db
    .updateTable('person')
    .set({ user_id: userId, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('codice_fiscale', '=', codiceFiscale)
    .where('merged_into', 'is', null)
    .where('user_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (linked) {
    return linked.id;
  }
  const already = await db
    .selectFrom('person')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('codice_fiscale', '=', codiceFiscale)
    .where('merged_into', 'is', null)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return already?.id ?? null;
}
