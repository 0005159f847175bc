// The matching engine: exact optimisation, constraints, explanations. Pure TypeScript, no I/O,
// no runtime dependency. See README.md in this folder for the API and the measured figures.
export { type Assignment, assignDense, assignSparse, type BipartiteGraph } from './assignment.js';
export { type AssignmentMethod, assignDenseCertified, maxWeightAssignment } from './certified.js';
export {
  type AllocationProblem,
  type AllocationSolution,
  type ChosenPair,
  type ChosenPlace,
  type Factors,
  MatchingInputError,
  type PairCandidate,
  type PairingProblem,
  type PairingSolution,
  type PlaceCandidate,
  solveAllocation,
  solvePairing,
} from './constraints.js';
export {
  explainAllocation,
  explainPairing,
  type PairAlternative,
  type PersonExplanation,
  type WhatIf,
  type WhatIfChange,
  whatIfAllocation,
  whatIfPairing,
} from './explain.js';
export { type AssignmentInstance, type GeneralInstance, InstanceFormatError, type InstanceKind, parseInstance } from './format.js';
export { type GeneralGraph, type GeneralMatching, type MatchingStart, maxWeightMatching } from './general.js';
