import type { OutcomeResult } from './pilot-stage.js';

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

/**
 * The structured facts of a pilot event, written with it (`pilot_events.facts`,
 * and by the pilots_follow_bookings trigger for the events a booking causes).
 * The English `detail` is rendered from them, for the API's older readers.
 */
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

/** Every fact of an event, those it does not have as null (as the API answers them). */
export function completeFacts(stored: Partial<PilotEventFacts> | null | undefined): PilotEventFacts {
  return { ...NONE, ...stored };
}

/** The English sentence the API has always given as an event's `detail`, from its facts. */
export function pilotEventDetail(facts: Partial<PilotEventFacts>): string | null {
  const { planVersion: version } = facts;
  switch (facts.cause) {
    case 'booking-confirmed':
      return 'the booking was confirmed';
    case 'booking-withdrawn':
      return `the booking was ${facts.bookingStatus}`;
    case 'plan-replaced':
      return `plan replaced; plan version ${version}`;
    case 'goals-changed':
      return `goals changed; plan version ${version}`;
    case 'metric-added':
      return `metric ${facts.metricKey} added; plan version ${version}`;
    case 'plan-approved':
      return `${facts.side} approved plan version ${version}`;
    case 'plan-agreed':
      return `plan version ${version} agreed by both sides`;
    case 'slot-started':
      return 'the slot started';
    case 'slot-ended':
      return 'the slot ended';
    case 'outcome-recorded':
      return `outcome: ${facts.result}`;
    default:
      return facts.reason ?? null;
  }
}
