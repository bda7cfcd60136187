import { defineProblems } from '@slussen/core';

/** The constraints of the results library whose violation a caller is told in domain words. */
export const LIBRARY_PROBLEMS = defineProblems('library', {
  constraints: {
    result_adoptions_result_organization_unique: {
      code: 'conflict',
      detail: 'The organization has already recorded that it adopted this result',
    },
    results_parts_check: { code: 'validation', detail: 'A consent names a part the results library does not know' },
    results_published_check: { code: 'conflict', detail: 'A result is published exactly while both sides consent' },
  },
});
