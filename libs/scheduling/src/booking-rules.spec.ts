import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '@slussen/core';
import { availability, bookability, BookingRules, slotRefusal, type SlotRuleFacts } from './booking-rules.js';

const DAY = 86_400_000;
const now = Date.UTC(2027, 2, 1, 12);
const slot = (overrides: Partial<SlotRuleFacts> = {}): SlotRuleFacts => ({
  testbedStatus: 'published',
  status: 'open',
  startsAt: new Date(now + 20 * DAY),
  minLeadDays: 14,
  maxAdvanceDays: 60,
  capacity: 2,
  held: 0,
  maxActiveBookingsPerCompany: 2,
  ...overrides,
});
const free = { holdsSlot: false, activePlaces: 0 };

describe('booking rules', () => {
  it('meets the slot-wide rules in the booking path’s order', () => {
    expect(slotRefusal(slot(), now)).toBeNull();
    expect(slotRefusal(slot({ testbedStatus: 'retired', status: 'cancelled' }), now)).toBe('testbed-retired');
    expect(slotRefusal(slot({ status: 'cancelled', startsAt: new Date(now - DAY) }), now)).toBe('slot-cancelled');
    expect(slotRefusal(slot({ status: 'closed', startsAt: new Date(now - DAY) }), now)).toBe('slot-closed');
    expect(slotRefusal(slot({ startsAt: new Date(now) }), now)).toBe('slot-started');
    expect(slotRefusal(slot({ startsAt: new Date(now + 14 * DAY - 1) }), now)).toBe('min-lead-days');
    expect(slotRefusal(slot({ startsAt: new Date(now + 14 * DAY) }), now)).toBeNull();
    expect(slotRefusal(slot({ startsAt: new Date(now + 60 * DAY) }), now)).toBeNull();
    expect(slotRefusal(slot({ startsAt: new Date(now + 60 * DAY + 1) }), now)).toBe('max-advance-days');
  });

  it('offers a closed slot to nobody, not even its waiting list', () => {
    expect(bookability(slot({ status: 'closed', held: 2 }), free, now)).toEqual({
      bookable: false,
      reason: 'slot-closed',
      waitlistable: false,
    });
  });

  it('adds the company’s own standing, and lets a full slot be waited for whatever the limit', () => {
    expect(bookability(slot(), free, now)).toEqual({ bookable: true, reason: null, waitlistable: false });
    expect(bookability(slot({ held: 2 }), free, now)).toEqual({ bookable: false, reason: 'full', waitlistable: true });
    expect(bookability(slot({ held: 2 }), { holdsSlot: false, activePlaces: 2 }, now)).toEqual({
      bookable: false,
      reason: 'full',
      waitlistable: true,
    });
    expect(bookability(slot({ held: 1 }), { holdsSlot: false, activePlaces: 2 }, now)).toEqual({
      bookable: false,
      reason: 'company-limit',
      waitlistable: false,
    });
    expect(bookability(slot({ held: 2 }), { holdsSlot: true, activePlaces: 1 }, now)).toEqual({
      bookable: false,
      reason: 'already-booked',
      waitlistable: false,
    });
    expect(bookability(slot({ held: 2, minLeadDays: 30 }), free, now)).toEqual({
      bookable: false,
      reason: 'min-lead-days',
      waitlistable: false,
    });
  });

  it('tells everyone the slot-wide reason, or full, without the company’s own standing', () => {
    expect(availability(slot(), now)).toEqual({ bookable: true, reason: null });
    expect(availability(slot({ held: 2 }), now)).toEqual({ bookable: false, reason: 'full' });
    expect(availability(slot({ held: 2, status: 'closed' }), now)).toEqual({ bookable: false, reason: 'slot-closed' });
    expect(availability(slot({ startsAt: new Date(now + DAY) }), now)).toEqual({
      bookable: false,
      reason: 'min-lead-days',
    });
  });

  it('reads the Clock: moving it across the minimum lead time closes the slot to bookings', () => {
    const clock = new ManualClock(new Date(now));
    const rules = new BookingRules(clock);
    const startsAt = new Date(now + 20 * DAY);
    // 14 days' lead: bookable until 6 days from now, not a millisecond later.
    clock.set(new Date(startsAt.getTime() - 14 * DAY));
    expect(rules.refusal(slot({ startsAt }))).toBeNull();
    expect(rules.availability(slot({ startsAt }))).toEqual({ bookable: true, reason: null });
    clock.set(new Date(startsAt.getTime() - 14 * DAY + 1));
    expect(rules.refusal(slot({ startsAt }))).toBe('min-lead-days');
    expect(rules.judge(slot({ startsAt }), free)).toEqual({
      bookable: false,
      reason: 'min-lead-days',
      waitlistable: false,
    });
    clock.set(startsAt);
    expect(rules.refusal(slot({ startsAt }))).toBe('slot-started');
    expect(rules.started(startsAt)).toBe(true);
  });

  it('sets a request’s decision deadline from the Clock, never after the slot starts', () => {
    const clock = new ManualClock(new Date(now));
    const rules = new BookingRules(clock);
    const startsAt = new Date(now + 20 * DAY);
    expect(rules.decisionDue({ decisionDays: 5, startsAt })).toEqual(new Date(now + 5 * DAY));
    clock.set(new Date(now + 18 * DAY));
    expect(rules.decisionDue({ decisionDays: 5, startsAt })).toEqual(startsAt);
  });
});
