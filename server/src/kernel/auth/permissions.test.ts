import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, grantsOf, PERMISSIONS, PROGRAMS, programsFor, ROLE_PERMISSIONS, ROLES, type RoleGrant } from './permissions.js';

describe('permissions', () => {
  it('maps every role to known permissions, and only admin manages users and reads the audit log', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) {
        expect(PERMISSIONS).toContain(p);
      }
    }
    const holders = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('admin:users') || ROLE_PERMISSIONS[r].includes('admin:audit'));
    expect(holders).toEqual(['admin']);
  });

  it('limits a program-scoped role to its program', () => {
    const g = grantsOf([{ role: 'housing_first_team', program: 'housing_first' }]);
    expect(can(g, 'visit:log')).toBe(true);
    expect(can(g, 'visit:log', 'housing_first')).toBe(true);
    expect(can(g, 'visit:log', 'dopo_di_noi')).toBe(false);
    expect(can(g, 'admin:users')).toBe(false);
    expect(programsFor(g, 'visit:log')).toEqual(['housing_first']);
  });

  it('an unscoped assignment covers every program', () => {
    const g = grantsOf([
      { role: 'social_worker', program: 'cohousing' },
      { role: 'social_worker', program: null },
    ]);
    expect(programsFor(g, 'case:read')).toBe('all');
  });

  it('property: a permission is granted for a program iff some assignment gives it for that program or for all', () => {
    const grant = fc.record({ role: fc.constantFrom(...ROLES), program: fc.option(fc.constantFrom(...PROGRAMS), { nil: null }) });
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 6 }),
        fc.constantFrom(...PERMISSIONS),
        fc.constantFrom(...PROGRAMS),
        (assignments: RoleGrant[], perm, program) => {
          const expected = assignments.some((a) => ROLE_PERMISSIONS[a.role].includes(perm) && (a.program === null || a.program === program));
          expect(can(grantsOf(assignments), perm, program)).toBe(expected);
        },
      ),
    );
  });
});
