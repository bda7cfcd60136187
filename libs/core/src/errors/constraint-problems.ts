import { ProblemCode } from './problem-codes.js';

export interface ConstraintProblem {
  code: ProblemCode;
  detail: string;
}

// Constraint names are explicit in every entity and migration (HOUSE_STYLE 8),
// so a violation can be told to the caller in domain words.
const constraintProblems = new Map<string, ConstraintProblem>();

/** Called by each context for the constraints whose violation means something to a caller. */
export function registerConstraintProblems(problems: Record<string, ConstraintProblem>): void {
  for (const [constraint, problem] of Object.entries(problems)) constraintProblems.set(constraint, problem);
}

export function constraintProblem(constraint: string | undefined): ConstraintProblem | undefined {
  return constraint ? constraintProblems.get(constraint) : undefined;
}
