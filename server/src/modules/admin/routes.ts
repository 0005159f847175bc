import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { hashPassword, isStrongPassword } from '../../kernel/auth/password.js';
import { revokeUserSessions } from '../../kernel/auth/sessions.js';
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { presentAudit, presentUser } from './presenter.js';
import * as repo from './repo.js';
import {
  AuditOut,
  AuditQuery,
  IdParams,
  OrganisationCreateBody,
  OrganisationOut,
  RoleAssignBody,
  RoleParams,
  UserCreateBody,
  UserListQuery,
  UserOut,
  UserPatchBody,
} from './schema.js';

const tags = ['admin'];
const manageUsers = { permission: 'admin:users' } as const;

async function requireOrganisation(db: Executor, ctx: TenantContext, id: string | null | undefined) {
  if (id && !(await repo.organisationExists(db, ctx, id))) {
    throw new AppError(400, 'organisation.unknown', [{ field: 'organisationId', in: 'body', code: 'organisation.unknown' }]);
  }
}

async function loadUser(db: Executor, ctx: TenantContext, id: string) {
  const user = await repo.getUser(db, ctx, id);
  if (!user) {
    throw notFound();
  }
  return user;
}

async function keepOneAdmin(db: Executor, ctx: TenantContext, userId: string) {
  if ((await repo.countOtherActiveAdmins(db, ctx, userId)) === 0) {
    throw new AppError(409, 'user.last_admin');
  }
}

export const adminRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/users',
    access: manageUsers,
    summary: 'List the users of the ente (search, cursor pagination)',
    tags,
    schema: { querystring: UserListQuery, response: { 200: pageOf(UserOut) } },
    async handler({ db, ctx, query, deps }) {
      const rows = await repo.listUsers(db, ctx, {
        q: query.q,
        active: query.active === undefined ? undefined : query.active === 'true',
        after: decodeCursor(query.cursor),
        limit: query.limit,
      });
      const now = deps.clock.now();
      return toPage(
        rows,
        query.limit,
        (r) => r.full_name,
        (r) => presentUser(r, now),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/users/:id',
    access: manageUsers,
    summary: 'One user with their role assignments',
    tags,
    schema: { params: IdParams, response: { 200: UserOut } },
    async handler({ db, ctx, params, deps }) {
      return presentUser(await loadUser(db, ctx, params.id), deps.clock.now());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/admin/users',
    access: manageUsers,
    summary: 'Create a user with an initial password and roles',
    tags,
    status: 201,
    schema: { body: UserCreateBody, response: { 201: UserOut } },
    async handler({ db, ctx, body, deps }) {
      if (await repo.emailTaken(db, ctx, body.email)) {
        throw new AppError(409, 'user.email_taken', [{ field: 'email', in: 'body', code: 'user.email_taken' }]);
      }
      if (!isStrongPassword(body.password, body.email)) {
        throw new AppError(400, 'password.too_weak', [{ field: 'password', in: 'body', code: 'password.too_weak' }]);
      }
      await requireOrganisation(db, ctx, body.organisationId);
      const now = deps.clock.now();
      const { id } = await db
        .insertInto('app_user')
        .values({
          tenant_id: ctx.tenantId,
          email: body.email,
          full_name: body.fullName,
          organisation_id: body.organisationId,
          password_hash: await hashPassword(body.password),
          password_changed_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const unique = [...new Map(body.roles.map((r) => [`${r.role}/${r.program}`, r])).values()];
      if (unique.length > 0) {
        await db
          .insertInto('role_assignment')
          .values(unique.map((r) => ({ tenant_id: ctx.tenantId, user_id: id, role: r.role, program: r.program, granted_by: ctx.principal.userId })))
          .execute();
      }
      await audit(db, ctx, { action: 'user.created', entityType: 'app_user', entityId: id, details: { email: body.email, roles: unique } });
      return presentUser(await loadUser(db, ctx, id), now);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/admin/users/:id',
    access: manageUsers,
    summary: 'Update name or organisation, deactivate/reactivate, or clear a lockout',
    tags,
    schema: { params: IdParams, body: UserPatchBody, response: { 200: UserOut } },
    async handler({ db, ctx, params, body, deps }) {
      const user = await loadUser(db, ctx, params.id);
      const now = deps.clock.now();
      if (body.active === false && user.active) {
        if (params.id === ctx.principal.userId) {
          throw new AppError(409, 'user.self_deactivation', [{ field: 'active', in: 'body', code: 'user.self_deactivation' }]);
        }
        if ((user.roles ?? []).some((r) => r.role === 'admin')) {
          await keepOneAdmin(db, ctx, params.id);
        }
        await revokeUserSessions(db, ctx.tenantId, params.id, now);
      }
      await requireOrganisation(db, ctx, body.organisationId);
      await db
        .updateTable('app_user')
        .set({
          ...(body.fullName !== undefined ? { full_name: body.fullName } : {}),
          ...(body.organisationId !== undefined ? { organisation_id: body.organisationId } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
          ...(body.unlock ? { locked_until: null, failed_logins: 0 } : {}),
          updated_at: now,
        })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .execute();
      const action = body.active === false ? 'user.deactivated' : body.active === true ? 'user.reactivated' : 'user.updated';
      await audit(db, ctx, { action, entityType: 'app_user', entityId: params.id, details: { changes: body } });
      return presentUser(await loadUser(db, ctx, params.id), now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/admin/users/:id/roles',
    access: manageUsers,
    summary: 'Assign a role, optionally limited to one program',
    tags,
    status: 201,
    schema: { params: IdParams, body: RoleAssignBody, response: { 201: UserOut } },
    async handler({ db, ctx, params, body, deps }) {
      const user = await loadUser(db, ctx, params.id);
      if ((user.roles ?? []).some((r) => r.role === body.role && r.program === body.program)) {
        throw new AppError(409, 'role.duplicate', [{ field: 'role', in: 'body', code: 'role.duplicate' }]);
      }
      const { id } = await db
        .insertInto('role_assignment')
        .values({ tenant_id: ctx.tenantId, user_id: params.id, role: body.role, program: body.program, granted_by: ctx.principal.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'role.assigned', entityType: 'app_user', entityId: params.id, details: { assignmentId: id, ...body } });
      return presentUser(await loadUser(db, ctx, params.id), deps.clock.now());
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/admin/users/:id/roles/:assignmentId',
    access: manageUsers,
    summary: 'Remove a role assignment',
    tags,
    schema: { params: RoleParams, response: { 200: UserOut } },
    async handler({ db, ctx, params, deps }) {
      const user = await loadUser(db, ctx, params.id);
      const assignment = (user.roles ?? []).find((r) => r.id === params.assignmentId);
      if (!assignment) {
        throw notFound();
      }
      if (assignment.role === 'admin' && !(user.roles ?? []).some((r) => r.role === 'admin' && r.id !== assignment.id)) {
        await keepOneAdmin(db, ctx, params.id);
      }
      await db.deleteFrom('role_assignment').where('tenant_id', '=', ctx.tenantId).where('id', '=', params.assignmentId).execute();
      await audit(db, ctx, {
        action: 'role.removed',
        entityType: 'app_user',
        entityId: params.id,
        details: { assignmentId: params.assignmentId, role: assignment.role, program: assignment.program },
      });
      return presentUser(await loadUser(db, ctx, params.id), deps.clock.now());
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/organisations',
    access: { permission: ['admin:organisations', 'admin:users'] },
    summary: 'Organisations of the ente (municipal offices, partners, associations)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(OrganisationOut) }) } },
    async handler({ db, ctx }) {
      const rows = await repo.listOrganisations(db, ctx);
      return {
        items: rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, fiscalCode: o.fiscal_code, active: o.active, userCount: Number(o.user_count ?? 0) })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/admin/organisations',
    access: { permission: 'admin:organisations' },
    summary: 'Add an organisation',
    tags,
    status: 201,
    schema: { body: OrganisationCreateBody, response: { 201: OrganisationOut } },
    async handler({ db, ctx, body }) {
      const row = await db
        .insertInto('organisation')
        .values({ tenant_id: ctx.tenantId, name: body.name, kind: body.kind, fiscal_code: body.fiscalCode })
        .returning(['id', 'name', 'kind', 'fiscal_code', 'active'])
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'organisation.created', entityType: 'organisation', entityId: row.id, details: body });
      return { id: row.id, name: row.name, kind: row.kind, fiscalCode: row.fiscal_code, active: row.active, userCount: 0 };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/audit',
    access: { permission: 'admin:audit' },
    summary: 'Search the audit log (newest first, cursor pagination)',
    tags,
    schema: { querystring: AuditQuery, response: { 200: pageOf(AuditOut) } },
    async handler({ db, ctx, query }) {
      const rows = await repo.searchAudit(db, ctx, {
        ...query,
        sensitive: query.sensitive === undefined ? undefined : query.sensitive === 'true',
        after: decodeCursor(query.cursor),
      });
      return toPage(rows, query.limit, (r) => r.at.toISOString(), presentAudit);
    },
  }),
];
