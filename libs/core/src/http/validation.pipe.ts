import { ValidationPipe, type ArgumentMetadata, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError } from '../errors/domain-error.js';
import type { FieldError } from '../errors/problem-codes.js';
import { checkRequestText, malformedUnicode } from './control-characters.js';

// Constraints that say what kind of value a field takes: when several fail, the
// caller hears about the kind first ("must be a string", not "must be shorter").
const KIND_CONSTRAINTS = new Set([
  'nestedValidation',
  'isString',
  'isInt',
  'isNumber',
  'isNumberString',
  'isBoolean',
  'isDate',
  'isDateString',
  'isIso8601',
  'isArray',
  'isObject',
  'isEnum',
  'isIn',
  'isUuid',
  'isEmail',
  'isUrl',
  'isTimeZone',
  'isLatitude',
  'isLongitude',
]);

const CODE_BY_CONSTRAINT: Record<string, string> = { whitelistValidation: 'unknownField' };

/**
 * Every DTO is validated: unknown fields are a 400, values are transformed to
 * their types, and every string in a body, query or path parameter is refused
 * when it holds control characters (tab and line break only in `@MultilineText()`
 * fields). Each field error carries a stable `code` for translations: the
 * class-validator constraint (`isString`, `maxLength`, ...), `required` for a
 * missing value, `unknownField`, `controlCharacter` or `malformedUnicode`.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const field = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const malformed = malformedUnicode(value, field);
    if (malformed.length > 0) throw new ValidationError(describe(malformed), malformed);
    const result: unknown = await super.transform(value, metadata);
    const problems = checkRequestText(result, field);
    if (problems.length > 0) throw new ValidationError(describe(problems), problems);
    return result;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The value stays in the error objects only so that a missing one can be told apart; it is never answered.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new ValidationError(describe(fieldErrors), fieldErrors);
    },
  });
}

function describe(errors: FieldError[]): string {
  return errors.map((error) => `${error.field}: ${error.message}`).join('; ');
}

/** One error per field: "required" when it is missing, else its kind, else the first rule it breaks as written. */
function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    return [...own(error, field), ...flatten(error.children ?? [], field)];
  });
}

function own(error: ClassValidatorError, field: string): FieldError[] {
  // Decorators register bottom-up, so the one written first comes last.
  const constraints = Object.entries(error.constraints ?? {}).reverse();
  if (constraints.length === 0) return [];
  const unknown = constraints.find(([name]) => name === 'whitelistValidation');
  if (unknown) return [{ field, message: unknown[1], code: CODE_BY_CONSTRAINT.whitelistValidation! }];
  if (error.value === undefined || error.value === null)
    return [{ field, message: `${error.property} is required`, code: 'required' }];
  const [name, message] = constraints.find(([constraint]) => KIND_CONSTRAINTS.has(constraint)) ?? constraints[0]!;
  return [{ field, message, code: CODE_BY_CONSTRAINT[name] ?? name }];
}
