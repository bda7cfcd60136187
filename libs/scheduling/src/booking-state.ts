/**
 * The booking lifecycle as one table. `pending` and `confirmed` hold a place;
 * `waitlisted` waits for one. No role bypasses it: an action that is not
 * listed for the current status is a conflict.
 */
export const BOOKING_STATUSES = ['pending', 'confirmed', 'rejected', 'waitlisted', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export type BookingAction = 'approve' | 'reject' | 'cancel' | 'expire' | 'promote';

const TRANSITIONS: Record<BookingAction, Partial<Record<BookingStatus, BookingStatus | 'on-approval'>>> = {
  approve: { pending: 'confirmed' },
  reject: { pending: 'rejected' },
  cancel: { pending: 'cancelled', confirmed: 'cancelled', waitlisted: 'cancelled' },
  expire: { pending: 'expired' },
  // A freed place goes to the oldest waiting booking: pending when the test bed wants to approve, else confirmed.
  promote: { waitlisted: 'on-approval' },
};

export const HOLDS_PLACE: ReadonlySet<BookingStatus> = new Set(['pending', 'confirmed']);
export const ACTIVE: ReadonlySet<BookingStatus> = new Set(['pending', 'confirmed', 'waitlisted']);

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextStatus(
  from: BookingStatus,
  action: BookingAction,
  requiresApproval: boolean,
): BookingStatus | null {
  const to = TRANSITIONS[action][from];
  if (to === undefined) return null;
  if (to === 'on-approval') return requiresApproval ? 'pending' : 'confirmed';
  return to;
}

/** Whether the transition frees a place that the waiting list may take. */
export function freesPlace(from: BookingStatus, to: BookingStatus): boolean {
  return HOLDS_PLACE.has(from) && !HOLDS_PLACE.has(to);
}
