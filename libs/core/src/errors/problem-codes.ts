/** A problem code's HTTP status and short title, as API.md fixes them. */
export interface ProblemType {
  status: number;
  title: string;
}

/** The problem codes of API.md that belong to no context: each with its HTTP status and a short title. */
export const PROBLEMS = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'You may not do this' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'headers-too-large': { status: 431, title: 'The request line or headers are too large' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, ProblemType>;

type CoreProblemCodes = { [Code in keyof typeof PROBLEMS]: ProblemType };

/**
 * Every problem code: core's, and those each context declares beside its code
 * (`<context>.errors.ts`) by declaration merging, as `PolicySubjects` does:
 *
 *     declare module '@slussen/core' { interface ProblemCodes { 'slot-full': ProblemType } }
 *
 * with its HTTP mapping in the context's `defineProblems(...)`, which the app registers.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProblemCodes extends CoreProblemCodes {}

export type ProblemCode = keyof ProblemCodes & string;

export interface FieldError {
  field: string;
  message: string;
  /**
   * A stable word for what is wrong, for translations: the class-validator
   * constraint (`isString`, `maxLength`, ...), `required`, `unknownField`,
   * `controlCharacter`, `malformedUnicode`; `invalid` when nothing more precise is known.
   */
  code?: string;
}
