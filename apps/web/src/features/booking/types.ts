export type BookingStatus = 'pending' | 'confirmed' | 'waitlisted' | 'rejected' | 'cancelled' | 'expired';

export interface Booking {
  id: string;
  slotId: string;
  testbedId: string;
  organizationId: string;
  title: string;
  description: string | null;
  status: BookingStatus;
  startsAt?: string;
  endsAt?: string;
  decisionDueAt?: string | null;
  createdAt: string;
  updatedAt?: string;
  testbedName?: string;
  slotStartsAt?: string;
  slotEndsAt?: string;
  testbedTimezone?: string;
}

export interface BookingEvent {
  at: string;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { userId: string | null; apiTokenId: string | null } | null;
  reason: string | null;
}
