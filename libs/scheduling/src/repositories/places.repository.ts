import { Injectable } from '@nestjs/common';
import { namedStatement, queryRow } from '@slussen/core';
import type { EntityManager } from 'typeorm';
import type { SlotStatus } from '../entities/slot.entity.js';

/** A slot with its test bed's booking rules (from the catalogue's view of them). */
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

const SLOT_WITH_RULES = `SELECT s.id, s.testbed_id AS "testbedId", t.organization_id AS "testbedOrganizationId", t.status AS "testbedStatus",
              t.name AS "testbedName", t.timezone AS "testbedTimezone",
              t.requires_approval AS "requiresApproval", t.decision_days AS "decisionDays", t.min_lead_days AS "minLeadDays",
              t.max_advance_days AS "maxAdvanceDays", t.max_active_bookings_per_company AS "maxActiveBookingsPerCompany",
              lower(s.period) AS "startsAt", upper(s.period) AS "endsAt", s.capacity, s.held, s.status
         FROM slots s JOIN catalogue_testbed_booking_rules t ON t.testbed_id = s.testbed_id
        WHERE s.id = $1`;
// Every booking reads its slot: planned once per connection. The benchmark runs it under pgbench.
export const READ_SLOT = namedStatement('scheduling.read-slot', SLOT_WITH_RULES);
const LOCK_SLOT = namedStatement('scheduling.lock-slot', `${SLOT_WITH_RULES} FOR UPDATE OF s`);

/** The slot rows every change of who holds a place starts from (PlacesService). */
@Injectable()
export class PlacesRepository {
  /** The slot with its test bed's rules, row-locked (the slot only) when asked. */
  readSlot(slotId: string, manager: EntityManager, lock: boolean): Promise<LockedSlot | null> {
    return queryRow<LockedSlot>(manager, lock ? LOCK_SLOT : READ_SLOT, [slotId]);
  }

  /** Places held now (kept by the held-places trigger), read again inside the transaction. */
  async held(slotId: string, manager: EntityManager): Promise<number> {
    const row = await queryRow<{ held: number }>(manager, 'SELECT held FROM slots WHERE id = $1', [slotId]);
    return row!.held;
  }
}
