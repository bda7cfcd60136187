import type { TopicReach } from '@slussen/core';

/** The scheduling context's outbox topics and their payloads (ids only; readers re-read the booking). */
export interface SchedulingTopics {
  'booking.requested': { bookingId: string };
  'booking.confirmed': { bookingId: string };
  'booking.rejected': { bookingId: string };
  'booking.waitlisted': { bookingId: string };
  'booking.promoted': { bookingId: string };
  'booking.cancelled': { bookingId: string };
  'booking.expired': { bookingId: string };
  'booking.rescheduled': { bookingId: string };
  /** `kind`: the reminder's key, such as `starts-in-7-days`. */
  'booking.starts-soon': { bookingId: string; kind: string };
  'booking.decision-due': { bookingId: string; kind: string };
  /** The booking's slot was closed to new bookings, or opened again (the booking itself stays). */
  'booking.slot-closed': { bookingId: string };
  'booking.slot-reopened': { bookingId: string };
}

declare module '@slussen/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OutboxTopics extends SchedulingTopics {}
}

/** A booking's change that tells of itself under `booking.<change>`. */
export type BookingChange = keyof SchedulingTopics extends infer T
  ? T extends `booking.${infer C}`
    ? C
    : never
  : never;

/** Each topic, and whom it tells: every change of a booking is a webhook event for its two organizations. */
export const SCHEDULING_TOPICS: Record<keyof SchedulingTopics, TopicReach> = {
  'booking.requested': 'webhook',
  'booking.confirmed': 'webhook',
  'booking.rejected': 'webhook',
  'booking.waitlisted': 'webhook',
  'booking.promoted': 'webhook',
  'booking.cancelled': 'webhook',
  'booking.expired': 'webhook',
  'booking.rescheduled': 'webhook',
  'booking.starts-soon': 'webhook',
  'booking.decision-due': 'webhook',
  'booking.slot-closed': 'webhook',
  'booking.slot-reopened': 'webhook',
};
