import { FieldError, ProblemCode } from './problem-codes.js';

/**
 * What a context throws when a request cannot be served: a problem code from
 * API.md and a sentence for the caller. The HTTP filter turns it into problem+json;
 * contexts never throw HttpException.
 */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly options: { errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not-found', `${what} was not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string) {
    super('conflict', detail);
  }
}

export class ValidationError extends DomainError {
  constructor(detail: string, errors: FieldError[] = []) {
    super('validation', detail, { errors });
  }
}

/** A stored answer to send again exactly (an Idempotency-Key replay of an error). */
export class ReplayedProblem extends Error {
  override name = 'ReplayedProblem';

  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super('replayed problem');
  }
}
