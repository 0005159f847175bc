import type { TFunction } from 'i18next';
import { PROGRAMS, type Program, type RoleGrant } from './api.js';

/** "Operatore Housing First – Housing First": the translated role, with its program when limited to one. */
export function roleLabel(t: TFunction, grant: Pick<RoleGrant, 'role' | 'program'>): string {
  const role = t(`roles.${grant.role}`);
  return grant.program ? t('roles.withProgram', { role, program: t(`programs.${grant.program}`) }) : role;
}

/** The programs as select options, with their translated names. */
export function programOptions(t: TFunction): { value: Program; label: string }[] {
  return PROGRAMS.map((p) => ({ value: p, label: t(`programs.${p}`) }));
}
