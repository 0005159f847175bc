// Co-housing projects: coordinators (social workers, Ufficio Casa) manage them; partner staff see
// the projects of their organisation only.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import * as co from '../cohousing.js';
import {
  CohousingExpenseBody,
  CohousingOut,
  CohousingProjectBody,
  CohousingResidentBody,
  CohousingShareParams,
  IdParams,
  MeetingBody,
  PaidBody,
} from '../schema.js';

const tags = ['cohousing'];
const read = { permission: 'case:read' } as const;
const write = { permission: 'case:write' } as const;

export const cohousingRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/cohousing/projects',
    access: read,
    summary: 'Co-housing projects: all for coordinators, those of their organisation for partner staff',
    tags,
    schema: { response: { 200: z.object({ items: z.array(CohousingOut) }) } },
    async handler({ db, ctx }) {
      return { items: await co.listProjects(db, ctx) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cohousing/projects',
    access: write,
    summary: 'Start a project (kind, house, partner bodies and their roles, house rules)',
    tags,
    status: 201,
    schema: { body: CohousingProjectBody, response: { 201: CohousingOut } },
    async handler({ db, ctx, body }) {
      const id = await co.createProject(db, ctx, body);
      await audit(db, ctx, { action: 'cohousing.project_created', entityType: 'cohousing_project', entityId: id });
      return co.loadProject(db, ctx, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cohousing/projects/:id',
    access: read,
    summary: 'One project with partners, residents, meetings, expenses and balances',
    tags,
    schema: { params: IdParams, response: { 200: CohousingOut } },
    async handler({ db, ctx, params }) {
      return co.loadProject(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cohousing/projects/:id/residents',
    access: write,
    summary: 'A resident enters (with the day the house rules were signed; an exit day closes the stay)',
    tags,
    schema: { params: IdParams, body: CohousingResidentBody, response: { 200: CohousingOut } },
    async handler({ db, ctx, params, body }) {
      const rid = await co.addResident(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'cohousing.resident_added', entityType: 'cohousing_resident', entityId: rid });
      return co.loadProject(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cohousing/projects/:id/meetings',
    access: write,
    summary: 'Record a house meeting with its minutes',
    tags,
    schema: { params: IdParams, body: MeetingBody, response: { 200: CohousingOut } },
    async handler({ db, ctx, params, body }) {
      await co.addMeeting(db, ctx, params.id, body.heldOn, body.minutes);
      await audit(db, ctx, { action: 'cohousing.meeting', entityType: 'cohousing_project', entityId: params.id });
      return co.loadProject(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cohousing/projects/:id/expenses',
    access: write,
    summary: 'A shared expense, split equally in cents among the residents living there on its day',
    tags,
    schema: { params: IdParams, body: CohousingExpenseBody, response: { 200: CohousingOut } },
    async handler({ db, ctx, params, body }) {
      const eid = await co.addExpense(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'cohousing.expense', entityType: 'cohousing_expense', entityId: eid, details: { amountCents: body.amountCents } });
      return co.loadProject(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/cohousing/projects/:id/expenses/:expenseId/shares/:residentId/paid',
    access: write,
    summary: 'Record that a resident paid their share (or clear it with null)',
    tags,
    schema: { params: CohousingShareParams, body: PaidBody, response: { 200: CohousingOut } },
    async handler({ db, ctx, params, body }) {
      await co.markPaid(db, ctx, params.id, params.expenseId, params.residentId, body.paidOn);
      await audit(db, ctx, { action: 'cohousing.share_paid', entityType: 'cohousing_expense', entityId: params.expenseId });
      return co.loadProject(db, ctx, params.id);
    },
  }),
];
