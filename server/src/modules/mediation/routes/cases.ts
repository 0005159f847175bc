// Mediation: estates and their mediators, the estate dashboard, conflict cases, arrears alerts.
import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { inTenant } from '../../../kernel/db/tenant.js';
import { notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { arrearsAlerts, openAccompaniment } from '../arrears.js';
import * as cases from '../cases.js';
import { ageBucket, CASE_TYPES } from '../cases.js';
import { fieldError } from '../errors.js';
import { assertEstate, myEstateIds } from '../policy.js';
import { presentCase, presentCaseDetail } from '../presenter.js';
import {
  AgreementBody,
  ArrearsAlertOut,
  ArrearsCaseBody,
  AssignBody,
  CaseCreateBody,
  CaseDetailOut,
  CaseListQuery,
  CaseSummaryOut,
  CloseBody,
  DashboardOut,
  EscalateBody,
  EstateOut,
  FollowUpBody,
  IdParams,
  REPORT_STATUSES,
  SessionBody,
} from '../schema.js';

export const tags = ['mediation'];
export const manage = { permission: 'mediation:manage' } as const;

export const caseRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/estates',
    access: { permission: ['mediation:manage', 'admin:users'] },
    summary: 'Estates with their mediators and open cases and reports: a mediator sees the estates assigned to them, an admin all',
    tags,
    schema: { response: { 200: z.object({ items: z.array(EstateOut) }) } },
    async handler({ db, ctx }) {
      const all = ctx.can('admin:users');
      const mine = await myEstateIds(db, ctx);
      if (!all && mine.length === 0) {
        return { items: [] };
      }
      let q = db
        .selectFrom('estate as e')
        .select([
          'e.id',
          'e.name',
          sql<number>`(SELECT count(*) FROM mediation_case c WHERE c.tenant_id = e.tenant_id AND c.estate_id = e.id AND c.status <> 'closed')::int`.as(
            'open_cases',
          ),
          sql<number>`(SELECT count(*) FROM resident_report r WHERE r.tenant_id = e.tenant_id AND r.estate_id = e.id AND r.status NOT IN ('resolved', 'rejected'))::int`.as(
            'open_reports',
          ),
        ])
        .where(inTenant(ctx, 'e'));
      if (!all) {
        q = q.where('e.id', 'in', mine);
      }
      const estates = await q.orderBy('e.name').execute();
      const mediators = await db
        .selectFrom('mediation_assignment as a')
        .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.user_id'))
        .select(['a.estate_id', 'u.id', 'u.full_name'])
        .where(inTenant(ctx, 'a'))
        .orderBy('u.full_name')
        .execute();
      return {
        items: estates.map((e) => ({
          id: e.id,
          name: e.name,
          openCases: Number(e.open_cases),
          openReports: Number(e.open_reports),
          mediators: mediators.filter((m) => m.estate_id === e.id).map((m) => ({ id: m.id, name: m.full_name })),
        })),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/mediation/estates/:id/mediators',
    access: { permission: 'admin:users' },
    summary: 'Set the mediators working on an estate (each must hold the mediator role)',
    tags,
    schema: { params: IdParams, body: AssignBody, response: { 204: z.null() } },
    status: 204,
    async handler({ db, ctx, params, body }) {
      const estate = await db.selectFrom('estate').select('id').where(inTenant(ctx)).where('id', '=', params.id).executeTakeFirst();
      if (!estate) {
        throw notFound();
      }
      if (body.userIds.length > 0) {
        const ok = await db
          .selectFrom('role_assignment')
          .select('user_id')
          .distinct()
          .where(inTenant(ctx))
          .where('role', '=', 'mediator')
          .where('user_id', 'in', body.userIds)
          .execute();
        const mediators = new Set(ok.map((r) => r.user_id));
        body.userIds.forEach((u, i) => {
          if (!mediators.has(u)) {
            throw fieldError(400, 'mediation.not_a_mediator', `userIds.${i}`);
          }
        });
      }
      await db.deleteFrom('mediation_assignment').where(inTenant(ctx)).where('estate_id', '=', params.id).execute();
      if (body.userIds.length > 0) {
        await db
          .insertInto('mediation_assignment')
          .values([...new Set(body.userIds)].map((u) => ({ tenant_id: ctx.tenantId, estate_id: params.id, user_id: u })))
          .execute();
      }
      await audit(db, ctx, { action: 'mediation.mediators_set', entityType: 'estate', entityId: params.id, details: { userIds: body.userIds } });
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/estates/:id/dashboard',
    access: manage,
    summary: 'Estate dashboard: open cases by type and age, reports by status, activities and participation, households living there',
    tags,
    schema: { params: IdParams, response: { 200: DashboardOut } },
    async handler({ db, ctx, params, deps }) {
      await assertEstate(db, ctx, params.id);
      const today = romeDay(deps.clock.now());
      const estate = await db.selectFrom('estate').select(['id', 'name']).where(inTenant(ctx)).where('id', '=', params.id).executeTakeFirstOrThrow();
      const open = await db
        .selectFrom('mediation_case')
        .select(['type', 'opened_on'])
        .where(inTenant(ctx))
        .where('estate_id', '=', params.id)
        .where('status', '!=', 'closed')
        .execute();
      const reports = await db
        .selectFrom('resident_report')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .where(inTenant(ctx))
        .where('estate_id', '=', params.id)
        .groupBy('status')
        .execute();
      const act = await db
        .selectFrom('community_activity as a')
        .leftJoin('activity_registration as r', (j) => j.onRef('r.tenant_id', '=', 'a.tenant_id').onRef('r.activity_id', '=', 'a.id'))
        .select([
          sql<number>`count(DISTINCT a.id) FILTER (WHERE a.starts_at > now())::int`.as('upcoming'),
          sql<number>`count(DISTINCT a.id) FILTER (WHERE a.starts_at <= now() AND a.starts_at > now() - interval '30 days')::int`.as('past'),
          sql<number>`count(r.id) FILTER (WHERE r.role = 'participant')::int`.as('registrations'),
          sql<number>`count(r.id) FILTER (WHERE r.attended)::int`.as('attended'),
        ])
        .where(inTenant(ctx, 'a'))
        .where('a.estate_id', '=', params.id)
        .executeTakeFirstOrThrow();
      const buckets = ['0-30', '31-90', '91-180', '>180'];
      return {
        estate,
        casesByType: CASE_TYPES.map((t) => ({ type: t, open: open.filter((c) => c.type === t).length })),
        casesByAge: buckets.map((b) => ({ bucket: b, open: open.filter((c) => ageBucket(c.opened_on, today) === b).length })),
        reportsByStatus: REPORT_STATUSES.map((s) => ({ status: s, count: Number(reports.find((r) => r.status === s)?.n ?? 0) })),
        activities: { upcoming: Number(act.upcoming), past30Days: Number(act.past), registrations: Number(act.registrations), attended: Number(act.attended) },
        households: (await cases.estateHouseholds(db, ctx, params.id, today)).map((h) => ({ id: h.id, name: h.name, unitCode: h.unit_code })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/cases',
    access: manage,
    summary: "Mediation cases on the caller's estates (filters: estate, status or 'active', kind)",
    tags,
    schema: { querystring: CaseListQuery, response: { 200: z.object({ items: z.array(CaseSummaryOut) }) } },
    async handler({ db, ctx, query }) {
      return { items: (await cases.listCases(db, ctx, query)).map(presentCase) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/cases',
    access: manage,
    summary: 'Open a conflict case on one of the caller’s estates, with the households involved (they must live there)',
    tags,
    status: 201,
    schema: { body: CaseCreateBody, response: { 201: CaseDetailOut } },
    async handler({ db, ctx, body, deps }) {
      const id = await cases.createCase(db, ctx, body, romeDay(deps.clock.now()));
      await audit(db, ctx, {
        action: 'mediation.case_opened',
        entityType: 'mediation_case',
        entityId: id,
        details: { estateId: body.estateId, type: body.type },
      });
      return presentCaseDetail(await cases.loadCase(db, ctx, id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/cases/:id',
    access: manage,
    summary: 'One case with parties, sessions and agreements (the read is audited)',
    tags,
    schema: { params: IdParams, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params }) {
      const c = await cases.loadCase(db, ctx, params.id);
      await audit(db, ctx, { action: 'mediation.case_read', entityType: 'mediation_case', entityId: params.id });
      return presentCaseDetail(c);
    },
  }),
  ...(
    [
      ['sessions', SessionBody, 'Record a mediation session (date, participants, outcome)', 'mediation.session_recorded', cases.addSession],
      ['agreements', AgreementBody, 'Record an agreement reached, with an optional follow-up day', 'mediation.agreement_recorded', cases.addAgreement],
      ['escalation', EscalateBody, 'Escalate the case to the managing body or to social services', 'mediation.case_escalated', cases.escalate],
      ['closure', CloseBody, 'Close the case with its result', 'mediation.case_closed', cases.close],
    ] as const
  ).map(([path, Body, summary, action, fn]) =>
    defineRoute({
      method: 'POST',
      url: `/api/v1/mediation/cases/:id/${path}`,
      access: manage,
      summary,
      tags,
      schema: { params: IdParams, body: Body, response: { 200: CaseDetailOut } },
      async handler({ db, ctx, params, body }) {
        await (fn as (d: typeof db, c: typeof ctx, id: string, b: typeof body) => Promise<void>)(db, ctx, params.id, body);
        await audit(db, ctx, { action, entityType: 'mediation_case', entityId: params.id });
        return presentCaseDetail(await cases.loadCase(db, ctx, params.id));
      },
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/cases/:id/follow-up',
    access: manage,
    summary: 'Set the next follow-up of an agreement (the case moves to follow-up)',
    tags,
    schema: { params: IdParams, body: FollowUpBody, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, body }) {
      await cases.followUp(db, ctx, params.id, body.followUpOn);
      await audit(db, ctx, { action: 'mediation.follow_up_set', entityType: 'mediation_case', entityId: params.id, details: { followUpOn: body.followUpOn } });
      return presentCaseDetail(await cases.loadCase(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/arrears',
    access: manage,
    summary: `Arrears alerts of households on the caller's estates (two monthly dues or more unpaid), with their accompaniment case`,
    tags,
    schema: { querystring: z.object({ estateId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(ArrearsAlertOut) }) } },
    async handler({ db, ctx, query, deps }) {
      const rows = await arrearsAlerts(db, ctx, romeDay(deps.clock.now()), { estateId: query.estateId });
      return {
        items: rows.map((r) => ({
          tenancyId: r.tenancy_id,
          estate: { id: r.estate_id, name: r.estate_name },
          household: r.household,
          unitCode: r.unit_code,
          balanceCents: r.balance,
          monthlyDueCents: r.due,
          monthsOwed: r.months,
          accompanimentCaseId: r.case_id,
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/arrears/accompaniments',
    access: manage,
    summary: 'Open an accompaniment case for a household with an arrears alert (its outcome is recorded at closure)',
    tags,
    status: 201,
    schema: { body: ArrearsCaseBody, response: { 201: CaseDetailOut } },
    async handler({ db, ctx, body, deps }) {
      const id = await openAccompaniment(db, ctx, body, romeDay(deps.clock.now()));
      await audit(db, ctx, { action: 'mediation.accompaniment_opened', entityType: 'mediation_case', entityId: id, details: { tenancyId: body.tenancyId } });
      return presentCaseDetail(await cases.loadCase(db, ctx, id));
    },
  }),
];
