import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@slussen/core';

/**
 * Why a company may not book a slot now, in the order the booking path meets
 * them. The first six hold for every company; `already-booked` and
 * `company-limit` depend on the company (the database enforces both: the
 * partial unique index bookings_one_per_company_slot and the trigger
 * bookings_company_limit); `full` means every place is taken.
 */
const SLOT_WIDE_REASONS = [
  'testbed-retired',
  'slot-cancelled',
  'slot-closed',
  'slot-started',
  'min-lead-days',
  'max-advance-days',
] as const;
export const BOOKABILITY_REASONS = [...SLOT_WIDE_REASONS, 'already-booked', 'company-limit', 'full'] as const;
export type BookabilityReason = (typeof BOOKABILITY_REASONS)[number];

/** The reasons that hold for everyone, signed in or not: all but the company's own. */
export const SLOT_AVAILABILITY_REASONS = [...SLOT_WIDE_REASONS, 'full'] as const;
export type SlotAvailabilityReason = (typeof SLOT_AVAILABILITY_REASONS)[number];

/** Whether anyone may book the slot now, and if not why (the company's own limits aside). */
export interface SlotAvailability {
  bookable: boolean;
  reason: SlotAvailabilityReason | null;
}

/** What the rules read of a slot and its test bed. */
export interface SlotRuleFacts {
  testbedStatus: string;
  status: string;
  startsAt: Date | string;
  minLeadDays: number;
  maxAdvanceDays: number;
  capacity: number;
  held: number;
  maxActiveBookingsPerCompany: number;
}

/** What the rules read of the company asking. */
export interface CompanyFacts {
  /** It holds or waits for a place in this slot already. */
  holdsSlot: boolean;
  /** Places it holds (pending or confirmed) on the test bed in slots not yet ended: company_active_places(). */
  activePlaces: number;
}

export interface Bookability {
  /** A request now would take a place (pending or confirmed). */
  bookable: boolean;
  /** Why not; null when bookable. */
  reason: BookabilityReason | null;
  /** The slot is full, and a request with `waitlist: true` would join its waiting list. */
  waitlistable: boolean;
}

const DAY_MS = 86_400_000;

/** The rules every company meets alike: the test bed's and slot's state and the booking window. */
export function slotRefusal(slot: SlotRuleFacts, now: number): SlotAvailabilityReason | null {
  const startsAt = new Date(slot.startsAt).getTime();
  if (slot.testbedStatus === 'retired') return 'testbed-retired';
  // A closed slot keeps its bookings but takes no new ones, nor waiting-list entries.
  if (slot.status === 'closed') return 'slot-closed';
  if (slot.status !== 'open') return 'slot-cancelled';
  if (startsAt <= now) return 'slot-started';
  if (startsAt < now + slot.minLeadDays * DAY_MS) return 'min-lead-days';
  if (startsAt > now + slot.maxAdvanceDays * DAY_MS) return 'max-advance-days';
  return null;
}

/**
 * Whether the company may book the slot now, and if not why: the same rules
 * the booking path applies. A waiting-list place takes no place, so neither
 * the company's limit nor a full slot stops one.
 */
export function bookability(slot: SlotRuleFacts, company: CompanyFacts, now: number): Bookability {
  const refusal = slotRefusal(slot, now) ?? (company.holdsSlot ? 'already-booked' : null);
  if (refusal) return { bookable: false, reason: refusal, waitlistable: false };
  if (slot.held >= slot.capacity) return { bookable: false, reason: 'full', waitlistable: true };
  if (company.activePlaces >= slot.maxActiveBookingsPerCompany)
    return { bookable: false, reason: 'company-limit', waitlistable: false };
  return { bookable: true, reason: null, waitlistable: false };
}

/** Whether the slot takes a booking now, for every company alike: the slot-wide rules, then a free place. */
export function availability(slot: SlotRuleFacts, now: number): SlotAvailability {
  const reason = slotRefusal(slot, now) ?? (slot.held >= slot.capacity ? 'full' : null);
  return { bookable: reason === null, reason };
}

/** A pending request must be decided within the test bed's decision days, and by the slot's start. */
export function decisionDue(slot: { decisionDays: number; startsAt: Date | string }, now: number): Date {
  return new Date(Math.min(now + slot.decisionDays * DAY_MS, new Date(slot.startsAt).getTime()));
}

/**
 * The rules above at the Clock's time, as the services ask them, so a test
 * moves the clock across a rule's edge instead of waiting for it.
 */
@Injectable()
export class BookingRules {
  constructor(private readonly clock: Clock) {}

  now(): number {
    return this.clock.now().getTime();
  }

  refusal(slot: SlotRuleFacts): BookabilityReason | null {
    return slotRefusal(slot, this.now());
  }

  judge(slot: SlotRuleFacts, company: CompanyFacts): Bookability {
    return bookability(slot, company, this.now());
  }

  availability(slot: SlotRuleFacts): SlotAvailability {
    return availability(slot, this.now());
  }

  decisionDue(slot: { decisionDays: number; startsAt: Date | string }): Date {
    return decisionDue(slot, this.now());
  }

  /** The slot has started: no one may book it, nor wait for it. */
  started(startsAt: Date | string): boolean {
    return new Date(startsAt).getTime() <= this.now();
  }
}

/** The problem a refusal answers with: 409 for the slot's places, 422 booking-rule naming the rule otherwise. */
export function refusalProblem(
  reason: BookabilityReason,
  slot: Pick<SlotRuleFacts, 'minLeadDays' | 'maxAdvanceDays' | 'maxActiveBookingsPerCompany'>,
): DomainError {
  switch (reason) {
    case 'testbed-retired':
      return bookingRule('testbedRetired', 'The test bed is retired and takes no bookings');
    case 'slot-cancelled':
      return bookingRule('slotCancelled', 'The slot is cancelled');
    case 'slot-closed':
      return bookingRule('slotClosed', 'The slot is closed to new bookings and waiting-list entries');
    case 'slot-started':
      return bookingRule('slotStarted', 'The slot has already started');
    case 'min-lead-days':
      return bookingRule(
        'minLeadDays',
        `Bookings must be made at least ${slot.minLeadDays} days before the slot starts`,
      );
    case 'max-advance-days':
      return bookingRule('maxAdvanceDays', `Bookings open ${slot.maxAdvanceDays} days before the slot starts`);
    case 'company-limit':
      return bookingRule(
        'maxActiveBookingsPerCompany',
        `A company may hold at most ${slot.maxActiveBookingsPerCompany} active bookings on this test bed`,
      );
    case 'already-booked':
      return new DomainError('already-booked', 'Your organization already holds or waits for this slot');
    case 'full':
      return new DomainError(
        'slot-full',
        'Every place in this slot is taken; ask again with waitlist: true to wait for one',
      );
  }
}

export function bookingRule(rule: string, detail: string): DomainError {
  return new DomainError('booking-rule', detail, { extensions: { rule } });
}
