import type { TFunction } from 'i18next';
import type { BookingEvent } from './types';

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

/** Reasons the API itself writes (in English), by the code the page renders them from; anything else is a person's own words. */
export const BOOKING_SYSTEM_REASONS: Record<string, string> = {
  'not decided in time': 'not-decided',
  'the slot was cancelled': 'slot-cancelled',
  'a place became free': 'place-free',
  'the slot was closed to new bookings': 'slot-closed',
};

/** A booking event's heading in the reader's language; a type the page does not know yet still reads sensibly. */
export function bookingEventTitle(t: TFunction, event: Pick<BookingEvent, 'type'>): string {
  return (BOOKING_EVENT_TYPES as readonly string[]).includes(event.type)
    ? t(`booking:events.types.${event.type}`)
    : t('booking:events.unknown', { type: event.type });
}

/** The event's reason in the reader's language when the API wrote it, else as the person wrote it. */
export function bookingEventReason(t: TFunction, reason: string): string {
  const code = BOOKING_SYSTEM_REASONS[reason];
  return t('booking:events.reason', { reason: code ? t(`booking:events.reasons.${code}`) : reason });
}
