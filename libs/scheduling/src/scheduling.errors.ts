import { registerConstraintProblems } from '@slussen/core';

registerConstraintProblems({
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
});
