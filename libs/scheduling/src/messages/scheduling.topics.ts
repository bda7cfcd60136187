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

export const SCHEDULING_TOPICS: Record<keyof SchedulingTopics, true> = {
  'booking.requested': true,
  'booking.confirmed': true,
  'booking.rejected': true,
  'booking.waitlisted': true,
  'booking.promoted': true,
  'booking.cancelled': true,
  'booking.expired': true,
  'booking.rescheduled': true,
  'booking.starts-soon': true,
  'booking.decision-due': true,
  'booking.slot-closed': true,
  'booking.slot-reopened': true,
};
