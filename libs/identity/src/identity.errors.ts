import { ConflictError, defineProblems, DomainError } from '@slussen/core';

/** The constraints of identity whose violation a caller is told in domain words. */
export const IDENTITY_PROBLEMS = defineProblems('identity', {
  constraints: {
    users_email_unique: { code: 'conflict', detail: 'An account with this e-mail address already exists' },
    organizations_org_number_unique: {
      code: 'conflict',
      detail: 'An organization with this organization number already exists',
    },
    memberships_pkey: { code: 'conflict', detail: 'This user is already a member of the organization' },
  },
});

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'The e-mail address or password is wrong');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('unauthenticated', 'The refresh token is not valid; sign in again');
  }
}

export class LastAdminError extends ConflictError {
  constructor() {
    super('An organization must keep at least one admin');
  }
}
