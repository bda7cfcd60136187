import { Injectable } from '@nestjs/common';
import type { Actor } from '@slussen/core';
import type { EntityManager } from 'typeorm';
import { BOOKING_REASON_TEXT } from './booking-reasons.js';
import { BookingRules } from './booking-rules.js';
import { nextStatus } from './booking-state.js';
import { BookingsRepository } from './repositories/bookings.repository.js';
import { PlacesRepository, type LockedSlot } from './repositories/places.repository.js';

export type { LockedSlot } from './repositories/places.repository.js';

/**
 * The places of a slot. Every change to who holds a place starts by locking the
 * slot's row here, so booking, approval, cancellation, expiry, promotion and
 * rescheduling of one slot happen one after another; `held` itself is kept by
 * a trigger from the bookings' statuses and held within capacity by a CHECK.
 */
@Injectable()
export class PlacesService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly places: PlacesRepository,
    private readonly rules: BookingRules,
  ) {}

  async lockSlot(slotId: string, manager: EntityManager): Promise<LockedSlot | null> {
    return this.places.readSlot(slotId, manager, true);
  }

  /** The slot with its test bed's rules; locked only when asked. */
  async readSlot(slotId: string, manager: EntityManager, lock = false): Promise<LockedSlot | null> {
    return this.places.readSlot(slotId, manager, lock);
  }

  /** Gives free places to the oldest waiting bookings, in the transaction that freed them. */
  async promoteWaiting(slot: LockedSlot, actor: Actor | null, manager: EntityManager): Promise<string[]> {
    const promoted: string[] = [];
    if (slot.status !== 'open' || this.rules.started(slot.startsAt)) return promoted;
    let held = await this.places.held(slot.id, manager);
    while (held < slot.capacity) {
      const waiting = await this.bookings.oldestWaiting(slot.id, manager);
      if (!waiting) break;
      const to = nextStatus('waitlisted', 'promote', slot.requiresApproval)!;
      await this.bookings.transition(
        waiting,
        to,
        {
          type: 'promoted',
          fromStatus: 'waitlisted',
          toStatus: to,
          actor,
          reason: BOOKING_REASON_TEXT['place-free'],
          reasonCode: 'place-free',
        },
        manager,
        {
          decisionDueAt: to === 'pending' ? this.rules.decisionDue(slot) : null,
        },
      );
      promoted.push(waiting);
      held++;
    }
    return promoted;
  }
}
