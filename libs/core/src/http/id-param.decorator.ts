import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from '../errors/domain-error.js';

/** A path parameter that must be a UUID; anything else is a 400 validation problem, never a 500. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ValidationError(`${name} must be a UUID`, [{ field: name, message: 'must be a UUID', code: 'isUuid' }]),
    }),
  );
