/**
 * Roles, programs and named permissions, mapped in this one place.
 * A role assignment may be limited to one program; a permission then holds only for that program.
 */

export const PROGRAMS = ['youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first'] as const;
export type Program = (typeof PROGRAMS)[number];

export const ROLES = [
  'citizen',
  'landlord',
  'housing_operator',
  'social_worker',
  'housing_first_team',
  'mediator',
  'agency_operator',
  'partner_staff',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  // kernel
  'admin:users', // create users, deactivate them, assign roles
  'admin:organisations',
  'admin:audit', // search the audit log
  // registry and stock (used by the service lines)
  'registry:read',
  'registry:write',
  'registry:special:read', // special-category data, audited on every read
  'stock:read',
  'stock:write',
  // calls, rankings, allocation
  'call:manage',
  'call:read', // see calls of one's programs and their applications (partner staff, social workers)
  'application:submit',
  'application:review',
  'ranking:publish',
  'allocation:decide',
  // tenancies and rent
  'tenancy:read',
  'tenancy:manage',
  'tenancy:own', // a tenant sees their own tenancy
  // stays, cases, visits
  'stay:manage',
  'stay:read', // see the housing solutions one's organisation runs, their calendars and guests (partner staff)
  'stay:family', // a citizen follows the stays and life project of a relative they represent (or their own)
  'case:read',
  'case:write',
  'visit:log',
  // agency
  'agency:manage',
  'listing:own', // a landlord manages their own listings
  'appointment:book',
  // mediation and community
  'mediation:manage',
  'report:submit', // a resident reports a problem in the building
  // reporting
  'report:read',
  'report:export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  citizen: ['application:submit', 'tenancy:own', 'appointment:book', 'report:submit', 'stay:family'],
  landlord: ['listing:own', 'appointment:book'],
  housing_operator: [
    'registry:read',
    'registry:write',
    'registry:special:read',
    'stock:read',
    'stock:write',
    'call:manage',
    'application:review',
    'ranking:publish',
    'allocation:decide',
    'tenancy:read',
    'tenancy:manage',
    'stay:manage',
    'case:read',
    'report:read',
    'report:export',
  ],
  social_worker: [
    'call:read',
    'registry:read',
    'registry:write',
    'registry:special:read',
    'stock:read',
    'case:read',
    'case:write',
    'visit:log',
    'stay:manage',
    'tenancy:read',
  ],
  housing_first_team: ['registry:read', 'registry:special:read', 'case:read', 'case:write', 'visit:log', 'tenancy:read'],
  mediator: ['registry:read', 'stock:read', 'case:read', 'case:write', 'mediation:manage', 'tenancy:read'],
  agency_operator: ['registry:read', 'registry:write', 'stock:read', 'stock:write', 'agency:manage', 'tenancy:read', 'case:read', 'case:write'],
  partner_staff: ['call:read', 'registry:read', 'stock:read', 'case:read', 'case:write', 'visit:log', 'stay:read'],
  admin: ['admin:users', 'admin:organisations', 'admin:audit', 'report:read', 'report:export', 'stock:read'],
};

export interface RoleGrant {
  role: Role;
  program: Program | null;
}

/** The permissions granted by a user's roles, each with the programs it covers (null = all). */
export type Grants = Map<Permission, Set<Program> | 'all'>;

export function grantsOf(assignments: readonly RoleGrant[]): Grants {
  const grants: Grants = new Map();
  for (const a of assignments) {
    for (const p of ROLE_PERMISSIONS[a.role]) {
      const current = grants.get(p);
      if (current === 'all' || a.program === null) {
        grants.set(p, 'all');
      } else {
        grants.set(p, new Set([...(current ?? []), a.program]));
      }
    }
  }
  return grants;
}

/** True when the grants hold `permission`, for `program` if one is named. */
export function can(grants: Grants, permission: Permission, program?: Program): boolean {
  const scope = grants.get(permission);
  if (scope === undefined) {
    return false;
  }
  return scope === 'all' || program === undefined || scope.has(program);
}

/** The programs a permission covers, for filtering queries: 'all' or a list. */
export function programsFor(grants: Grants, permission: Permission): Program[] | 'all' {
  const scope = grants.get(permission);
  if (scope === undefined) {
    return [];
  }
  return scope === 'all' ? 'all' : [...scope];
}

/** Who may call a route: anyone, any signed-in user, or holders of one of the permissions. */
export type Access = 'public' | 'authenticated' | { permission: Permission | readonly Permission[] };

export function describeAccess(access: Access): string {
  if (typeof access === 'string') {
    return access;
  }
  return ([] as Permission[]).concat(access.permission).join(' | ');
}
