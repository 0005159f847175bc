import { z } from 'zod';
import { PROGRAMS, ROLES } from '../../kernel/auth/permissions.js';
import { PageQuery } from '../../kernel/http/pagination.js';

export const IdParams = z.object({ id: z.uuid() });

export const RoleAssignmentOut = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  program: z.enum(PROGRAMS).nullable(),
  createdAt: z.iso.datetime(),
});

export const UserOut = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean().describe('Locked after too many failed logins'),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  roles: z.array(RoleAssignmentOut),
});

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Search in name and email'),
  active: z.enum(['true', 'false']).optional(),
});

const Name = z.string().trim().min(1).max(200);

export const UserCreateBody = z.object({
  email: z.email().max(254),
  fullName: Name,
  organisationId: z.uuid().nullable().default(null),
  password: z.string().min(12, 'password.too_weak').max(200).describe('Initial password (at least 12 characters)'),
  roles: z
    .array(z.object({ role: z.enum(ROLES), program: z.enum(PROGRAMS).nullable().default(null) }))
    .max(20)
    .default([]),
});

export const UserPatchBody = z
  .object({
    fullName: Name.optional(),
    organisationId: z.uuid().nullable().optional(),
    active: z.boolean().optional().describe('false deactivates the account and ends its sessions'),
    unlock: z.literal(true).optional().describe('Clears a login lockout'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'request.invalid' });

export const RoleAssignBody = z.object({
  role: z.enum(ROLES),
  program: z.enum(PROGRAMS).nullable().default(null).describe('Limit the role to one program; null = all'),
});

export const RoleParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

export const OrganisationOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  fiscalCode: z.string().nullable(),
  active: z.boolean(),
  userCount: z.number().int(),
});

export const ORGANISATION_KINDS = [
  'municipality',
  'foundation',
  'health_authority',
  'housing_company',
  'agency',
  'association',
  'cooperative',
  'other',
] as const;

export const OrganisationCreateBody = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANISATION_KINDS),
  fiscalCode: z
    .string()
    .regex(/^[0-9]{11}$/)
    .nullable()
    .default(null)
    .describe('Partita IVA / codice fiscale numerico (11 digits)'),
});

export const AuditQuery = PageQuery.extend({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  userId: z.uuid().optional(),
  action: z.string().max(100).optional().describe('Exact action or a prefix ending with `*`, e.g. `user.*`'),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  sensitive: z.enum(['true', 'false']).optional().describe('Only reads of special-category data'),
});

export const AuditOut = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  purpose: z.string().nullable(),
  sensitiveCategory: z.string().nullable(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown().nullable(),
});
