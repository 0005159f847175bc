import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { today } from '../policy.js';
import { presentConsent, presentPerson } from '../presenter.js';
import { consentsOf, currentMembership, personParts, personQuery } from '../repo.js';
import { ConsentOut, HouseholdOut, PersonOut, SubParams } from '../schema.js';
import { loadHousehold } from './households.js';

const tags = ['registry', 'self'];

/** The person record linked to the signed-in account (a citizen sees only their own). */
async function myPerson(db: Executor, ctx: TenantContext, day: string) {
  const person = await personQuery(db, ctx, 'all', day).where('p.user_id', '=', ctx.principal.userId).executeTakeFirst();
  if (!person) {
    throw new AppError(404, 'registry.no_person');
  }
  return person;
}

const AccessLogOut = z.object({
  items: z.array(
    z.object({
      at: z.iso.datetime(),
      action: z.string().describe('What was done: read of the record, of special-category data, change…'),
      roles: z.array(z.string()).describe('Roles of who did it (role or role:program), never their name'),
      organisationName: z.string().nullable(),
      purpose: z.string().nullable(),
      sensitiveCategory: z.string().nullable(),
    }),
  ),
});

export const selfRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/person',
    access: 'authenticated',
    summary: 'My data: my registry record, my household and my consents',
    tags,
    schema: { response: { 200: z.object({ person: PersonOut, household: HouseholdOut.nullable(), consents: z.array(ConsentOut) }) } },
    async handler({ db, ctx, deps }) {
      const day = today(deps.clock.now());
      const person = await myPerson(db, ctx, day);
      const parts = await personParts(db, ctx, person.id, day);
      const membership = await currentMembership(db, ctx, person.id, day);
      // Their own household: visible to them whatever their role's scope.
      const household = membership ? await loadHousehold(db, ctx, deps, membership.household_id, 'all') : null;
      return { person: presentPerson(person, parts, day), household, consents: parts.consents.map(presentConsent) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/consents/:subId/withdraw',
    access: 'authenticated',
    summary: 'Withdraw one of my consents (from today)',
    tags,
    schema: { params: SubParams.pick({ subId: true }), response: { 200: z.object({ consents: z.array(ConsentOut) }) } },
    async handler({ db, ctx, params, deps }) {
      const day = today(deps.clock.now());
      const person = await myPerson(db, ctx, day);
      const r = await db
        .updateTable('consent')
        .set({ withdrawn_on: day })
        .where('tenant_id', '=', ctx.tenantId)
        .where('person_id', '=', person.id)
        .where('id', '=', params.subId)
        .where('withdrawn_on', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw notFound();
      }
      await audit(db, ctx, { action: 'consent.withdrawn', entityType: 'person', entityId: person.id, details: { consentId: params.subId, by: 'self' } });
      return { consents: (await consentsOf(db, ctx, person.id)).map(presentConsent) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/access-log',
    access: 'authenticated',
    summary: 'Who looked at my file: every access by others, with role, organisation, date and purpose',
    tags,
    schema: { response: { 200: AccessLogOut } },
    async handler({ db, ctx, deps }) {
      const person = await myPerson(db, ctx, today(deps.clock.now()));
      const rows = await db
        .selectFrom('audit_log as a')
        .leftJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 'a.tenant_id').onRef('o.id', '=', 'a.organisation_id'))
        .select(['a.at', 'a.action', 'a.actor_roles', 'o.name as organisation_name', 'a.purpose', 'a.sensitive_category'])
        .where('a.tenant_id', '=', ctx.tenantId)
        .where('a.entity_type', '=', 'person')
        .where('a.entity_id', '=', person.id)
        .where((eb) => eb.or([eb('a.user_id', 'is', null), eb('a.user_id', '<>', ctx.principal.userId)]))
        .orderBy('a.at', 'desc')
        .limit(500)
        .execute();
      return {
        items: rows.map((r) => ({
          at: r.at.toISOString(),
          action: r.action,
          roles: r.actor_roles ?? [],
          organisationName: r.organisation_name,
          purpose: r.purpose,
          sensitiveCategory: r.sensitive_category,
        })),
      };
    },
  }),
];
