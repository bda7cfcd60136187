import { describe, expect, it } from '@jest/globals';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { defineProblems } from '../errors/constraint-problems.js';
import { registerProblems } from '../errors/problem-catalogue.js';
import type { ProblemCode } from '../errors/problem-codes.js';
import { DomainError } from '../errors/domain-error.js';
import { toProblem } from './problem.js';

const pgError = (code: string, constraint?: string) =>
  new QueryFailedError(
    'INSERT INTO secret_table VALUES ($1)',
    ['private'],
    Object.assign(new Error('duplicate key'), { code, constraint }),
  );

// A context's problems, registered as an app registers its contexts' (core knows none of them).
const [bookingRule, alreadyBooked] = ['booking-rule', 'already-booked'] as ProblemCode[];
registerProblems([
  defineProblems('scheduling', {
    codes: {
      [bookingRule!]: { status: 422, title: 'A booking rule of the test bed is not met' },
      [alreadyBooked!]: { status: 409, title: 'Your organization already holds this slot' },
    },
    constraints: {
      booking_one_per_company: { code: alreadyBooked!, detail: 'Your organization already holds this slot' },
    },
  }),
]);

describe('toProblem', () => {
  it('keeps a domain error’s code, detail, field errors and extensions', () => {
    const { problem, unexpected } = toProblem(
      new DomainError(bookingRule!, 'Bookings open 14 days ahead', {
        errors: [{ field: 'slotId', message: 'too soon' }],
        extensions: { rule: 'minLeadDays' },
      }),
      '/api/v1/slots/1/bookings',
      'req-1',
    );
    expect(unexpected).toBe(false);
    expect(problem).toEqual({
      type: '/problems/booking-rule',
      title: 'A booking rule of the test bed is not met',
      status: 422,
      detail: 'Bookings open 14 days ahead',
      instance: '/api/v1/slots/1/bookings',
      errors: [{ field: 'slotId', message: 'too soon', code: 'invalid' }],
      rule: 'minLeadDays',
    });
  });

  it('maps Nest and body-parser HTTP errors by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'), '/x', 'r').problem).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      detail: 'Cannot GET /x',
    });
    expect(toProblem(new BadRequestException('Unexpected token'), '/x', 'r').problem).toMatchObject({
      type: '/problems/validation',
      status: 400,
    });
    expect(toProblem(new HttpException('too big', 413), '/x', 'r').problem).toMatchObject({
      type: '/problems/payload-too-large',
      status: 413,
    });
    expect(toProblem(new HttpException('slow down', 429), '/x', 'r').problem).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
    });
  });

  it('maps database constraint violations to 409 and registered constraints to their own problem', () => {
    expect(toProblem(pgError('23505', 'some_unique'), '/x', 'r').problem).toMatchObject({
      type: '/problems/conflict',
      status: 409,
    });
    expect(toProblem(pgError('23P01'), '/x', 'r').problem).toMatchObject({ status: 409 });
    expect(toProblem(pgError('23514'), '/x', 'r').problem).toMatchObject({ status: 409 });
    expect(toProblem(pgError('23505', 'booking_one_per_company'), '/x', 'r').problem).toMatchObject({
      type: '/problems/already-booked',
      detail: 'Your organization already holds this slot',
    });
  });

  it('never shows SQL, parameters or messages of unexpected errors, and carries the error id', () => {
    for (const error of [
      pgError('XX000'),
      new Error('password=hunter2'),
      'a string',
      null,
      new HttpException('boom at db.internal', 500),
    ]) {
      const { problem, unexpected } = toProblem(error, '/x', 'req-42');
      expect(unexpected).toBe(true);
      expect(problem).toMatchObject({ type: '/problems/internal', status: 500, errorId: 'req-42' });
      expect(JSON.stringify(problem)).not.toMatch(/secret_table|private|hunter2|a string|boom/);
    }
  });

  it('answers 503 when a dependency is unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toProblem(refused, '/x', 'r').problem).toMatchObject({ type: '/problems/unavailable', status: 503 });
    expect(JSON.stringify(toProblem(refused, '/x', 'r').problem)).not.toContain('5432');
  });

  it('answers 503, never 500, when a database connection is lost under a query', () => {
    const lost = [
      pgError('57P01'),
      pgError('57P02'),
      pgError('57P03'),
      pgError('08000'),
      pgError('08003'),
      pgError('08006'),
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ];
    for (const error of lost) {
      expect(toProblem(error, '/x', 'r').problem).toMatchObject({ type: '/problems/unavailable', status: 503 });
      expect(JSON.stringify(toProblem(error, '/x', 'r').problem)).not.toMatch(/SELECT|secret_table|5432/);
    }
    // Any other server error is still ours, whatever its message says.
    expect(toProblem(pgError('XX000'), '/x', 'r').problem.status).toBe(500);
  });
});
