// What the booking routes answer, as the API's document describes it.
import type { Schema } from '../../api/types';

export type Booking = Schema<'BookingDto'>;
export type BookingStatus = Schema<'BookingStatus'>;
export type BookingEvent = Schema<'BookingEventDto'>;
export type BookingReasonCode = Schema<'BookingReasonCode'>;
