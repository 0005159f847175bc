// The accompaniment path of each program, as data: ordered stages, each with its checklist.
// A case copies its program's path when it opens, so a later change to the path does not
// rewrite cases in progress. Labels live in the web catalogue under cases.stage.* / cases.item.*.
import type { Program } from '../../../kernel/auth/permissions.js';

export interface StageTemplate {
  key: string;
  checklist: readonly string[];
}

const YOUTH_COLLAB: StageTemplate[] = [
  { key: 'selection', checklist: ['interview', 'documents_checked', 'admitted'] },
  { key: 'participatory_path', checklist: ['meetings_attended', 'project_agreed'] },
  {
    key: 'move_in',
    checklist: ['keys', 'inventory', 'cohabitation_agreement_signed', 'utilities', 'neighbours_introduction', 'services_introduction'],
  },
  { key: 'living_together', checklist: ['house_rules_signed', 'monthly_meeting', 'shared_expenses'] },
  { key: 'exit', checklist: ['exit_plan', 'keys_returned', 'final_inventory'] },
];

const HOUSING_FIRST: StageTemplate[] = [
  { key: 'engagement', checklist: ['first_contact', 'consent', 'needs_assessment'] },
  { key: 'housing', checklist: ['flat_chosen', 'keys', 'hf_agreement_signed', 'utilities', 'furniture'] },
  { key: 'support', checklist: ['visit_plan', 'individual_project', 'health_services_link'] },
  { key: 'exit', checklist: ['exit_plan', 'keys_returned'] },
];

const DOPO_DI_NOI: StageTemplate[] = [
  { key: 'assessment', checklist: ['uvm_assessment', 'life_project'] },
  { key: 'autonomy_gym', checklist: ['training_stays', 'skills_review'] },
  { key: 'move_in', checklist: ['keys', 'inventory', 'house_rules_signed', 'support_plan'] },
  { key: 'living_together', checklist: ['project_review', 'monthly_meeting'] },
  { key: 'exit', checklist: ['exit_plan', 'keys_returned'] },
];

const COHOUSING: StageTemplate[] = [
  { key: 'selection', checklist: ['interview', 'admitted'] },
  { key: 'move_in', checklist: ['keys', 'inventory', 'house_rules_signed', 'utilities', 'neighbours_introduction'] },
  { key: 'living_together', checklist: ['monthly_meeting', 'shared_expenses'] },
  { key: 'exit', checklist: ['exit_plan', 'keys_returned'] },
];

const GENERIC: StageTemplate[] = [
  { key: 'intake', checklist: ['needs_assessment', 'consent'] },
  { key: 'support', checklist: ['plan_agreed', 'review'] },
  { key: 'closure', checklist: ['closure_report'] },
];

export const PATHS: Record<Program, readonly StageTemplate[]> = {
  youth_collab: YOUTH_COLLAB,
  housing_first: HOUSING_FIRST,
  dopo_di_noi: DOPO_DI_NOI,
  cohousing: COHOUSING,
  erp: GENERIC,
  agency: GENERIC,
  mediation: GENERIC,
};

export interface StageState {
  key: string;
  position: number;
  status: 'pending' | 'active' | 'done';
}

/**
 * Moving a case to a stage: every earlier stage is done, the chosen one active, later ones
 * pending. Going back (re-opening an earlier stage) is allowed: life does not follow the path.
 */
export function moveToStage<S extends StageState>(stages: readonly S[], key: string): { stages: S[]; changed: S[] } | null {
  const target = stages.find((s) => s.key === key);
  if (!target) {
    return null;
  }
  const next = stages.map((s) => ({
    ...s,
    status: s.position < target.position ? 'done' : s.position === target.position ? 'active' : 'pending',
  })) as S[];
  const changed = next.filter((s, i) => s.status !== stages[i]?.status);
  return { stages: next, changed };
}
