import { HttpException, HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isConnectionLoss } from '../errors/connection-loss.js';
import { DomainError, ReplayedProblem } from '../errors/domain-error.js';
import { problemCatalogue } from '../errors/problem-catalogue.js';
import { FieldError, ProblemCode } from '../errors/problem-codes.js';

/** An RFC 9457 problem document as API.md fixes it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface ProblemResult {
  problem: Problem;
  /** True when the cause is ours, not the caller's: log it with its stack. */
  unexpected: boolean;
}

const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation',
  429: 'rate-limited',
  503: 'unavailable',
};

// PostgreSQL SQLSTATEs a caller can cause or should simply retry.
const SQLSTATE_PROBLEMS: Record<string, { code: ProblemCode; detail: string }> = {
  '23505': { code: 'conflict', detail: 'This would duplicate something that must be unique' },
  '23P01': { code: 'conflict', detail: 'This would overlap something it may not overlap' },
  '23514': { code: 'conflict', detail: 'This would break a rule of the current state' },
  '23503': { code: 'conflict', detail: 'This refers to something that does not exist or is still in use' },
  '40001': { code: 'conflict', detail: 'A concurrent change got in the way; try again' },
  '40P01': { code: 'conflict', detail: 'A concurrent change got in the way; try again' },
  '22P02': { code: 'validation', detail: 'A value has the wrong format' },
  '22007': { code: 'validation', detail: 'A date or time has the wrong format' },
  '22008': { code: 'validation', detail: 'A date or time is out of range' },
  '22003': { code: 'validation', detail: 'A number is out of range' },
  '57014': { code: 'unavailable', detail: 'The database took too long to answer; try again' },
  '53300': { code: 'unavailable', detail: 'The database has too many connections; try again' },
};

/** Seconds a caller of a 503 is asked to wait (the Retry-After header): a lost connection is back within moments. */
export const RETRY_AFTER_SECONDS = 1;

function build(code: ProblemCode, detail: string, instance: string, extra: Partial<Problem> = {}): Problem {
  // A code no registered context declared is our mistake: answer as an internal error rather than guess.
  const { status, title } = problemCatalogue().type(code) ?? problemCatalogue().type('internal')!;
  return { type: `/problems/${code}`, title, status, detail, instance, ...extra };
}

/** Maps anything thrown while serving a request to the problem the caller gets. */
export function toProblem(exception: unknown, instance: string, errorId: string): ProblemResult {
  if (exception instanceof ReplayedProblem) {
    return { problem: { ...exception.body, instance } as Problem, unexpected: false };
  }
  if (exception instanceof DomainError) {
    const { errors, extensions } = exception.options;
    return {
      problem: build(exception.code, exception.detail, instance, {
        ...extensions,
        ...(errors?.length ? { errors: errors.map(withCode) } : {}),
      }),
      unexpected: false,
    };
  }

  if (exception instanceof HttpException) {
    const code = CODE_BY_STATUS[exception.getStatus()];
    if (code) return { problem: build(code, messageOf(exception), instance), unexpected: code === 'unavailable' };
  }

  if (exception instanceof QueryFailedError) {
    const driverError = exception.driverError as { code?: string; constraint?: string };
    const mapped = problemCatalogue().constraint(driverError.constraint) ?? SQLSTATE_PROBLEMS[driverError.code ?? ''];
    if (mapped)
      return { problem: build(mapped.code, mapped.detail, instance), unexpected: mapped.code === 'unavailable' };
  }

  // Not logged with its stack and query: a dropped connection is the network's doing, and the access log has the 503.
  if (isConnectionLoss(exception)) {
    return {
      problem: build('unavailable', 'A service Slussen depends on is not reachable; try again shortly', instance),
      unexpected: false,
    };
  }

  return {
    problem: build(
      'internal',
      `Something went wrong on our side. Quote error id ${errorId} if you report it.`,
      instance,
      { errorId },
    ),
    unexpected: true,
  };
}

function withCode(error: FieldError): Required<FieldError> {
  return { field: error.field, message: error.message, code: error.code ?? 'invalid' };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string' && message.length > 0) return message;
  return HttpStatus[exception.getStatus()]?.toString() ?? exception.message;
}
