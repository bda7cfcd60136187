import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  twoSidedScope,
  ConflictError,
  DomainError,
  iso,
  NotFoundError,
  PolicyService,
  ReplayedProblem,
  toProblem,
  ValidationError,
  type Actor,
  type Page,
} from '@slussen/core';
import { IdeasService } from '@slussen/ideas';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { SchedulingConfig } from './scheduling.config.js';
import { BOOKING_REASON_TEXT, type BookingReasonCode } from './booking-reasons.js';
import { bookingRule, BookingRules, refusalProblem } from './booking-rules.js';
import { freesPlace, nextStatus, type BookingAction, type BookingStatus } from './booking-state.js';
import type { BookingChange } from './messages/scheduling.topics.js';
import { PlacesService, type LockedSlot } from './places.service.js';
import {
  BookingsRepository,
  type BookingEventReason,
  type BookingFilter,
  type BookingRow,
} from './repositories/bookings.repository.js';
import { IdempotencyRepository } from './repositories/idempotency.repository.js';

export interface BookingView {
  id: string;
  slotId: string;
  testbedId: string;
  /** The test bed's name and IANA time zone, to show the slot's times as it keeps them. */
  testbedName: string;
  testbedTimezone: string;
  organizationId: string;
  /** The booking company's name and organization number. */
  organizationName: string;
  organizationNumber: string | null;
  title: string;
  description: string | null;
  status: BookingStatus;
  /** The accepted idea or need the booking pilots. */
  ideaId: string | null;
  /** The slot's period (also as slotStartsAt and slotEndsAt). */
  startsAt: string;
  endsAt: string;
  slotStartsAt: string;
  slotEndsAt: string;
  decisionDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A booking as notifications tell it: the booking, its test bed's organization, and the reason of its latest event. */
export interface BookingNotification {
  booking: BookingView;
  testbedOrganizationId: string;
  /** The reason of the booking's latest event of a type (the topic's change: `cancelled`, `slot-closed`...). */
  reasonOf: (type: string) => BookingEventReason;
}

export interface BookingEventView {
  at: string;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { userId: string | null; apiTokenId: string | null } | null;
  reason: string | null;
  /** Why the system made the change, as a stable code; null for a person's own decision. */
  reasonCode: BookingReasonCode | null;
}

export interface BookCommand {
  title: string;
  description?: string;
  /** Join the waiting list when the slot is full, instead of 409 slot-full. */
  waitlist?: boolean;
  /** Which of the caller's companies books; needed only when it belongs to several. */
  organizationId?: string;
  /** The accepted idea or need this booking pilots (ideas decide who may link it). */
  ideaId?: string;
}

export const toBookingView = (row: BookingRow): BookingView => ({
  id: row.id,
  slotId: row.slotId,
  testbedId: row.testbedId,
  testbedName: row.testbedName,
  testbedTimezone: row.testbedTimezone,
  organizationId: row.organizationId,
  organizationName: row.organizationName,
  organizationNumber: row.organizationNumber,
  title: row.title,
  description: row.description,
  status: row.status,
  ideaId: row.ideaId ?? null,
  startsAt: iso(row.startsAt)!,
  endsAt: iso(row.endsAt)!,
  slotStartsAt: iso(row.startsAt)!,
  slotEndsAt: iso(row.endsAt)!,
  decisionDueAt: iso(row.decisionDueAt),
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});

const PAST: Record<BookingAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  expire: 'expired',
  promote: 'promoted',
};

@Injectable()
export class BookingsService {
  private readonly logger = new Logger(BookingsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingsRepository,
    private readonly places: PlacesService,
    private readonly policy: PolicyService,
    private readonly idempotency: IdempotencyRepository,
    private readonly config: SchedulingConfig,
    private readonly rules: BookingRules,
    private readonly ideas: IdeasService,
  ) {}

  /**
   * `book` behind an Idempotency-Key (scoped to the booking company): the same
   * key and body replay the first answer, another body is 422, and a request
   * still running is 409. A success is stored in the booking's own transaction.
   */
  async bookOnce(
    actor: Actor,
    slotId: string,
    command: BookCommand,
    idempotencyKey: string | undefined,
  ): Promise<BookingView> {
    if (idempotencyKey === undefined) return this.book(actor, slotId, command);
    const organizationId = this.bookingCompany(actor, command.organizationId);
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          slotId,
          command.title,
          command.description ?? null,
          command.waitlist ?? false,
          command.organizationId ?? null,
          // Appended only when given, so the keys of requests without an idea keep their hash.
          ...(command.ideaId !== undefined ? [command.ideaId] : []),
        ]),
      )
      .digest('hex');
    const claim = await this.idempotency.claim(
      organizationId,
      idempotencyKey,
      requestHash,
      this.config.idempotency.ttlHours,
      this.config.idempotency.staleSeconds,
    );
    if (claim.state === 'mismatch')
      throw new DomainError('idempotency-mismatch', 'This Idempotency-Key was used with another request');
    if (claim.state === 'in-progress')
      throw new DomainError(
        'idempotency-in-progress',
        'A request with this Idempotency-Key is still running; retry shortly',
      );
    if (claim.state === 'completed') {
      if (claim.status === 201) return claim.body as BookingView;
      throw new ReplayedProblem(claim.status, claim.body as Record<string, unknown>);
    }
    try {
      return await this.book(actor, slotId, command, { organizationId, key: idempotencyKey });
    } catch (error) {
      // A refusal is an answer to replay; anything unexpected lets a retry run again.
      if (error instanceof DomainError) {
        const { problem } = toProblem(error, `/api/v1/slots/${slotId}/bookings`, '');
        await this.idempotency.complete(organizationId, idempotencyKey, problem.status, problem);
      } else {
        await this.idempotency.release(organizationId, idempotencyKey);
      }
      throw error;
    }
  }

  purgeExpiredIdempotencyKeys(batchSize: number): Promise<number> {
    return this.idempotency.purgeExpired(batchSize);
  }

  /**
   * A company's claim on a place: one read for the test bed's rules, then one
   * atomic statement that takes a place, a place on the waiting list, or
   * nothing (409 slot-full). The database decides under the slot's row lock; the
   * read only decides which rules to explain.
   */
  async book(
    actor: Actor,
    slotId: string,
    command: BookCommand,
    idempotency?: { organizationId: string; key: string },
  ): Promise<BookingView> {
    const organizationId = idempotency?.organizationId ?? this.bookingCompany(actor, command.organizationId);
    const slot = await this.places.readSlot(slotId, this.dataSource.manager);
    if (!slot) throw new NotFoundError('Slot');
    this.policy.authorize(
      actor,
      'testbed.read',
      { organizationId: slot.testbedOrganizationId, status: slot.testbedStatus as 'published' },
      'Slot',
    );
    if (command.ideaId !== undefined)
      await this.ideas.checkBookingLink(actor, command.ideaId, organizationId, slot.testbedId);
    this.checkRules(slot);
    const request = {
      slotId: slot.id,
      organizationId,
      createdByUserId: actor.userId,
      title: command.title.trim(),
      description: command.description ?? null,
      placeStatus: slot.requiresApproval ? ('pending' as const) : ('confirmed' as const),
      decisionDueAt: slot.requiresApproval ? this.rules.decisionDue(slot) : null,
      waitlist: command.waitlist ?? false,
      ideaId: command.ideaId ?? null,
    };
    const attempt = async (manager?: EntityManager) => {
      const { booking, slotOpen, company } = await this.bookings
        .bookAtomically(request, actor, manager)
        .catch(explainRefusal(slot));
      if (!booking) {
        // Not open any more: closed or cancelled since the read above; say which.
        const now = slotOpen ? null : await this.places.readSlot(slot.id, manager ?? this.dataSource.manager);
        throw refusalProblem(slotOpen ? 'full' : now?.status === 'closed' ? 'slot-closed' : 'slot-cancelled', slot);
      }
      const view = toBookingView({
        ...request,
        ...booking,
        ...company,
        testbedId: slot.testbedId,
        testbedOrganizationId: slot.testbedOrganizationId,
        testbedName: slot.testbedName,
        testbedTimezone: slot.testbedTimezone,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
      });
      if (idempotency && manager)
        await this.idempotency.complete(idempotency.organizationId, idempotency.key, 201, view, manager);
      return view;
    };
    // With an Idempotency-Key the answer is stored in the booking's transaction; without, one statement is one.
    return idempotency ? this.dataSource.transaction((manager) => attempt(manager)) : attempt();
  }

  async list(actor: Actor, filter: BookingFilter, limit: number, cursor?: string): Promise<Page<BookingView>> {
    const page = await this.bookings.list(twoSidedScope(actor), filter, limit, cursor);
    return { items: page.items.map(toBookingView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<BookingView> {
    return toBookingView(await this.readable(actor, id));
  }

  async events(actor: Actor, id: string): Promise<{ items: BookingEventView[] }> {
    await this.readable(actor, id);
    const rows = await this.bookings.events(id);
    return {
      items: rows.map((row) => ({
        at: new Date(row.at).toISOString(),
        type: row.type,
        fromStatus: row.fromStatus,
        toStatus: row.toStatus,
        actor:
          row.actorUserId || row.actorApiTokenId ? { userId: row.actorUserId, apiTokenId: row.actorApiTokenId } : null,
        reason: row.reason,
        reasonCode: row.reasonCode,
      })),
    };
  }

  approve(actor: Actor, id: string): Promise<BookingView> {
    return this.change(actor, id, 'approve', 'booking.decide');
  }

  reject(actor: Actor, id: string, reason: string): Promise<BookingView> {
    return this.change(actor, id, 'reject', 'booking.decide', reason);
  }

  cancel(actor: Actor, id: string, reason?: string): Promise<BookingView> {
    return this.change(actor, id, 'cancel', 'booking.cancel', reason);
  }

  /**
   * Moves the company's booking to another slot of the same test bed in one
   * transaction: both slots are locked (in id order, so two moves cannot
   * deadlock), the target is checked like a new request, and the freed place
   * goes to the old slot's waiting list. Any refusal leaves everything as it was.
   */
  async reschedule(actor: Actor, id: string, targetSlotId: string): Promise<BookingView> {
    const found = await this.readable(actor, id);
    this.policy.authorize(actor, 'booking.reschedule', found, 'Booking');
    if (found.slotId === targetSlotId) throw new ConflictError('The booking is already in this slot');
    return this.dataSource.transaction(async (manager) => {
      const [firstId, secondId] = [found.slotId, targetSlotId].sort();
      const locked = new Map<string, LockedSlot | null>();
      for (const slotId of [firstId!, secondId!]) locked.set(slotId, await this.places.lockSlot(slotId, manager));
      const source = locked.get(found.slotId)!;
      const target = locked.get(targetSlotId);
      if (!target) throw new NotFoundError('Slot');
      this.policy.authorize(
        actor,
        'testbed.read',
        { organizationId: target.testbedOrganizationId, status: target.testbedStatus as 'published' },
        'Slot',
      );
      await this.bookings.lock(id, manager);
      const booking = (await this.bookings.findById(id, manager))!;
      if (!['pending', 'confirmed', 'waitlisted'].includes(booking.status))
        throw new ConflictError(`A ${booking.status} booking cannot be moved`);
      if (target.testbedId !== booking.testbedId)
        throw bookingRule('sameTestbed', 'A booking can only move to another slot of the same test bed');
      this.checkRules(target);
      if (await this.bookings.companyHoldsSlot(booking.organizationId, target.id, manager))
        throw new DomainError('already-booked', 'Your organization already holds or waits for that slot');
      const free = target.held < target.capacity;
      if (booking.status !== 'waitlisted' && !free)
        throw new DomainError('slot-full', 'Every place in that slot is taken; the booking stays where it is');
      // A move changes the dates a manager agreed to: it needs a new decision where approval is required.
      const to: BookingStatus = !free ? 'waitlisted' : target.requiresApproval ? 'pending' : 'confirmed';
      await this.bookings.transition(
        id,
        to,
        {
          type: 'rescheduled',
          fromStatus: booking.status,
          toStatus: to,
          actor,
          reason: `moved from slot ${booking.slotId}`,
          reasonCode: 'moved',
        },
        manager,
        {
          slotId: target.id,
          decisionDueAt: to === 'pending' ? this.rules.decisionDue(target) : null,
        },
      );
      if (booking.status !== 'waitlisted') await this.places.promoteWaiting(source, actor, manager);
      return toBookingView((await this.bookings.findById(id, manager))!);
    });
  }

  /** Bookings and the reasons of their events as notifications tell them, by id, in one read (no access check: for the worker). */
  async forNotifications(ids: readonly string[]): Promise<Map<string, BookingNotification>> {
    const [rows, reasons] = await Promise.all([this.bookings.findByIds(ids), this.bookings.lastReasonsByType(ids)]);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          booking: toBookingView(row),
          testbedOrganizationId: row.testbedOrganizationId,
          reasonOf: (type: string) => reasons.get(row.id)?.get(type) ?? { reason: null, reasonCode: null },
        },
      ]),
    );
  }

  /** Queues due reminders; run every minute by the worker. They follow the database: cancelled bookings get none. */
  queueReminders(windowMinutes: number): Promise<number> {
    return this.bookings.queueDueReminders(windowMinutes, new Date(this.rules.now()));
  }

  /** Expires pending requests whose decision time has passed; run by the worker. */
  async expireOverdue(batchSize: number): Promise<number> {
    let expired = 0;
    for (const { id, slotId } of await this.bookings.overdue(batchSize, new Date(this.rules.now()))) {
      const done = await this.dataSource.transaction(async (manager) => {
        const slot = (await this.places.lockSlot(slotId, manager))!;
        await this.bookings.lock(id, manager);
        const booking = (await this.bookings.findById(id, manager))!;
        // Decided meanwhile: nothing to do.
        if (
          booking.status !== 'pending' ||
          !booking.decisionDueAt ||
          new Date(booking.decisionDueAt).getTime() > this.rules.now()
        )
          return false;
        await this.bookings.transition(
          id,
          'expired',
          {
            type: 'expired',
            fromStatus: 'pending',
            toStatus: 'expired',
            actor: null,
            reason: BOOKING_REASON_TEXT['not-decided'],
            reasonCode: 'not-decided',
          },
          manager,
        );
        await this.places.promoteWaiting(slot, null, manager);
        return true;
      });
      if (done) expired++;
    }
    if (expired > 0) this.logger.log(`expired ${expired} undecided booking requests`);
    return expired;
  }

  /** Cancels every active booking of a slot that is being cancelled, in its transaction. */
  async cancelAllOfSlot(actor: Actor, slotId: string, manager: EntityManager, reason?: string): Promise<number> {
    const active = await this.bookings.activeOfSlot(slotId, manager);
    for (const booking of active) {
      await this.bookings.transition(
        booking.id,
        'cancelled',
        {
          type: 'cancelled',
          fromStatus: booking.status,
          toStatus: 'cancelled',
          actor,
          reason: reason ?? BOOKING_REASON_TEXT['slot-cancelled'],
          reasonCode: 'slot-cancelled',
        },
        manager,
      );
    }
    return active.length;
  }

  /** Records on each active booking of the slot that the slot was closed or reopened (the status stays). */
  noteSlotChange(
    actor: Actor,
    slotId: string,
    type: 'slot-closed' | 'slot-reopened',
    reason: string | null,
    manager: EntityManager,
  ): Promise<number> {
    const text = type === 'slot-closed' ? (reason ?? BOOKING_REASON_TEXT['slot-closed']) : reason;
    const code = type === 'slot-closed' ? 'slot-closed' : null;
    return this.bookings.noteOnActiveOfSlot(slotId, type, { text, code }, actor, manager);
  }

  private async change(
    actor: Actor,
    id: string,
    action: BookingAction,
    permission: 'booking.decide' | 'booking.cancel',
    reason?: string,
  ): Promise<BookingView> {
    const found = await this.readable(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const slot = (await this.places.lockSlot(found.slotId, manager))!;
      await this.bookings.lock(id, manager);
      const booking = (await this.bookings.findById(id, manager))!;
      this.policy.authorize(actor, permission, booking, 'Booking');
      const to = nextStatus(booking.status, action, slot.requiresApproval);
      if (to === null) throw new ConflictError(`A ${booking.status} booking cannot be ${PAST[action]}`);
      await this.bookings.transition(
        id,
        to,
        // Approve, reject and cancel lead to confirmed, rejected or cancelled: each a booking message.
        { type: to as BookingChange, fromStatus: booking.status, toStatus: to, actor, reason: reason ?? null },
        manager,
        to === 'pending' ? {} : { decisionDueAt: null },
      );
      if (freesPlace(booking.status, to)) await this.places.promoteWaiting(slot, actor, manager);
      return toBookingView((await this.bookings.findById(id, manager))!);
    });
  }

  /** The rules every company meets alike (booking-rules.ts), as the problem the caller gets. */
  private checkRules(slot: LockedSlot): void {
    const refusal = this.rules.refusal(slot);
    if (refusal) throw refusalProblem(refusal, slot);
  }

  private async readable(actor: Actor, id: string): Promise<BookingRow> {
    const booking = await this.bookings.findById(id);
    if (!booking) throw new NotFoundError('Booking');
    this.policy.authorize(actor, 'booking.read', booking, 'Booking');
    return booking;
  }

  private bookingCompany(actor: Actor, requested: string | undefined): string {
    const companies = actor.memberships.filter((membership) => membership.organizationKind === 'company');
    if (requested !== undefined) {
      this.policy.authorize(
        actor,
        'booking.create',
        {
          organizationId: requested,
          organizationKind: companies.some((company) => company.organizationId === requested) ? 'company' : 'other',
        },
        'Organization',
      );
      return requested;
    }
    if (companies.length === 1) return companies[0]!.organizationId;
    if (companies.length === 0) throw new DomainError('forbidden', 'Only members of a company can book pilot slots');
    throw new ValidationError('You belong to several companies: say which one books', [
      { field: 'organizationId', message: 'required when you belong to several companies' },
    ]);
  }
}

/** Turns the database's refusals into the booking problems callers know. */
function explainRefusal(slot: LockedSlot) {
  return (error: unknown): never => {
    const constraint =
      error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
    if (constraint === 'bookings_one_per_company_slot') throw refusalProblem('already-booked', slot);
    if (constraint === 'bookings_company_limit') throw refusalProblem('company-limit', slot);
    throw error;
  };
}
