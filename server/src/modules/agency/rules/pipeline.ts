// The contract pipeline of a proposal: proposal → visit → agreement → contract signed →
// registered. Refusal or withdrawal end it at any step before the signature. Signing and
// registering happen through their own operations (they record the contract), not a bare move.

export const STAGE_ORDER = ['proposed', 'visit_scheduled', 'visited', 'agreed', 'signed', 'registered'] as const;
export type Stage = (typeof STAGE_ORDER)[number] | 'refused' | 'withdrawn';

const MOVES: Record<Stage, Stage[]> = {
  proposed: ['visit_scheduled', 'refused', 'withdrawn'],
  visit_scheduled: ['visited', 'refused', 'withdrawn'],
  visited: ['agreed', 'visit_scheduled', 'refused', 'withdrawn'],
  agreed: ['refused', 'withdrawn'],
  signed: [],
  registered: [],
  refused: [],
  withdrawn: [],
};

/** The stages a proposal may move to by a plain stage change. */
export function nextStages(stage: Stage): Stage[] {
  return MOVES[stage] ?? [];
}

export function canMove(from: Stage, to: Stage): boolean {
  return nextStages(from).includes(to);
}

/** Documents the checklist must hold before the contract is signed. */
export const REQUIRED_BEFORE_SIGNING = ['identity_documents', 'income_proof', 'energy_certificate'] as const;

export function missingForSigning(checklist: readonly string[]): string[] {
  return REQUIRED_BEFORE_SIGNING.filter((c) => !checklist.includes(c));
}

/** True for a stage still in progress (neither ended nor concluded). */
export function isOpenStage(stage: Stage): boolean {
  return stage === 'proposed' || stage === 'visit_scheduled' || stage === 'visited' || stage === 'agreed';
}
