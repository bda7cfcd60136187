import { defineProblems, type ProblemType } from '@slussen/core';

declare module '@slussen/core' {
  interface ProblemCodes {
    'slot-full': ProblemType;
    'already-booked': ProblemType;
    'booking-rule': ProblemType;
    'idempotency-in-progress': ProblemType;
    'idempotency-mismatch': ProblemType;
  }
}

/** Scheduling's problem codes (API.md) and the constraints whose violation a caller is told in domain words. */
export const SCHEDULING_PROBLEMS = defineProblems('scheduling', {
  codes: {
    'slot-full': { status: 409, title: 'The slot is full' },
    'already-booked': { status: 409, title: 'Your organization already holds this slot' },
    'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still running' },
    'booking-rule': { status: 422, title: 'A booking rule of the test bed is not met' },
    'idempotency-mismatch': { status: 422, title: 'The Idempotency-Key was used with another request' },
  },
  constraints: {
    slots_within_testbed_capacity: {
      code: 'conflict',
      detail: 'Overlapping slots would offer more places than the test bed can host at once',
    },
    slots_held_within_capacity: {
      code: 'conflict',
      detail: 'The slot’s capacity cannot go below the places already held',
    },
    bookings_one_per_company_slot: {
      code: 'already-booked',
      detail: 'Your organization already holds or waits for this slot',
    },
    slots_period_check: { code: 'validation', detail: 'A slot must end after it starts and last at most a year' },
  },
});
