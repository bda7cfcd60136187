/**
 * Why the system itself changed a booking, as a stable code beside the event's
 * English `reason` (which stays as the API has always written it). A reader
 * renders the code in its own language; a person's own words have no code.
 */
export const BOOKING_REASON_CODES = ['slot-cancelled', 'slot-closed', 'not-decided', 'place-free', 'moved'] as const;
export type BookingReasonCode = (typeof BOOKING_REASON_CODES)[number];

/** The English text each code has been written with (the `reason` when nobody gave one of their own). */
export const BOOKING_REASON_TEXT: Record<Exclude<BookingReasonCode, 'moved'>, string> = {
  'slot-cancelled': 'the slot was cancelled',
  'slot-closed': 'the slot was closed to new bookings',
  'not-decided': 'not decided in time',
  'place-free': 'a place became free',
};
