import type { Transaction } from 'kysely';
import { audit } from '../../kernel/audit/audit.js';
import type { TenantContext } from '../../kernel/context.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import type { AppDeps } from '../../kernel/http/route.js';
import { readScope, today } from './policy.js';
import { presentPerson } from './presenter.js';
import { findPerson, personParts } from './repo.js';

/** Loads a person visible to the caller, or 404 (another tenant's or out of scope alike). */
export async function visiblePerson(db: Transaction<DB>, ctx: TenantContext, deps: AppDeps, id: string) {
  const day = today(deps.clock.now());
  const person = await findPerson(db, ctx, readScope(ctx), day, id);
  if (!person) {
    throw notFound();
  }
  return { person, day };
}

/** The full common record, audited as a read of the person's file ("who looked at my file"). */
export async function readPersonFile(db: Transaction<DB>, ctx: TenantContext, deps: AppDeps, id: string, purpose?: string) {
  const { person, day } = await visiblePerson(db, ctx, deps, id);
  const parts = await personParts(db, ctx, id, day);
  await audit(db, ctx, { action: 'person.read', entityType: 'person', entityId: id, purpose: purpose ?? 'consultazione scheda' });
  return presentPerson(person, parts, day);
}

export function cfConflict(): AppError {
  return new AppError(409, 'cf.taken', [{ field: 'codiceFiscale', in: 'body', code: 'cf.taken' }]);
}
