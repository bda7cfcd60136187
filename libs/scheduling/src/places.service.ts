import { Injectable } from '@nestjs/common';
import type { Actor } from '@slussen/core';
import type { EntityManager } from 'typeorm';
import { nextStatus } from './booking-state.js';
import type { SlotStatus } from './entities/slot.entity.js';
import { BookingsRepository } from './repositories/bookings.repository.js';

export interface LockedSlot {
  id: string;
  testbedId: string;
  testbedOrganizationId: string;
  testbedStatus: string;
  testbedName: string;
  testbedTimezone: string;
  requiresApproval: boolean;
  decisionDays: number;
  minLeadDays: number;
  maxAdvanceDays: number;
  maxActiveBookingsPerCompany: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  held: number;
  status: SlotStatus;
}

/**
 * The places of a slot. Every change to who holds a place starts by locking the
 * slot's row here, so booking, approval, cancellation, expiry, promotion and
 * rescheduling of one slot happen one after another; `held` itself is kept by
 * a trigger from the bookings' statuses and held within capacity by a CHECK.
 */
@Injectable()
export class PlacesService {
  constructor(private readonly bookings: BookingsRepository) {}

  async lockSlot(slotId: string, manager: EntityManager): Promise<LockedSlot | null> {
    return this.readSlot(slotId, manager, true);
  }

  /** The slot with its test bed's rules; locked only when asked. */
  async readSlot(slotId: string, manager: EntityManager, lock = false): Promise<LockedSlot | null> {
    const [row] = await manager.query(
      `SELECT s.id, s.testbed_id AS "testbedId", t.organization_id AS "testbedOrganizationId", t.status AS "testbedStatus",
              t.name AS "testbedName", t.timezone AS "testbedTimezone",
              t.requires_approval AS "requiresApproval", t.decision_days AS "decisionDays", t.min_lead_days AS "minLeadDays",
              t.max_advance_days AS "maxAdvanceDays", t.max_active_bookings_per_company AS "maxActiveBookingsPerCompany",
              lower(s.period) AS "startsAt", upper(s.period) AS "endsAt", s.capacity, s.held, s.status
         FROM slots s JOIN testbeds t ON t.id = s.testbed_id
        WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
      [slotId],
    );
    return (row as LockedSlot | undefined) ?? null;
  }

  /** Gives free places to the oldest waiting bookings, in the transaction that freed them. */
  async promoteWaiting(slot: LockedSlot, actor: Actor | null, manager: EntityManager): Promise<string[]> {
    const promoted: string[] = [];
    if (slot.status !== 'open' || new Date(slot.startsAt).getTime() <= Date.now()) return promoted;
    let [{ held }] = (await manager.query('SELECT held FROM slots WHERE id = $1', [slot.id])) as Array<{
      held: number;
    }>;
    while (held! < slot.capacity) {
      const waiting = await this.bookings.oldestWaiting(slot.id, manager);
      if (!waiting) break;
      const to = nextStatus('waitlisted', 'promote', slot.requiresApproval)!;
      await this.bookings.transition(
        waiting,
        to,
        { type: 'promoted', fromStatus: 'waitlisted', toStatus: to, actor, reason: 'a place became free' },
        manager,
        {
          decisionDueAt: to === 'pending' ? decisionDue(slot) : null,
        },
      );
      promoted.push(waiting);
      held!++;
    }
    return promoted;
  }
}

/** A pending request must be decided within the test bed's decision days, and by the slot's start. */
export function decisionDue(slot: Pick<LockedSlot, 'decisionDays' | 'startsAt'>, now = new Date()): Date {
  return new Date(Math.min(now.getTime() + slot.decisionDays * 86_400_000, new Date(slot.startsAt).getTime()));
}
