import { z } from 'zod';
import { PROGRAMS, ROLES } from '../../kernel/auth/permissions.js';

export const LoginBody = z.object({
  ente: z.string().min(2).max(40).describe('Slug of the ente (tenant) to sign in to, e.g. `lucca`'),
  email: z.email().max(254).describe('Email address of the account'),
  password: z.string().min(1).max(200).describe('Password'),
});

export const RoleGrantOut = z.object({
  role: z.enum(ROLES),
  program: z.enum(PROGRAMS).nullable().describe('null = every program'),
});

export const MeOut = z.object({
  user: z.object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
  }),
  ente: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  roles: z.array(RoleGrantOut),
  permissions: z.array(z.string()).describe('Permissions held for at least one program'),
  csrfToken: z.string().describe('Send back as X-CSRF-Token on POST/PUT/PATCH/DELETE'),
  authMethod: z.enum(['password', 'oidc']),
});

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12, 'password.too_weak').max(200),
});

export const EnteOut = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), kind: z.string() });

export const DemoAccountOut = z.object({
  ente: z.string(),
  enteName: z.string(),
  email: z.string(),
  fullName: z.string(),
  roles: z.array(RoleGrantOut),
  organisationName: z.string().nullable(),
  password: z.string(),
});
