import type { TFunction } from 'i18next';
import type { BookingEvent, BookingReasonCode } from './types';

/** Every booking event type the API writes; the i18n spec holds both languages to them. */
export const BOOKING_EVENT_TYPES = [
  'requested',
  'booked',
  'confirmed',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'waitlisted',
  'promoted',
  'rescheduled',
  'slot-closed',
  'slot-reopened',
] as const;

/** Every reason code the API writes (BookingReasonCode); the i18n spec holds both languages to them. */
export const BOOKING_REASON_CODES = [
  'slot-cancelled',
  'slot-closed',
  'not-decided',
  'place-free',
  'moved',
] as const satisfies readonly BookingReasonCode[];

/**
 * A slot's managers may give their own words when they cancel or close it; the
 * API then keeps them as the reason beside the code. These are its words when
 * they gave none, which the code already says.
 */
const UNSAID: Partial<Record<BookingReasonCode, string>> = {
  'slot-cancelled': 'the slot was cancelled',
  'slot-closed': 'the slot was closed to new bookings',
};

/** A booking event's heading in the reader's language; a type the page does not know yet still reads sensibly. */
export function bookingEventTitle(t: TFunction, event: Pick<BookingEvent, 'type'>): string {
  return (BOOKING_EVENT_TYPES as readonly string[]).includes(event.type)
    ? t(`booking:events.types.${event.type}`)
    : t('booking:events.unknown', { type: event.type });
}

/**
 * The event's reason in the reader's language: by its code when the system made
 * the change (with a manager's own words after it), else as the person wrote it;
 * null when there is none.
 */
export function bookingEventReason(t: TFunction, event: Pick<BookingEvent, 'reason' | 'reasonCode'>): string | null {
  const code = event.reasonCode;
  if (code && (BOOKING_REASON_CODES as readonly string[]).includes(code)) {
    const why = t(`booking:events.reasons.${code}`);
    const words = code in UNSAID && event.reason && event.reason !== UNSAID[code] ? event.reason : null;
    return t('booking:events.reason', { reason: words ? `${why}: ${words}` : why });
  }
  return event.reason ? t('booking:events.reason', { reason: event.reason }) : null;
}
