import { describe, expect, it } from '@jest/globals';
import { defineProblems, PROBLEMS, ProblemCatalogue, type ProblemCode } from '@slussen/core';
import { CONTEXT_PROBLEMS } from './problems.js';

// Every problem code of API.md. The compiler holds this list to the codes core and the
// contexts declare (ProblemCodes): a code declared and not listed here, or listed and
// not declared, fails the type check of this spec.
const EVERY_CODE: Record<ProblemCode, true> = {
  validation: true,
  unauthenticated: true,
  forbidden: true,
  'not-found': true,
  'method-not-allowed': true,
  'slot-full': true,
  'already-booked': true,
  conflict: true,
  'idempotency-in-progress': true,
  'payload-too-large': true,
  'unsupported-media-type': true,
  'headers-too-large': true,
  'booking-rule': true,
  'idempotency-mismatch': true,
  'rate-limited': true,
  internal: true,
  unavailable: true,
};

describe('problem codes of the contexts', () => {
  const catalogue = new ProblemCatalogue(CONTEXT_PROBLEMS);

  it('give every declared code an HTTP status and title', () => {
    for (const code of Object.keys(EVERY_CODE) as ProblemCode[]) {
      const type = catalogue.type(code);
      expect({ code, status: type?.status, title: typeof type?.title }).toEqual({
        code,
        status: expect.any(Number),
        title: 'string',
      });
      expect(type!.status).toBeGreaterThanOrEqual(400);
    }
    expect([...catalogue.codes].sort()).toEqual(Object.keys(EVERY_CODE).sort());
  });

  it('are declared by one context each, never by core and a context', () => {
    const declared = [Object.keys(PROBLEMS), ...CONTEXT_PROBLEMS.map((context) => Object.keys(context.codes))].flat();
    expect(declared.filter((code, index) => declared.indexOf(code) !== index)).toEqual([]);
    const constraints = CONTEXT_PROBLEMS.flatMap((context) => Object.keys(context.constraints));
    expect(constraints.filter((name, index) => constraints.indexOf(name) !== index)).toEqual([]);
  });

  it('refuse a code or a constraint declared twice, and a constraint mapped to an unknown code', () => {
    const slotFull = { 'slot-full': { status: 409, title: 'The slot is full' } };
    expect(() => new ProblemCatalogue([...CONTEXT_PROBLEMS, defineProblems('elsewhere', { codes: slotFull })])).toThrow(
      'problem code slot-full is declared by both scheduling and elsewhere',
    );
    expect(
      () =>
        new ProblemCatalogue([
          ...CONTEXT_PROBLEMS,
          defineProblems('elsewhere', { constraints: { users_email_unique: { code: 'conflict', detail: 'again' } } }),
        ]),
    ).toThrow('constraint users_email_unique is mapped by both identity and elsewhere');
    expect(
      () =>
        new ProblemCatalogue([
          defineProblems('alone', {
            constraints: { x_unique: { code: 'slot-full', detail: 'nobody maps slot-full' } },
          }),
        ]),
    ).toThrow('constraint x_unique of alone maps to slot-full, which has no HTTP mapping');
  });

  it('keep the type URIs, titles and statuses API.md fixes', () => {
    expect(Object.fromEntries(catalogue.codes.map((code) => [code, catalogue.type(code)]))).toMatchObject({
      'slot-full': { status: 409, title: 'The slot is full' },
      'already-booked': { status: 409, title: 'Your organization already holds this slot' },
      'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still running' },
      'booking-rule': { status: 422, title: 'A booking rule of the test bed is not met' },
      'idempotency-mismatch': { status: 422, title: 'The Idempotency-Key was used with another request' },
      'rate-limited': { status: 429, title: 'Too many requests' },
    });
  });
});
