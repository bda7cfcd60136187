// What the manager workspace reads from the API (its generated types, where the API describes the answer).
import type { Schema } from '../../api/types';
import type { Booking } from '../booking/types';

export type { Testbed, Slot, Domain } from '../catalogue/types';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A booking as the test bed's managers see it: the asking company named. */
export type ManagedBooking = Booking;

export type SlotPreview = Schema<'SlotPreviewDto'>;
export type PreviewedSlot = SlotPreview['items'][number];

export interface SlotsCommand {
  startsAt: string;
  endsAt: string;
  capacity: number;
  recurrence?: { frequency: 'weekly' | 'monthly'; interval: number; count?: number; until?: string };
}

/** What the inbox shows of a company's pilots. */
export interface PilotSummary {
  id: string;
  title?: string;
  testbedName?: string;
  stage: string;
  organizationId: string;
}

/** How full a slot is, as the calendar and its list show it. */
export type SlotState = 'open' | 'partly' | 'full' | 'closed' | 'past' | 'cancelled';
