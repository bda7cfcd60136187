import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow, queryRows } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { SlotStatus } from '../entities/slot.entity.js';
import type { Period } from '../recurrence.js';

export interface SlotRow {
  id: string;
  testbedId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  held: number;
  status: SlotStatus;
  closedReason: string | null;
  recurrenceId: string | null;
}

/** A slot with what the booking rules read of one company: whether it holds the slot, and its places on the test bed. */
export interface CompanySlotRow extends SlotRow {
  companyHoldsSlot: boolean;
  companyActivePlaces: number;
}

const SLOT_COLUMNS = `id, testbed_id AS "testbedId", lower(period) AS "startsAt", upper(period) AS "endsAt", capacity, held, status, closed_reason AS "closedReason", recurrence_id AS "recurrenceId"`;

@Injectable()
export class SlotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** All periods in one statement; the capacity trigger checks each row as it goes in. */
  async insertMany(
    testbedId: string,
    periods: Period[],
    capacity: number,
    recurrenceId: string | null,
    manager: EntityManager,
  ): Promise<SlotRow[]> {
    return queryRows<SlotRow>(
      manager,
      `INSERT INTO slots (testbed_id, period, capacity, recurrence_id)
       SELECT $1, tstzrange(starts_at, ends_at, '[)'), $4, $5
         FROM unnest($2::timestamptz[], $3::timestamptz[]) AS period(starts_at, ends_at)
       RETURNING ${SLOT_COLUMNS}`,
      [
        testbedId,
        periods.map((period) => period.startsAt.toISOString()),
        periods.map((period) => period.endsAt.toISOString()),
        capacity,
        recurrenceId,
      ],
    );
  }

  async findById(id: string, manager?: EntityManager): Promise<SlotRow | null> {
    return queryRow<SlotRow>(this.run(manager), `SELECT ${SLOT_COLUMNS} FROM slots WHERE id = $1`, [id]);
  }

  /** Slots overlapping [from, to), oldest first; an open end is unbounded. */
  listOverlapping(testbedId: string, from: Date | null, to: Date | null): Promise<SlotRow[]> {
    return queryRows<SlotRow>(
      this.dataSource,
      `SELECT ${SLOT_COLUMNS} FROM slots
        WHERE testbed_id = $1 AND period && tstzrange($2::timestamptz, $3::timestamptz, '[)')
        ORDER BY lower(period), id
        LIMIT 1000`,
      [testbedId, from?.toISOString() ?? null, to?.toISOString() ?? null],
    );
  }

  /**
   * listOverlapping, plus what the booking rules read of one company, in one
   * statement: whether it holds or waits for each slot (the statuses of the
   * index bookings_one_per_company_slot), and the places it holds on the test
   * bed (company_active_places, which the company-limit trigger enforces).
   */
  listOverlappingFor(
    testbedId: string,
    from: Date | null,
    to: Date | null,
    organizationId: string,
  ): Promise<CompanySlotRow[]> {
    return queryRows<CompanySlotRow>(
      this.dataSource,
      `WITH standing AS (SELECT company_active_places($4::uuid, $1::uuid) AS places)
       SELECT ${SLOT_COLUMNS},
              EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = s.id AND b.organization_id = $4::uuid AND b.status IN ('pending', 'confirmed', 'waitlisted')) AS "companyHoldsSlot",
              standing.places AS "companyActivePlaces"
         FROM slots s CROSS JOIN standing
        WHERE s.testbed_id = $1 AND s.period && tstzrange($2::timestamptz, $3::timestamptz, '[)')
        ORDER BY lower(s.period), s.id
        LIMIT 1000`,
      [testbedId, from?.toISOString() ?? null, to?.toISOString() ?? null, organizationId],
    );
  }

  async update(
    id: string,
    changes: { period?: Period; capacity?: number; status?: SlotStatus },
    manager: EntityManager,
  ): Promise<SlotRow> {
    const row = await queryRow<SlotRow>(
      manager,
      `UPDATE slots SET
          period = CASE WHEN $2::timestamptz IS NULL THEN period ELSE tstzrange($2::timestamptz, $3::timestamptz, '[)') END,
          capacity = coalesce($4::integer, capacity),
          status = coalesce($5::text, status),
          updated_at = now()
        WHERE id = $1
        RETURNING ${SLOT_COLUMNS}`,
      [
        id,
        changes.period?.startsAt.toISOString() ?? null,
        changes.period?.endsAt.toISOString() ?? null,
        changes.capacity ?? null,
        changes.status ?? null,
      ],
    );
    return row!;
  }

  /** Closes (with its reason) or reopens a slot; the capacity trigger checks a reopened one. */
  async setOpen(id: string, open: boolean, closedReason: string | null, manager: EntityManager): Promise<SlotRow> {
    const row = await queryRow<SlotRow>(
      manager,
      `UPDATE slots SET status = $2, closed_reason = $3, updated_at = now() WHERE id = $1 RETURNING ${SLOT_COLUMNS}`,
      [id, open ? 'open' : 'closed', open ? null : closedReason],
    );
    return row!;
  }
}
