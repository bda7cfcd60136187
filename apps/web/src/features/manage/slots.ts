import type { Slot, SlotState } from './types';

export function slotState(slot: Slot, now: number): SlotState {
  if (slot.status === 'cancelled') return 'cancelled';
  if (new Date(slot.endsAt).getTime() <= now) return 'past';
  if (slot.status === 'closed') return 'closed';
  if (slot.remaining <= 0) return 'full';
  if (slot.remaining < slot.capacity) return 'partly';
  return 'open';
}

/** Places held by bookings: a closed slot keeps its bookings, a cancelled one holds none. */
export function heldPlaces(slot: Slot): number {
  return slot.status === 'cancelled' ? 0 : slot.capacity - slot.remaining;
}

/** "UTC+2", "UTC+5:30". */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** Monday of the ISO week of a YYYY-MM-DD day. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(new Date(`${day}T12:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
