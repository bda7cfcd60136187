import { BookingEvent } from './entities/booking-event.entity.js';
import { BookingReminder } from './entities/booking-reminder.entity.js';
import { Booking } from './entities/booking.entity.js';
import { CalendarFeedToken } from './entities/calendar-feed-token.entity.js';
import { IdempotencyKey } from './entities/idempotency-key.entity.js';
import { Slot } from './entities/slot.entity.js';

export { Booking, Slot };
export const SCHEDULING_ENTITIES = [Slot, Booking, BookingEvent, IdempotencyKey, CalendarFeedToken, BookingReminder];
