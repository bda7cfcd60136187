import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, DomainError, NotFoundError, ValidationError, type Actor } from '@slussen/core';
import { TestbedsService, type Testbed } from '@slussen/catalogue';
import { AuditService } from '@slussen/identity';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingRules, type Bookability, type SlotAvailability, type SlotRuleFacts } from './booking-rules.js';
import { BookingsService } from './bookings.service.js';
import { PlacesService } from './places.service.js';
import { expandRecurrence, RecurrenceError, withOffsets, type Period, type Recurrence } from './recurrence.js';
import { SlotsRepository, type SlotRow } from './repositories/slots.repository.js';

export interface SlotView {
  id: string;
  testbedId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
  status: string;
  closedReason: string | null;
  recurrenceId: string | null;
  /** Whether anyone may book it now, and if not why (booking-rules.ts), the company's own limits aside. */
  availability: SlotAvailability;
}

export type SlotsCommand = Period & { capacity: number; recurrence?: Recurrence };

export interface SlotPreview {
  timezone: string;
  items: Array<{
    startsAt: string;
    endsAt: string;
    capacity: number;
    utcOffsetMinutes: number;
    offsetChanged: boolean;
  }>;
}

/** A slot as a company sees it: whether it may book it now (booking-rules.ts). */
export interface JudgedSlotView extends SlotView, Bookability {}

/** What the booking rules read of a test bed, beside its slot. */
type TestbedRuleFacts = Pick<Testbed, 'status' | 'minLeadDays' | 'maxAdvanceDays' | 'maxActiveBookingsPerCompany'>;

const ruleFacts = (row: SlotRow, testbed: TestbedRuleFacts): SlotRuleFacts => ({
  ...row,
  testbedStatus: testbed.status,
  minLeadDays: testbed.minLeadDays,
  maxAdvanceDays: testbed.maxAdvanceDays,
  maxActiveBookingsPerCompany: testbed.maxActiveBookingsPerCompany,
});

const slotView = (row: SlotRow, availability: SlotAvailability): SlotView => ({
  id: row.id,
  testbedId: row.testbedId,
  startsAt: new Date(row.startsAt).toISOString(),
  endsAt: new Date(row.endsAt).toISOString(),
  capacity: row.capacity,
  // A closed slot keeps its bookings, so its places stay counted; a cancelled one holds none.
  remaining: row.status === 'cancelled' ? 0 : row.capacity - row.held,
  status: row.status,
  closedReason: row.closedReason,
  recurrenceId: row.recurrenceId,
  availability,
});

const MAX_SLOT_MS = 366 * 86_400_000;

@Injectable()
export class SlotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly slots: SlotsRepository,
    private readonly testbeds: TestbedsService,
    private readonly audit: AuditService,
    private readonly places: PlacesService,
    private readonly bookings: BookingsService,
    private readonly rules: BookingRules,
  ) {}

  /** The slot as everyone sees it, judged at the clock's time. */
  private view(row: SlotRow, testbed: TestbedRuleFacts): SlotView {
    return slotView(row, this.rules.availability(ruleFacts(row, testbed)));
  }

  /** One slot, or every occurrence of a recurrence expanded in the test bed's time zone, all or nothing. */
  async create(actor: Actor, testbedId: string, command: SlotsCommand): Promise<{ items: SlotView[] }> {
    return this.dataSource.transaction(async (manager) => {
      const testbed = await this.manageable(actor, testbedId, manager);
      const periods = plan(testbed, command, this.rules.now());
      const recurrenceId = command.recurrence ? randomUUID() : null;
      const rows = await this.slots.insertMany(testbed.id, periods, command.capacity, recurrenceId, manager);
      await this.audit.record(
        actor,
        {
          action: 'slot.create',
          organizationId: testbed.organizationId,
          subjectType: 'testbed',
          subjectId: testbed.id,
          details: { count: rows.length, recurrenceId },
        },
        manager,
      );
      return { items: rows.map((row) => this.view(row, testbed)) };
    });
  }

  /**
   * What `create` would make, without making it: the same checks and the same
   * expansion, each occurrence with the zone's offset and whether a
   * daylight-saving change falls before it.
   */
  async preview(actor: Actor, testbedId: string, command: SlotsCommand): Promise<SlotPreview> {
    // The same read as create's (it locks the test bed's row, so it needs a transaction); nothing is written.
    const testbed = await this.dataSource.transaction((manager) => this.manageable(actor, testbedId, manager));
    const periods = withOffsets(plan(testbed, command, this.rules.now()), testbed.timezone);
    return {
      timezone: testbed.timezone,
      items: periods.map((period) => ({
        startsAt: period.startsAt.toISOString(),
        endsAt: period.endsAt.toISOString(),
        capacity: command.capacity,
        utcOffsetMinutes: period.utcOffsetMinutes,
        offsetChanged: period.offsetChanged,
      })),
    };
  }

  /**
   * The slots overlapping the window. For a caller acting for a company (its
   * only company, or `organizationId`), each says whether that company may book
   * it now, judged by the booking path's own rules in one statement.
   */
  async list(
    actor: Actor | null,
    testbedId: string,
    window: { from?: Date; to?: Date; organizationId?: string },
  ): Promise<{ items: Array<SlotView | JudgedSlotView> }> {
    const testbed = await this.testbeds.findReadable(actor, testbedId);
    const company = judgedCompany(actor, window.organizationId);
    if (!company)
      return {
        items: (await this.slots.listOverlapping(testbedId, window.from ?? null, window.to ?? null)).map((row) =>
          this.view(row, testbed),
        ),
      };
    const rows = await this.slots.listOverlappingFor(testbedId, window.from ?? null, window.to ?? null, company);
    return {
      items: rows.map((row) => ({
        ...this.view(row, testbed),
        ...this.rules.judge(ruleFacts(row, testbed), {
          holdsSlot: row.companyHoldsSlot,
          activePlaces: row.companyActivePlaces,
        }),
      })),
    };
  }

  async update(
    actor: Actor,
    slotId: string,
    changes: { startsAt?: Date; endsAt?: Date; capacity?: number },
  ): Promise<SlotView> {
    return this.dataSource.transaction(async (manager) => {
      const { slot, testbed } = await this.manageableSlot(actor, slotId, manager);
      if (slot.status === 'cancelled') throw new ConflictError('A cancelled slot cannot be changed');
      const period = {
        startsAt: changes.startsAt ?? new Date(slot.startsAt),
        endsAt: changes.endsAt ?? new Date(slot.endsAt),
      };
      const moves = changes.startsAt !== undefined || changes.endsAt !== undefined;
      if (moves) checkPeriod(period, testbed, this.rules.now());
      if (changes.capacity !== undefined && changes.capacity > testbed.capacity) {
        throw new ValidationError(`capacity may be at most the test bed's ${testbed.capacity}`, [
          { field: 'capacity', message: `must be 1 to ${testbed.capacity}` },
        ]);
      }
      const updated = await this.slots.update(
        slot.id,
        { period: moves ? period : undefined, capacity: changes.capacity },
        manager,
      );
      // More places: the waiting list moves up in the same transaction.
      if (changes.capacity !== undefined && changes.capacity > slot.capacity)
        await this.places.promoteWaiting((await this.places.lockSlot(slot.id, manager))!, actor, manager);
      await this.audit.record(
        actor,
        {
          action: 'slot.update',
          organizationId: testbed.organizationId,
          subjectType: 'slot',
          subjectId: slot.id,
          details: { ...changes },
        },
        manager,
      );
      return this.view(updated, testbed);
    });
  }

  async cancel(actor: Actor, slotId: string, reason?: string): Promise<SlotView> {
    return this.dataSource.transaction(async (manager) => {
      const { slot, testbed } = await this.manageableSlot(actor, slotId, manager);
      if (slot.status === 'cancelled') throw new ConflictError('The slot is already cancelled');
      await this.places.lockSlot(slot.id, manager);
      const cancelledBookings = await this.bookings.cancelAllOfSlot(actor, slot.id, manager, reason);
      const updated = await this.slots.update(slot.id, { status: 'cancelled' }, manager);
      await this.audit.record(
        actor,
        {
          action: 'slot.cancel',
          organizationId: testbed.organizationId,
          subjectType: 'slot',
          subjectId: slot.id,
          details: { cancelledBookings, reason: reason ?? null },
        },
        manager,
      );
      return this.view(updated, testbed);
    });
  }

  /** Stops new bookings and waiting-list entries; the bookings it has stay, and each records the reason. */
  async close(actor: Actor, slotId: string, reason?: string): Promise<SlotView> {
    return this.dataSource.transaction(async (manager) => {
      const { slot, testbed } = await this.manageableSlot(actor, slotId, manager);
      if (slot.status !== 'open') throw new ConflictError(`A ${slot.status} slot cannot be closed`);
      await this.places.lockSlot(slot.id, manager);
      const updated = await this.slots.setOpen(slot.id, false, reason ?? null, manager);
      const notedBookings = await this.bookings.noteSlotChange(actor, slot.id, 'slot-closed', reason ?? null, manager);
      await this.audit.record(
        actor,
        {
          action: 'slot.close',
          organizationId: testbed.organizationId,
          subjectType: 'slot',
          subjectId: slot.id,
          details: { notedBookings, reason: reason ?? null },
        },
        manager,
      );
      return this.view(updated, testbed);
    });
  }

  /** Takes bookings again; its bookings' histories say so. */
  async reopen(actor: Actor, slotId: string): Promise<SlotView> {
    return this.dataSource.transaction(async (manager) => {
      const { slot, testbed } = await this.manageableSlot(actor, slotId, manager);
      if (slot.status !== 'closed') throw new ConflictError(`A ${slot.status} slot cannot be reopened`);
      await this.places.lockSlot(slot.id, manager);
      const updated = await this.slots.setOpen(slot.id, true, null, manager);
      const notedBookings = await this.bookings.noteSlotChange(actor, slot.id, 'slot-reopened', null, manager);
      await this.audit.record(
        actor,
        {
          action: 'slot.reopen',
          organizationId: testbed.organizationId,
          subjectType: 'slot',
          subjectId: slot.id,
          details: { notedBookings },
        },
        manager,
      );
      return this.view(updated, testbed);
    });
  }

  private async manageable(actor: Actor, testbedId: string, manager: EntityManager): Promise<Testbed> {
    const testbed = await this.testbeds.findManageable(actor, testbedId, manager);
    if (testbed.status === 'retired') throw new ConflictError('A retired test bed takes no new slots');
    return testbed;
  }

  private async manageableSlot(
    actor: Actor,
    slotId: string,
    manager: EntityManager,
  ): Promise<{ slot: SlotRow; testbed: Testbed }> {
    const found = await this.slots.findById(slotId, manager);
    if (!found) throw new NotFoundError('Slot');
    const testbed = await this.testbeds.findManageable(actor, found.testbedId, manager);
    // Re-read under the test bed's lock, which every slot change takes first.
    const slot = (await this.slots.findById(slotId, manager))!;
    return { slot, testbed };
  }
}

/** The company whose bookability a slot listing shows: the one asked for, else the caller's only company. */
function judgedCompany(actor: Actor | null, requested: string | undefined): string | null {
  const companies = (actor?.memberships ?? [])
    .filter((membership) => membership.organizationKind === 'company')
    .map((membership) => membership.organizationId);
  if (requested === undefined) return companies.length === 1 ? companies[0]! : null;
  if (!companies.includes(requested)) throw new DomainError('forbidden', 'You do not act for that company');
  return requested;
}

/** The periods a slot command makes in the test bed's zone, or the validation problem that stops it. */
function plan(testbed: Testbed, command: SlotsCommand, now: number): Period[] {
  checkPeriod(command, testbed, now);
  if (command.capacity > testbed.capacity) {
    throw new ValidationError(`capacity may be at most the test bed's ${testbed.capacity}`, [
      { field: 'capacity', message: `must be 1 to ${testbed.capacity}` },
    ]);
  }
  try {
    return expandRecurrence(command, testbed.timezone, command.recurrence);
  } catch (error) {
    if (error instanceof RecurrenceError)
      throw new ValidationError(error.message, [{ field: 'recurrence', message: error.message }]);
    throw error;
  }
}

function checkPeriod(period: Period, testbed: Testbed, now: number): void {
  const errors = [];
  if (period.endsAt.getTime() <= period.startsAt.getTime())
    errors.push({ field: 'endsAt', message: 'must be after startsAt' });
  if (period.endsAt.getTime() - period.startsAt.getTime() > MAX_SLOT_MS)
    errors.push({ field: 'endsAt', message: 'a slot lasts at most a year' });
  if (period.startsAt.getTime() < now) errors.push({ field: 'startsAt', message: 'must not be in the past' });
  if (errors.length) throw new ValidationError(`Not a valid slot for ${testbed.name}`, errors);
}
