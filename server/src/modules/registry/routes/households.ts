import type { Transaction } from 'kysely';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { DB } from '../../../kernel/db/types.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, type AppDeps, defineRoute } from '../../../kernel/http/route.js';
import { readScope, type Scope, today } from '../policy.js';
import { iseeStatus } from '../presenter.js';
import { findPerson, householdDetail } from '../repo.js';
import { EndBody, HouseholdCreateBody, HouseholdIdParams, HouseholdOut, IncomeBody, IseeBody, MemberBody, SubParams } from '../schema.js';
import { visiblePerson } from '../service.js';

const tags = ['registry'];
const read = { permission: 'registry:read' } as const;
const write = { permission: 'registry:write' } as const;

/** A household is visible when at least one of its members is. */
async function loadHousehold(db: Transaction<DB>, ctx: TenantContext, deps: AppDeps, id: string, scope: Scope = readScope(ctx)) {
  const day = today(deps.clock.now());
  const detail = await householdDetail(db, ctx, id);
  if (!detail) {
    throw notFound();
  }
  if (scope !== 'all') {
    const visible = await Promise.all(detail.members.map((m) => findPerson(db, ctx, scope, day, m.person_id)));
    if (!visible.some(Boolean)) {
      throw notFound();
    }
  }
  const current = (m: { joined_on: string; left_on: string | null }) => m.joined_on <= day && (m.left_on === null || m.left_on > day);
  const head = detail.members.find((m) => m.relationship === 'head' && current(m));
  const isee = detail.isee.map((i) => ({
    id: i.id,
    kind: i.kind,
    valueCents: Number(i.value_cents),
    protocolDsu: i.protocol_dsu,
    issuedOn: i.issued_on,
    expiresOn: i.expires_on,
    status: iseeStatus(i.expires_on, day),
  }));
  const latest = isee[0];
  return {
    id: detail.household.id,
    name: detail.household.name,
    head: head ? { personId: head.person_id, name: `${head.given_name} ${head.family_name}` } : null,
    members: detail.members.map((m) => ({
      id: m.id,
      personId: m.person_id,
      name: `${m.given_name} ${m.family_name}`,
      birthDate: m.birth_date,
      relationship: m.relationship as never,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      current: current(m),
    })),
    isee,
    currentIsee: latest ? { valueCents: latest.valueCents, expiresOn: latest.expiresOn, status: latest.status } : null,
    incomes: detail.incomes.map((i) => ({ id: i.id, personId: i.person_id, year: i.year, kind: i.kind, amountCents: Number(i.amount_cents) })),
  };
}

export { loadHousehold };

export const householdRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/households',
    access: write,
    summary: 'Create a household (nucleo familiare) with its members and one head',
    tags,
    status: 201,
    schema: { body: HouseholdCreateBody, response: { 201: HouseholdOut } },
    async handler({ db, ctx, body, deps }) {
      for (const m of body.members) {
        await visiblePerson(db, ctx, deps, m.personId);
      }
      const { id } = await db.insertInto('household').values({ tenant_id: ctx.tenantId, name: body.name }).returning('id').executeTakeFirstOrThrow();
      await db
        .insertInto('household_member')
        .values(
          body.members.map((m) => ({ tenant_id: ctx.tenantId, household_id: id, person_id: m.personId, relationship: m.relationship, joined_on: m.joinedOn })),
        )
        .execute();
      await audit(db, ctx, { action: 'household.created', entityType: 'household', entityId: id, details: { members: body.members.length } });
      return loadHousehold(db, ctx, deps, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/households/:id',
    access: read,
    summary: 'A household: members over time, head, ISEE history (with expiry warning) and incomes',
    tags,
    schema: { params: HouseholdIdParams, response: { 200: HouseholdOut } },
    async handler({ db, ctx, params, deps }) {
      const h = await loadHousehold(db, ctx, deps, params.id);
      await audit(db, ctx, { action: 'household.read', entityType: 'household', entityId: params.id });
      return h;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/households/:id/members',
    access: write,
    summary: 'A person joins the household',
    tags,
    status: 201,
    schema: { params: HouseholdIdParams, body: MemberBody, response: { 201: HouseholdOut } },
    async handler({ db, ctx, params, body, deps }) {
      await loadHousehold(db, ctx, deps, params.id);
      await visiblePerson(db, ctx, deps, body.personId);
      await db
        .insertInto('household_member')
        .values({ tenant_id: ctx.tenantId, household_id: params.id, person_id: body.personId, relationship: body.relationship, joined_on: body.joinedOn })
        .execute();
      await audit(db, ctx, { action: 'household.member_joined', entityType: 'household', entityId: params.id, details: { personId: body.personId } });
      return loadHousehold(db, ctx, deps, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/households/:id/members/:subId/leave',
    access: write,
    summary: 'A member leaves the household on a day',
    tags,
    schema: { params: SubParams, body: EndBody, response: { 200: HouseholdOut } },
    async handler({ db, ctx, params, body, deps }) {
      await loadHousehold(db, ctx, deps, params.id);
      const r = await db
        .updateTable('household_member')
        .set({ left_on: body.on })
        .where('tenant_id', '=', ctx.tenantId)
        .where('household_id', '=', params.id)
        .where('id', '=', params.subId)
        .where('left_on', 'is', null)
        .where('joined_on', '<', body.on)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw new AppError(409, 'resource.conflict', [{ field: 'on', in: 'body', code: 'resource.conflict' }]);
      }
      await audit(db, ctx, { action: 'household.member_left', entityType: 'household', entityId: params.id, details: { memberId: params.subId, on: body.on } });
      return loadHousehold(db, ctx, deps, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/households/:id/isee',
    access: write,
    summary: 'Record an ISEE attestation (expiry defaults to 31 December of the issue year)',
    tags,
    status: 201,
    schema: { params: HouseholdIdParams, body: IseeBody, response: { 201: HouseholdOut } },
    async handler({ db, ctx, params, body, deps }) {
      await loadHousehold(db, ctx, deps, params.id);
      await db
        .insertInto('isee')
        .values({
          tenant_id: ctx.tenantId,
          household_id: params.id,
          kind: body.kind,
          value_cents: body.valueCents,
          protocol_dsu: body.protocolDsu,
          issued_on: body.issuedOn,
          expires_on: body.expiresOn ?? `${body.issuedOn.slice(0, 4)}-12-31`,
        })
        .execute();
      await audit(db, ctx, { action: 'household.isee_recorded', entityType: 'household', entityId: params.id });
      return loadHousehold(db, ctx, deps, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/households/:id/incomes',
    access: write,
    summary: 'Record a yearly income of the household or of one member',
    tags,
    status: 201,
    schema: { params: HouseholdIdParams, body: IncomeBody, response: { 201: HouseholdOut } },
    async handler({ db, ctx, params, body, deps }) {
      const h = await loadHousehold(db, ctx, deps, params.id);
      if (body.personId && !h.members.some((m) => m.personId === body.personId)) {
        throw new AppError(400, 'request.invalid', [{ field: 'personId', in: 'body', code: 'not_a_member' }]);
      }
      await db
        .insertInto('household_income')
        .values({
          tenant_id: ctx.tenantId,
          household_id: params.id,
          person_id: body.personId ?? null,
          year: body.year,
          kind: body.kind,
          amount_cents: body.amountCents,
        })
        .execute();
      await audit(db, ctx, { action: 'household.income_recorded', entityType: 'household', entityId: params.id });
      return loadHousehold(db, ctx, deps, params.id);
    },
  }),
];
