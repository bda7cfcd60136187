import { OUTCOME_RESULTS, type OutcomeResult } from './pilot-stage.js';

/** Every type of pilot event the API writes; a reader renders each from its type and facts. */
export const PILOT_EVENT_TYPES = [
  'created',
  'plan-changed',
  'plan-approved',
  'plan-agreed',
  'running',
  'evaluating',
  'completed',
  'aborted',
] as const;

/** Why an event happened, as a code a reader can render in its own language. */
export const PILOT_EVENT_CAUSES = [
  'booking-confirmed',
  'booking-withdrawn',
  'plan-replaced',
  'goals-changed',
  'metric-added',
  'plan-approved',
  'plan-agreed',
  'slot-started',
  'slot-ended',
  'outcome-recorded',
] as const;
export type PilotEventCause = (typeof PILOT_EVENT_CAUSES)[number];

/** The structured facts of a pilot event, beside its English `detail`. */
export interface PilotEventFacts {
  cause: PilotEventCause | null;
  planVersion: number | null;
  side: 'company' | 'testbed' | null;
  metricKey: string | null;
  result: OutcomeResult | null;
  bookingStatus: string | null;
  /** What a person wrote (an abort reason, say), in the language they wrote it. */
  reason: string | null;
}

const NONE: PilotEventFacts = {
  cause: null,
  planVersion: null,
  side: null,
  metricKey: null,
  result: null,
  bookingStatus: null,
  reason: null,
};

const PATTERNS: [RegExp, (match: RegExpExecArray) => Partial<PilotEventFacts>][] = [
  [/^the booking was confirmed$/, () => ({ cause: 'booking-confirmed' })],
  [/^the booking was (\w+)$/, ([, status]) => ({ cause: 'booking-withdrawn', bookingStatus: status! })],
  [/^plan replaced; plan version (\d+)$/, ([, version]) => ({ cause: 'plan-replaced', planVersion: Number(version) })],
  [/^goals changed; plan version (\d+)$/, ([, version]) => ({ cause: 'goals-changed', planVersion: Number(version) })],
  [
    /^metric (.+) added; plan version (\d+)$/,
    ([, key, version]) => ({ cause: 'metric-added', metricKey: key!, planVersion: Number(version) }),
  ],
  [
    /^(company|testbed) approved plan version (\d+)$/,
    ([, side, version]) => ({
      cause: 'plan-approved',
      side: side as 'company' | 'testbed',
      planVersion: Number(version),
    }),
  ],
  [
    /^plan version (\d+) agreed by both sides$/,
    ([, version]) => ({ cause: 'plan-agreed', planVersion: Number(version) }),
  ],
  [/^the slot started$/, () => ({ cause: 'slot-started' })],
  [/^the slot ended$/, () => ({ cause: 'slot-ended' })],
  [
    /^outcome: (\w+)$/,
    ([, result]) =>
      (OUTCOME_RESULTS as readonly string[]).includes(result!)
        ? { cause: 'outcome-recorded', result: result as OutcomeResult }
        : {},
  ],
];

/** Machine-written details (as the API has written them) become facts; anything else on a stage change is a person's reason. */
export function pilotEventFacts(type: string, detail: string | null): PilotEventFacts {
  if (!detail) return NONE;
  for (const [pattern, facts] of PATTERNS) {
    const match = pattern.exec(detail);
    if (match) {
      const found = facts(match);
      if (found.cause) return { ...NONE, ...found };
    }
  }
  return { ...NONE, reason: ['running', 'evaluating', 'completed', 'aborted'].includes(type) ? detail : null };
}
