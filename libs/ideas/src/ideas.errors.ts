import { defineProblems } from '@slussen/core';

/** The constraints of ideas whose violation a caller is told in domain words (ideas declares no codes of its own). */
export const IDEAS_PROBLEMS = defineProblems('ideas', {
  constraints: {
    idea_answers_one_per_company: { code: 'conflict', detail: 'Your company has already answered this need' },
    idea_answers_one_accepted: { code: 'conflict', detail: 'Another answer to this need is already accepted' },
    ideas_public_needs_only: { code: 'validation', detail: 'Only a need can be public; an idea stays with the sluice' },
    bookings_idea_link_permitted: {
      code: 'conflict',
      detail:
        'This booking cannot pilot that idea: the idea must be accepted, the test bed one it is matched to, and your company the one whose answer was accepted or whose idea it is',
    },
    sluices_submitters_check: {
      code: 'validation',
      detail: 'A sluice takes submissions from staff, companies or anyone',
    },
  },
});
