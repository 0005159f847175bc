import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { hashPassword, isStrongPassword, verifyPassword } from '../../kernel/auth/password.js';
import { PERMISSIONS, type Program, type Role } from '../../kernel/auth/permissions.js';
import { revokeSession, revokeUserSessions, SESSION_COOKIE } from '../../kernel/auth/sessions.js';
import { AppError } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute, requestMeta } from '../../kernel/http/route.js';
import { DEMO_PASSWORD } from './demo.js';
import { listDemoAccounts, organisationName } from './repo.js';
import { DemoAccountOut, EnteOut, LoginBody, MeOut, PasswordChangeBody } from './schema.js';
import { loginWithPassword } from './service.js';

const tags = ['identity'];

export const identityRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    access: 'public',
    summary: 'Sign in with email and password; sets the HttpOnly session cookie',
    tags,
    schema: { body: LoginBody, response: { 200: z.object({ csrfToken: z.string() }) } },
    rateLimit: { max: (config) => config.loginRatePerMinute, timeWindow: 60_000 },
    async handler({ body, deps, req, reply }) {
      const session = await loginWithPassword(deps, requestMeta(req), body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        expires: session.expiresAt,
      });
      return { csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    access: 'authenticated',
    summary: 'Sign out: ends the server-side session and clears the cookie',
    tags,
    schema: { response: { 204: z.undefined() } },
    async handler({ db, ctx, deps, reply }) {
      await revokeSession(db, ctx.tenantId, ctx.principal.sessionId, deps.clock.now());
      await audit(db, ctx, { action: 'auth.logout', entityType: 'auth_session', entityId: ctx.principal.sessionId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me',
    access: 'authenticated',
    summary: 'The signed-in user, their ente, roles, permissions and CSRF token',
    tags,
    schema: { response: { 200: MeOut } },
    async handler({ db, ctx }) {
      const p = ctx.principal;
      const org = await organisationName(db, p.tenantId, p.organisationId);
      return {
        user: { id: p.userId, fullName: p.fullName, email: p.email, organisationId: p.organisationId, organisationName: org?.name ?? null },
        ente: { id: p.tenantId, slug: p.tenantSlug, name: p.tenantName },
        roles: p.roles,
        permissions: PERMISSIONS.filter((perm) => p.grants.has(perm)),
        csrfToken: p.csrfToken,
        authMethod: p.authMethod,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/password',
    access: 'authenticated',
    summary: 'Change own password; ends every other session of the user',
    tags,
    schema: { body: PasswordChangeBody, response: { 204: z.undefined() } },
    rateLimit: { max: 10, timeWindow: 60_000 },
    async handler({ db, ctx, body, deps }) {
      const user = await db
        .selectFrom('app_user')
        .select(['password_hash', 'email'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', ctx.principal.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
        throw new AppError(400, 'auth.wrong_password', [{ field: 'currentPassword', in: 'body', code: 'auth.wrong_password' }]);
      }
      if (body.newPassword === body.currentPassword) {
        throw new AppError(400, 'password.same', [{ field: 'newPassword', in: 'body', code: 'password.same' }]);
      }
      if (!isStrongPassword(body.newPassword, user.email)) {
        throw new AppError(400, 'password.too_weak', [{ field: 'newPassword', in: 'body', code: 'password.too_weak' }]);
      }
      const now = deps.clock.now();
      await db
        .updateTable('app_user')
        .set({ password_hash: await hashPassword(body.newPassword), password_changed_at: now, updated_at: now })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', ctx.principal.userId)
        .execute();
      await revokeUserSessions(db, ctx.tenantId, ctx.principal.userId, now, ctx.principal.sessionId);
      await audit(db, ctx, { action: 'user.password_changed', entityType: 'app_user', entityId: ctx.principal.userId });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/enti',
    access: 'public',
    summary: 'Active enti (tenants) of this installation, for the login page',
    tags,
    schema: { response: { 200: z.object({ items: z.array(EnteOut) }) } },
    async handler({ db }) {
      const items = await db.selectFrom('ente').select(['id', 'slug', 'name', 'kind']).where('active', '=', true).orderBy('name').execute();
      return { items };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/demo/accounts',
    access: 'public',
    summary: 'Demo accounts for one-click login (demo mode only; 404 otherwise)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(DemoAccountOut) }) } },
    async handler({ db, deps }) {
      if (!deps.config.demo) {
        throw new AppError(404, 'demo.disabled');
      }
      const rows = await listDemoAccounts(db);
      return {
        items: rows.map((r) => ({
          ...r,
          roles: (r.roles ?? []) as { role: Role; program: Program | null }[],
          password: DEMO_PASSWORD,
        })),
      };
    },
  }),
];
