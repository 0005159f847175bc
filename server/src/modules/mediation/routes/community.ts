// Community activities (calendar, registrations, attendance, volunteers) and tenants' committees.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import * as activities from '../activities.js';
import * as committees from '../committees.js';
import { presentActivity, presentCommittee } from '../presenter.js';
import {
  ActivityCreateBody,
  ActivityDetailOut,
  ActivityListQuery,
  ActivityOut,
  AttendanceBody,
  CommitteeCreateBody,
  CommitteeOut,
  ExpenseBody,
  IdParams,
  MeetingBody,
  MemberBody,
  PaidBody,
  RegistrationBody,
  RegParams,
  ShareParams,
} from '../schema.js';
import { manage, tags } from './cases.js';

const see = { permission: ['mediation:manage', 'report:submit'] } as const;
const resident = { permission: 'report:submit' } as const;

async function detail(db: Parameters<typeof activities.loadActivity>[0], ctx: Parameters<typeof activities.loadActivity>[1], id: string, today: string) {
  const a = await activities.loadActivity(db, ctx, id, today);
  return {
    ...presentActivity(a),
    registrations: a.registrations.map((r) => ({ id: r.id, name: r.name, role: r.role as 'participant', attended: r.attended })),
  };
}

export const communityRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/activities',
    access: see,
    summary: "Community activities of the caller's estates (a tenant: their own estate), by day range",
    tags,
    schema: { querystring: ActivityListQuery, response: { 200: z.object({ items: z.array(ActivityOut) }) } },
    async handler({ db, ctx, query, deps }) {
      return { items: (await activities.listActivities(db, ctx, query, romeDay(deps.clock.now()))).map(presentActivity) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/activities',
    access: manage,
    summary: 'Schedule an activity on an estate (place: a common space of the estate or free text; capacity)',
    tags,
    status: 201,
    schema: { body: ActivityCreateBody, response: { 201: ActivityDetailOut } },
    async handler({ db, ctx, body, deps }) {
      const id = await activities.createActivity(db, ctx, body);
      await audit(db, ctx, { action: 'mediation.activity_created', entityType: 'community_activity', entityId: id });
      return detail(db, ctx, id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/activities/:id',
    access: see,
    summary: 'One activity; its registrations only for the mediator',
    tags,
    schema: { params: IdParams, response: { 200: ActivityDetailOut } },
    async handler({ db, ctx, params, deps }) {
      return detail(db, ctx, params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/activities/:id/registrations',
    access: manage,
    summary: 'Register a participant or a volunteer by name (refused with 409 when full)',
    tags,
    status: 201,
    schema: { params: IdParams, body: RegistrationBody, response: { 201: ActivityDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const today = romeDay(deps.clock.now());
      await activities.loadActivity(db, ctx, params.id, today);
      const id = await activities.register(db, ctx, params.id, { userId: null, name: body.name, role: body.role }, deps.clock.now());
      await audit(db, ctx, { action: 'mediation.registration_added', entityType: 'activity_registration', entityId: id });
      return detail(db, ctx, params.id, today);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/activities/:id/registration',
    access: resident,
    summary: 'A tenant registers for an activity of their estate (refused with 409 when full)',
    tags,
    status: 201,
    schema: { params: IdParams, response: { 201: ActivityOut } },
    async handler({ db, ctx, params, deps }) {
      const today = romeDay(deps.clock.now());
      await activities.loadActivity(db, ctx, params.id, today);
      const id = await activities.register(
        db,
        ctx,
        params.id,
        { userId: ctx.principal.userId, name: ctx.principal.fullName, role: 'participant' },
        deps.clock.now(),
      );
      await audit(db, ctx, { action: 'mediation.registration_added', entityType: 'activity_registration', entityId: id });
      return presentActivity(await activities.loadActivity(db, ctx, params.id, today));
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/me/activities/:id/registration',
    access: resident,
    summary: 'A tenant cancels their registration',
    tags,
    status: 204,
    schema: { params: IdParams, response: { 204: z.null() } },
    async handler({ db, ctx, params }) {
      await activities.cancelOwn(db, ctx, params.id);
      await audit(db, ctx, { action: 'mediation.registration_cancelled', entityType: 'community_activity', entityId: params.id });
      return null;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/mediation/activities/:id/registrations/:registrationId/attendance',
    access: manage,
    summary: 'Record whether a registered person attended',
    tags,
    schema: { params: RegParams, body: AttendanceBody, response: { 200: ActivityDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      await activities.setAttendance(db, ctx, params.id, params.registrationId, body.attended);
      await audit(db, ctx, {
        action: 'mediation.attendance',
        entityType: 'activity_registration',
        entityId: params.registrationId,
        details: { attended: body.attended },
      });
      return detail(db, ctx, params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/committees',
    access: manage,
    summary: "Tenants' committees of the caller's estates with members, meetings, expenses and balances",
    tags,
    schema: { querystring: z.object({ estateId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(CommitteeOut) }) } },
    async handler({ db, ctx, query }) {
      return { items: (await committees.listCommittees(db, ctx, query.estateId)).map(presentCommittee) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/committees',
    access: manage,
    summary: 'Found a committee for a building (one per building)',
    tags,
    status: 201,
    schema: { body: CommitteeCreateBody, response: { 201: CommitteeOut } },
    async handler({ db, ctx, body }) {
      const id = await committees.createCommittee(db, ctx, body);
      await audit(db, ctx, { action: 'mediation.committee_created', entityType: 'tenant_committee', entityId: id });
      return presentCommittee(await committees.loadCommittee(db, ctx, id));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/committees/:id/members',
    access: manage,
    summary: 'Add (or update) a member household living in the building',
    tags,
    schema: { params: IdParams, body: MemberBody, response: { 200: CommitteeOut } },
    async handler({ db, ctx, params, body, deps }) {
      await committees.addMember(db, ctx, params.id, body, romeDay(deps.clock.now()));
      await audit(db, ctx, {
        action: 'mediation.committee_member',
        entityType: 'tenant_committee',
        entityId: params.id,
        details: { householdId: body.householdId },
      });
      return presentCommittee(await committees.loadCommittee(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/committees/:id/meetings',
    access: manage,
    summary: 'Record a meeting with its minutes',
    tags,
    schema: { params: IdParams, body: MeetingBody, response: { 200: CommitteeOut } },
    async handler({ db, ctx, params, body }) {
      await committees.addMeeting(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'mediation.committee_meeting', entityType: 'tenant_committee', entityId: params.id });
      return presentCommittee(await committees.loadCommittee(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/committees/:id/expenses',
    access: manage,
    summary: 'Record a common expense, split among the members in cents (equal or weighted shares that add up to the amount)',
    tags,
    schema: { params: IdParams, body: ExpenseBody, response: { 200: CommitteeOut } },
    async handler({ db, ctx, params, body }) {
      const id = await committees.addExpense(db, ctx, params.id, body);
      await audit(db, ctx, {
        action: 'mediation.committee_expense',
        entityType: 'committee_expense',
        entityId: id,
        details: { amountCents: body.amountCents },
      });
      return presentCommittee(await committees.loadCommittee(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/mediation/committees/:id/expenses/:expenseId/shares/:householdId/paid',
    access: manage,
    summary: 'Record that a household paid its share (or clear it with null)',
    tags,
    schema: { params: ShareParams, body: PaidBody, response: { 200: CommitteeOut } },
    async handler({ db, ctx, params, body }) {
      await committees.markPaid(db, ctx, params.id, params.expenseId, params.householdId, body.paidOn);
      await audit(db, ctx, {
        action: 'mediation.share_paid',
        entityType: 'committee_expense',
        entityId: params.expenseId,
        details: { householdId: params.householdId, paidOn: body.paidOn },
      });
      return presentCommittee(await committees.loadCommittee(db, ctx, params.id));
    },
  }),
];
