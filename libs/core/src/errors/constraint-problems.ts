import type { ProblemCode, ProblemType } from './problem-codes.js';

export interface ConstraintProblem {
  code: ProblemCode;
  detail: string;
}

/**
 * What one context tells callers: the HTTP mapping of the problem codes it
 * declared, and the constraints whose violation means something to a caller
 * (constraint names are explicit in every entity and migration, HOUSE_STYLE 8,
 * so a violation can be told in domain words).
 */
export interface ContextProblems {
  readonly context: string;
  readonly codes: Readonly<Partial<Record<ProblemCode, ProblemType>>>;
  readonly constraints: Readonly<Record<string, ConstraintProblem>>;
}

export function defineProblems(
  context: string,
  parts: { codes?: ContextProblems['codes']; constraints?: ContextProblems['constraints'] },
): ContextProblems {
  return { context, codes: parts.codes ?? {}, constraints: parts.constraints ?? {} };
}
