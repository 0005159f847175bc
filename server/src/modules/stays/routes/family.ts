// The family's (or the person's own) pages: the relatives they represent, short-stay requests,
// the easy-to-read life project, comments and acknowledgement.
import { z } from 'zod';
import { audit, auditSensitiveRead } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import * as svc from '../bookings.js';
import { presentBooking } from '../presenter.js';
import { CommentBody, EasyProjectOut, FamilyOverviewOut } from '../project-schema.js';
import * as projects from '../projects.js';
import * as prepo from '../projects-repo.js';
import * as repo from '../repo.js';
import { BookingOut, FamilyBookingBody, IdParams, PersonParams, type SEVERITIES, SHORT_STAY_KINDS } from '../schema.js';
import { tags } from './solutions.js';

const family = { permission: 'stay:family' } as const;

async function followed(db: Executor, ctx: TenantContext, today: string) {
  return prepo.followedPeople(db, ctx, ctx.principal.userId, today);
}

async function requireFollowed(db: Executor, ctx: TenantContext, today: string, personId: string) {
  const f = (await followed(db, ctx, today)).find((x) => x.personId === personId);
  if (!f) {
    throw notFound();
  }
  return f;
}

async function projectOf(db: Parameters<typeof projects.easyVersion>[0], ctx: TenantContext, personId: string) {
  const r = await prepo.projectQuery(db, ctx).where('lp.person_id', '=', personId).executeTakeFirst();
  if (!r) {
    throw notFound();
  }
  return r;
}

export const familyRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/stays',
    access: family,
    summary: 'The people the signed-in citizen follows (themselves and the relatives they represent) and the short-stay solutions',
    tags,
    schema: { response: { 200: FamilyOverviewOut } },
    async handler({ db, ctx, deps }) {
      const today = romeDay(deps.clock.now());
      const people = await followed(db, ctx, today);
      const ids = people.map((p) => p.personId);
      const withProject = new Set(
        ids.length === 0
          ? []
          : (await db.selectFrom('life_project').select('person_id').where('tenant_id', '=', ctx.tenantId).where('person_id', 'in', ids).execute()).map(
              (r) => r.person_id,
            ),
      );
      // Solutions are shown without occupancy: the family sees names and addresses only.
      const solutions = await repo.listSolutions(db, ctx, { kind: 'all' }, today);
      return {
        relatives: people.map((p) => ({ personId: p.personId, name: p.name, relation: p.relation, hasProject: withProject.has(p.personId) })),
        solutions: solutions
          .filter((s) => s.active && (SHORT_STAY_KINDS as readonly string[]).includes(s.kind))
          .map((s) => ({ id: s.id, name: s.name, kind: s.kind as 'autonomy_gym' | 'respite', address: `${s.address}, ${s.city}` })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/stays/bookings',
    access: family,
    summary: 'Short-stay requests and bookings of the people the citizen follows',
    tags,
    schema: { response: { 200: z.object({ items: z.array(BookingOut) }) } },
    async handler({ db, ctx, deps }) {
      const people = await followed(db, ctx, romeDay(deps.clock.now()));
      const rows = await repo.listBookings(db, ctx, { kind: 'all' }, { personIds: people.map((p) => p.personId) });
      return { items: rows.map(presentBooking) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/stays/bookings',
    access: family,
    summary: "Request a short stay for a relative (or oneself); severity, support hours and family burden come from the life project's assessment",
    tags,
    status: 201,
    schema: { body: FamilyBookingBody, response: { 201: BookingOut } },
    async handler({ db, ctx, body, deps }) {
      const today = romeDay(deps.clock.now());
      await requireFollowed(db, ctx, today, body.personId);
      const p = await prepo.projectQuery(db, ctx).where('lp.person_id', '=', body.personId).executeTakeFirst();
      const assessment = p ? (typeof p.content === 'string' ? JSON.parse(p.content) : p.content).assessment : null;
      const id = await svc.createRequest(db, ctx, { kind: 'all' }, today, {
        ...body,
        severity: (assessment?.severity ?? 'severe') as (typeof SEVERITIES)[number],
        supportHoursPerDay: assessment?.supportHoursPerDay ?? 0,
        familyBurden: assessment?.familyBurden ?? 0,
        requestedAs: 'family',
      });
      await audit(db, ctx, { action: 'stay.requested', entityType: 'stay_booking', entityId: id, details: { byFamily: true, solutionId: body.solutionId } });
      return presentBooking((await repo.findBooking(db, ctx, { kind: 'all' }, id)) as repo.BookingRow);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/stays/bookings/:id/withdraw',
    access: family,
    summary: 'Withdraw a request not yet approved, or cancel an approved stay (the bed goes to the waiting list)',
    tags,
    schema: { params: IdParams, response: { 200: BookingOut } },
    async handler({ db, ctx, params, deps }) {
      const now = deps.clock.now();
      const today = romeDay(now);
      const b = await repo.findBooking(db, ctx, { kind: 'all' }, params.id);
      if (!b || !(await followed(db, ctx, today)).some((p) => p.personId === b.person_id)) {
        throw notFound();
      }
      if (b.starts_on <= today && b.status === 'approved') {
        throw new AppError(409, 'stay.status_conflict');
      }
      const offered = await svc.cancel(db, ctx, params.id, null, now, today);
      await audit(db, ctx, { action: 'stay.withdrawn', entityType: 'stay_booking', entityId: params.id, details: { byFamily: true, offeredTo: offered } });
      return presentBooking((await repo.findBooking(db, ctx, { kind: 'all' }, params.id)) as repo.BookingRow);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/stays/projects/:personId',
    access: family,
    summary: 'The easy-to-read life project of a relative (or one’s own): the approved version in force, audited',
    tags,
    schema: { params: PersonParams, response: { 200: EasyProjectOut } },
    async handler({ db, ctx, params, deps }) {
      const f = await requireFollowed(db, ctx, romeDay(deps.clock.now()), params.personId);
      const r = await projectOf(db, ctx, params.personId);
      const easy = await projects.easyVersion(db, ctx, r);
      await auditSensitiveRead(db, ctx, {
        category: 'disability',
        entityType: 'life_project',
        entityId: r.id,
        purpose: f.relation === 'self' ? 'own_project' : 'family_access',
      });
      return easy;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/stays/projects/:personId/comments',
    access: family,
    summary: 'The person or the family adds a comment to the project',
    tags,
    status: 201,
    schema: { params: PersonParams, body: CommentBody, response: { 201: z.object({ id: z.uuid() }) } },
    async handler({ db, ctx, params, body, deps }) {
      const f = await requireFollowed(db, ctx, romeDay(deps.clock.now()), params.personId);
      const r = await projectOf(db, ctx, params.personId);
      const id = await projects.addComment(db, ctx, r.id, f.relation === 'self' ? 'person' : 'family', body.body);
      await audit(db, ctx, { action: 'life_project.commented', entityType: 'life_project', entityId: r.id, details: { by: f.relation } });
      return { id };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/stays/projects/:personId/acknowledge',
    access: family,
    summary: 'The person or the family acknowledges the approved project (presa visione)',
    tags,
    schema: { params: PersonParams, response: { 200: EasyProjectOut } },
    async handler({ db, ctx, params, deps }) {
      const f = await requireFollowed(db, ctx, romeDay(deps.clock.now()), params.personId);
      const r = await projectOf(db, ctx, params.personId);
      const version = await projects.acknowledge(db, ctx, r, f.relation === 'self' ? 'person' : 'family', deps.clock.now());
      await audit(db, ctx, { action: 'life_project.acknowledged', entityType: 'life_project', entityId: r.id, details: { version, by: f.relation } });
      return projects.easyVersion(db, ctx, r);
    },
  }),
];
