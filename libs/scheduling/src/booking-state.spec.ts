import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BOOKING_STATUSES, freesPlace, HOLDS_PLACE, nextStatus, type BookingAction } from './booking-state.js';

const ACTIONS: BookingAction[] = ['approve', 'reject', 'cancel', 'expire', 'promote'];

describe('booking state machine', () => {
  it('moves a request through its legal transitions', () => {
    expect(nextStatus('pending', 'approve', true)).toBe('confirmed');
    expect(nextStatus('pending', 'reject', true)).toBe('rejected');
    expect(nextStatus('pending', 'expire', true)).toBe('expired');
    expect(nextStatus('confirmed', 'cancel', true)).toBe('cancelled');
    expect(nextStatus('waitlisted', 'promote', true)).toBe('pending');
    expect(nextStatus('waitlisted', 'promote', false)).toBe('confirmed');
    expect(nextStatus('waitlisted', 'cancel', false)).toBe('cancelled');
  });

  it('refuses everything else, whatever the role', () => {
    expect(nextStatus('cancelled', 'approve', true)).toBeNull();
    expect(nextStatus('confirmed', 'approve', true)).toBeNull();
    expect(nextStatus('confirmed', 'reject', true)).toBeNull();
    expect(nextStatus('waitlisted', 'approve', true)).toBeNull();
    expect(nextStatus('expired', 'cancel', true)).toBeNull();
  });

  it('property: final statuses have no way out, and only leaving pending/confirmed frees a place', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BOOKING_STATUSES),
        fc.constantFrom(...ACTIONS),
        fc.boolean(),
        (from, action, approval) => {
          const to = nextStatus(from, action, approval);
          if (['rejected', 'cancelled', 'expired'].includes(from)) expect(to).toBeNull();
          if (to !== null) {
            expect(to).not.toBe(from);
            expect(freesPlace(from, to)).toBe(HOLDS_PLACE.has(from) && !HOLDS_PLACE.has(to));
            // Only a promotion takes a place.
            if (!HOLDS_PLACE.has(from) && HOLDS_PLACE.has(to)) expect(action).toBe('promote');
          }
        },
      ),
    );
  });
});
