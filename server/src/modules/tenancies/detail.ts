// Loading one tenancy for display: the row, its parts, its rent history and its arrears score.
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { notFound } from '../../kernel/http/errors.js';
import { arrearsOf } from './arrears.js';
import { plansOf } from './plans.js';
import type { Scope } from './policy.js';
import { presentLedger, presentTenancyDetail } from './presenter.js';
import * as repo from './repo.js';

export async function loadTenancy(db: Executor, ctx: TenantContext, scope: Scope, id: string, today: string) {
  const row = await repo.findTenancy(db, ctx, scope, today, id);
  if (!row) {
    throw notFound();
  }
  const [signatories, documents, incomes, assessments, arrears] = [
    await repo.signatories(db, ctx, id),
    await repo.documents(db, ctx, id),
    await repo.incomes(db, ctx, id),
    await repo.assessments(db, ctx, id),
    await arrearsOf(db, ctx, scope, today, { tenancyId: id }),
  ];
  const facts = arrears[0];
  if (!facts) {
    throw notFound();
  }
  const plans = (await plansOf(db, ctx, [id], today)).get(id) ?? [];
  return { ...presentTenancyDetail(row, { signatories, documents, incomes, assessments, arrears: facts.arrears }, today, ctx.lang), plans };
}

export async function loadLedger(db: Executor, ctx: TenantContext, id: string, at: string) {
  return presentLedger(id, await repo.ledgerEntries(db, ctx, id), at, ctx.lang);
}
