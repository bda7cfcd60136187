import { defineProblems } from '@slussen/core';

/** The constraints of the catalogue whose violation a caller is told in domain words. */
export const CATALOGUE_PROBLEMS = defineProblems('catalogue', {
  constraints: {
    testbeds_slug_unique: { code: 'conflict', detail: 'Another test bed already has this name; choose another' },
    testbeds_capacity_covers_slots: {
      code: 'conflict',
      detail: 'Open slots overlap more places than this capacity; cancel or shrink slots first',
    },
  },
});
