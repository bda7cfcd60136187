import { defineProblems } from '@slussen/core';

/** The constraints of pilots whose violation a caller is told in domain words. */
export const PILOTS_PROBLEMS = defineProblems('pilots', {
  constraints: {
    pilot_metrics_pilot_key: { code: 'conflict', detail: 'The pilot already has a metric with this key' },
    pilot_metrics_bounds_check: { code: 'validation', detail: 'A metric’s minimum cannot be above its maximum' },
    pilot_outcomes_pkey: { code: 'conflict', detail: 'The pilot’s outcome is already recorded' },
    pilot_outcomes_procurement_check: {
      code: 'validation',
      detail: 'A procured outcome needs the procurement reference and date',
    },
  },
});
