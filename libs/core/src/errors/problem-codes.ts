/** The problem codes of API.md, each with its HTTP status and a short title. */
export const PROBLEMS = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'You may not do this' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'slot-full': { status: 409, title: 'The slot is full' },
  'already-booked': { status: 409, title: 'Your organization already holds this slot' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still running' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'headers-too-large': { status: 431, title: 'The request line or headers are too large' },
  'booking-rule': { status: 422, title: 'A booking rule of the test bed is not met' },
  'idempotency-mismatch': { status: 422, title: 'The Idempotency-Key was used with another request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

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
