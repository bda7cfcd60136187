import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  currentRequestId,
  decodeCursor,
  namedStatement,
  queryRow,
  queryRows,
  outboxInsert,
  toPage,
  type Actor,
  type Page,
  type TwoSidedScope,
} from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { BookingReasonCode } from '../booking-reasons.js';
import type { BookingStatus } from '../booking-state.js';
import type { BookingChange } from '../messages/scheduling.topics.js';

export interface BookingRow {
  id: string;
  slotId: string;
  testbedId: string;
  testbedOrganizationId: string;
  testbedName: string;
  testbedTimezone: string;
  organizationId: string;
  /** The booking company's name and organization number, so the test bed's managers know who asks. */
  organizationName: string;
  organizationNumber: string | null;
  title: string;
  description: string | null;
  status: BookingStatus;
  /** The accepted idea the booking pilots. */
  ideaId: string | null;
  startsAt: Date;
  endsAt: Date;
  decisionDueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BookingEventRow {
  at: Date;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: string | null;
  actorApiTokenId: string | null;
  reason: string | null;
  reasonCode: BookingReasonCode | null;
}

/** Why an event happened, as a person wrote it and as a code. */
export type BookingEventReason = Pick<BookingEventRow, 'reason' | 'reasonCode'>;

export interface NewBookingEvent {
  type: string;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  actor: Actor | null;
  reason?: string | null;
  /** Why the system made the change; none for a person's own decision. */
  reasonCode?: BookingReasonCode | null;
}

const BOOKING_ROWS = `SELECT b.id, b.slot_id AS "slotId", b.testbed_id AS "testbedId", t.organization_id AS "testbedOrganizationId",
       t.name AS "testbedName", t.timezone AS "testbedTimezone",
       b.organization_id AS "organizationId", o.name AS "organizationName", o.org_number AS "organizationNumber", b.title, b.description, b.status, b.idea_id AS "ideaId",
       lower(s.period) AS "startsAt", upper(s.period) AS "endsAt", b.decision_due_at AS "decisionDueAt",
       b.created_at AS "createdAt", b.updated_at AS "updatedAt"
  FROM bookings b JOIN slots s ON s.id = b.slot_id
  JOIN catalogue_testbed_booking_rules t ON t.testbed_id = b.testbed_id
  JOIN identity_organization_facts o ON o.organization_id = b.organization_id`;

/** What the one-statement booking request answers: the booking (null when none was made), whether the slot was open, and the company. */
export interface AtomicBooking {
  booking: { id: string; status: BookingStatus; decisionDueAt: Date | null; createdAt: Date; updatedAt: Date } | null;
  slotOpen: boolean;
  company: { organizationName: string; organizationNumber: string | null };
}

export interface BookingFilter {
  status?: BookingStatus;
  testbedId?: string;
  organizationId?: string;
  slotId?: string;
  from?: Date;
  to?: Date;
}

/** The booking statement (BookingsRepository.bookAtomically); planned once per connection. The benchmark runs it under pgbench. */
export const BOOK_ATOMICALLY = namedStatement(
  'scheduling.book-atomically',
  `WITH slot AS (
         SELECT id, testbed_id, capacity, held FROM slots WHERE id = $1 AND status = 'open' FOR UPDATE
       ), booking AS (
         INSERT INTO bookings (slot_id, testbed_id, organization_id, created_by_user_id, title, description, status, decision_due_at, idea_id)
         SELECT slot.id, slot.testbed_id, $2, $3, $4, $5,
                CASE WHEN slot.held < slot.capacity THEN $6 ELSE 'waitlisted' END,
                CASE WHEN slot.held < slot.capacity THEN $7::timestamptz END, $12::uuid
           FROM slot
          WHERE slot.held < slot.capacity OR $8::boolean
         RETURNING id, status, decision_due_at, created_at, updated_at
       ), event AS (
         INSERT INTO booking_events (booking_id, type, from_status, to_status, actor_user_id, actor_api_token_id)
         SELECT id, CASE status WHEN 'pending' THEN 'requested' ELSE status END, NULL, status, $9, $10 FROM booking
       ), outbox AS (
         ${outboxInsert({
           from: 'booking',
           topic: {
             on: 'status',
             when: { pending: 'booking.requested', confirmed: 'booking.confirmed', waitlisted: 'booking.waitlisted' },
           },
           payload: { bookingId: 'id' },
           requestId: '$11',
         })}
       )
       SELECT (SELECT json_build_object('id', id, 'status', status, 'decisionDueAt', decision_due_at, 'createdAt', created_at, 'updatedAt', updated_at) FROM booking) AS booking,
              EXISTS (SELECT 1 FROM slot) AS "slotOpen",
              (SELECT json_build_object('organizationName', name, 'organizationNumber', org_number) FROM identity_organization_facts WHERE organization_id = $2) AS company`,
);

@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insert(
    data: {
      slotId: string;
      testbedId: string;
      organizationId: string;
      createdByUserId: string | null;
      title: string;
      description: string | null;
      status: BookingStatus;
      decisionDueAt: Date | null;
    },
    event: NewBookingEvent,
    manager: EntityManager,
  ): Promise<{ id: string; createdAt: Date; updatedAt: Date }> {
    const row = await queryRow<{ id: string; createdAt: Date; updatedAt: Date }>(
      manager,
      `WITH booking AS (
         INSERT INTO bookings (slot_id, testbed_id, organization_id, created_by_user_id, title, description, status, decision_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, created_at, updated_at
       ), event AS (
         INSERT INTO booking_events (booking_id, type, from_status, to_status, actor_user_id, actor_api_token_id, reason)
         SELECT id, $9, NULL, $7, $10, $11, $12 FROM booking
       )
       SELECT id, created_at AS "createdAt", updated_at AS "updatedAt" FROM booking`,
      [
        data.slotId,
        data.testbedId,
        data.organizationId,
        data.createdByUserId,
        data.title,
        data.description,
        data.status,
        data.decisionDueAt,
        event.type,
        event.actor?.userId ?? null,
        event.actor?.type === 'apiToken' ? event.actor.id : null,
        event.reason ?? null,
      ],
    );
    return row!;
  }

  /**
   * A booking request in one statement: it locks the slot, takes a place if one
   * is free (pending or confirmed as asked), else a place on the waiting list if
   * allowed, and records the event. Its triggers keep `held` and the company's
   * limit; the partial unique index keeps one active booking per company. No
   * row back means the slot is full (or no longer open).
   */
  async bookAtomically(
    data: {
      slotId: string;
      organizationId: string;
      createdByUserId: string | null;
      title: string;
      description: string | null;
      placeStatus: 'pending' | 'confirmed';
      decisionDueAt: Date | null;
      waitlist: boolean;
      ideaId: string | null;
    },
    actor: Actor,
    manager?: EntityManager,
  ): Promise<AtomicBooking> {
    const row = await queryRow<AtomicBooking>(this.run(manager), BOOK_ATOMICALLY, [
      data.slotId,
      data.organizationId,
      data.createdByUserId,
      data.title,
      data.description,
      data.placeStatus,
      data.decisionDueAt,
      data.waitlist,
      actor.userId,
      actor.type === 'apiToken' ? actor.id : null,
      currentRequestId(),
      data.ideaId,
    ]);
    return row!;
  }

  /** Changes the status, records the event and the outbox message in one statement; the held-places trigger follows. */
  async transition(
    id: string,
    to: BookingStatus,
    event: NewBookingEvent & { type: BookingChange },
    manager: EntityManager,
    changes: { decisionDueAt?: Date | null; slotId?: string } = {},
  ): Promise<void> {
    await manager.query(
      `WITH changed AS (
         UPDATE bookings SET status = $2, updated_at = now(),
                decision_due_at = CASE WHEN $8::boolean THEN $9::timestamptz ELSE decision_due_at END,
                slot_id = coalesce($10::uuid, slot_id)
          WHERE id = $1 RETURNING id
       )
       , event AS (
         INSERT INTO booking_events (booking_id, type, from_status, to_status, actor_user_id, actor_api_token_id, reason, reason_code)
         SELECT id, $3, $4, $2, $5, $6, $7, $12 FROM changed
       )
       ${outboxInsert({ from: 'changed', topic: `booking.${event.type}`, payload: { bookingId: 'id' }, requestId: '$11' })}`,
      [
        id,
        to,
        event.type,
        event.fromStatus,
        event.actor?.userId ?? null,
        event.actor?.type === 'apiToken' ? event.actor.id : null,
        event.reason ?? null,
        'decisionDueAt' in changes,
        changes.decisionDueAt ?? null,
        changes.slotId ?? null,
        currentRequestId(),
        event.reasonCode ?? null,
      ],
    );
  }

  async findById(id: string, manager?: EntityManager): Promise<BookingRow | null> {
    return queryRow<BookingRow>(this.run(manager), `${BOOKING_ROWS} WHERE b.id = $1`, [id]);
  }

  /** Bookings by id, in one read. */
  async findByIds(ids: readonly string[]): Promise<BookingRow[]> {
    return queryRows<BookingRow>(this.dataSource, `${BOOKING_ROWS} WHERE b.id = ANY($1::uuid[])`, [ids]);
  }

  /** Locks the booking's row; callers lock its slot first (see PlacesService). */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM bookings WHERE id = $1 FOR UPDATE', [id]);
  }

  /** The oldest booking waiting for a place in the slot. */
  async oldestWaiting(slotId: string, manager: EntityManager): Promise<string | null> {
    const row = await queryRow<{ id: string }>(
      manager,
      `SELECT id FROM bookings WHERE slot_id = $1 AND status = 'waitlisted' ORDER BY created_at, id LIMIT 1 FOR UPDATE`,
      [slotId],
    );
    return row?.id ?? null;
  }

  async activeOfSlot(slotId: string, manager: EntityManager): Promise<Array<{ id: string; status: BookingStatus }>> {
    return queryRows<{ id: string; status: BookingStatus }>(
      manager,
      `SELECT id, status FROM bookings WHERE slot_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted') ORDER BY created_at FOR UPDATE`,
      [slotId],
    );
  }

  /**
   * An event on every active booking of the slot that leaves its status as it
   * is (the slot was closed or reopened), so each company reads why in its
   * booking's history, and hears of it by e-mail and webhook (in the same
   * statement, so the note and its message commit together).
   */
  async noteOnActiveOfSlot(
    slotId: string,
    type: 'slot-closed' | 'slot-reopened',
    reason: { text: string | null; code: BookingReasonCode | null },
    actor: Actor,
    manager: EntityManager,
  ): Promise<number> {
    const rows = await queryRows<{ bookingId: string }>(
      manager,
      `WITH noted AS (
         INSERT INTO booking_events (booking_id, type, from_status, to_status, actor_user_id, actor_api_token_id, reason, reason_code)
         SELECT id, $2, status, status, $3, $4, $5, $6 FROM bookings WHERE slot_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted')
         RETURNING booking_id
       ), told AS (
         ${outboxInsert({ from: 'noted', topic: `booking.${type}`, payload: { bookingId: 'booking_id' }, requestId: '$7' })}
         RETURNING 1
       )
       SELECT booking_id AS "bookingId" FROM noted`,
      [
        slotId,
        type,
        actor.userId ?? null,
        actor.type === 'apiToken' ? actor.id : null,
        reason.text,
        reason.code,
        currentRequestId(),
      ],
    );
    return rows.length;
  }

  /** Whether the company already holds or waits for the slot. */
  async companyHoldsSlot(organizationId: string, slotId: string, manager: EntityManager): Promise<boolean> {
    const row = await queryRow<{ held: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM bookings WHERE slot_id = $1 AND organization_id = $2 AND status IN ('pending', 'confirmed', 'waitlisted')) AS held`,
      [slotId, organizationId],
    );
    return row!.held;
  }

  /**
   * Queues the reminders that have come due, each once, as outbox messages:
   * `reminderDays` before a slot starts (pending and confirmed bookings), and a
   * day before a pending request's decision deadline. A reminder whose time is
   * more than `windowMinutes` past (a booking made later, a worker that was
   * down longer) is skipped rather than sent late.
   */
  async queueDueReminders(windowMinutes: number, now: Date): Promise<number> {
    const rows = await queryRows<{ queued: 1 }>(
      this.dataSource,
      `WITH due AS (
         SELECT b.id AS booking_id, 'starts-in-' || d || '-days' AS kind, lower(s.period) AS due_for, d AS days
           FROM bookings b JOIN slots s ON s.id = b.slot_id
           JOIN catalogue_testbed_booking_rules t ON t.testbed_id = b.testbed_id, unnest(t.reminder_days) AS d
          WHERE b.status IN ('pending', 'confirmed') AND s.status <> 'cancelled'
            AND $2::timestamptz >= lower(s.period) - make_interval(days => d)
            AND $2::timestamptz < lower(s.period) - make_interval(days => d) + make_interval(mins => $1)
         UNION ALL
         SELECT b.id, 'decision-due', b.decision_due_at, NULL
           FROM bookings b
          WHERE b.status = 'pending'
            AND $2::timestamptz >= b.decision_due_at - interval '1 day'
            AND $2::timestamptz < b.decision_due_at - interval '1 day' + make_interval(mins => $1)
       ), fresh AS (
         INSERT INTO booking_reminders (booking_id, kind, due_for)
         SELECT booking_id, kind, due_for FROM due
         ON CONFLICT DO NOTHING
         RETURNING booking_id, kind
       )
       ${outboxInsert({
         from: 'fresh',
         topic: { on: 'kind', when: { 'decision-due': 'booking.decision-due' }, else: 'booking.starts-soon' },
         payload: { bookingId: 'booking_id', kind: 'kind' },
       })}
       RETURNING 1 AS queued`,
      [windowMinutes, now.toISOString()],
    );
    return rows.length;
  }

  /** Pending requests nobody decided in time, oldest first. */
  overdue(limit: number, now: Date): Promise<Array<{ id: string; slotId: string }>> {
    return queryRows<{ id: string; slotId: string }>(
      this.dataSource,
      `SELECT b.id, b.slot_id AS "slotId" FROM bookings b
        WHERE b.status = 'pending' AND b.decision_due_at <= $2::timestamptz
        ORDER BY b.decision_due_at LIMIT $1`,
      [limit, now.toISOString()],
    );
  }

  /**
   * Bookings the caller may see, newest first: its companies' own, and those on
   * test beds its organizations manage (`all` for platform admins).
   */
  async list(visible: TwoSidedScope, filter: BookingFilter, limit: number, cursor?: string): Promise<Page<BookingRow>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (!('all' in visible))
      where.push(
        `(b.organization_id = ANY(${param(visible.companies)}::uuid[]) OR t.organization_id = ANY(${param(visible.managed)}::uuid[]))`,
      );
    if (filter.status) where.push(`b.status = ${param(filter.status)}`);
    if (filter.testbedId) where.push(`b.testbed_id = ${param(filter.testbedId)}::uuid`);
    if (filter.organizationId) where.push(`b.organization_id = ${param(filter.organizationId)}::uuid`);
    if (filter.slotId) where.push(`b.slot_id = ${param(filter.slotId)}::uuid`);
    if (filter.from || filter.to)
      where.push(
        `s.period && tstzrange(${param(filter.from ?? null)}::timestamptz, ${param(filter.to ?? null)}::timestamptz, '[)')`,
      );
    const before = decodeCursor(cursor, 2);
    if (before) where.push(`(b.created_at, b.id) < (${param(before[0])}::timestamptz, ${param(before[1])}::uuid)`);
    const rows = await queryRows<BookingRow>(
      this.dataSource,
      `${BOOKING_ROWS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.created_at DESC, b.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, (last) => [new Date(last.createdAt).toISOString(), last.id]);
  }

  /**
   * The reason of each booking's latest event of each type, by booking id and
   * type: a notice tells the reason of the change it is about, which a later
   * change (a slot closed, then reopened) must not replace.
   */
  async lastReasonsByType(bookingIds: readonly string[]): Promise<Map<string, Map<string, BookingEventReason>>> {
    const rows = await queryRows<BookingEventReason & { bookingId: string; type: string }>(
      this.dataSource,
      `SELECT DISTINCT ON (booking_id, type) booking_id AS "bookingId", type, reason, reason_code AS "reasonCode"
         FROM booking_events WHERE booking_id = ANY($1::uuid[]) ORDER BY booking_id, type, at DESC, seq DESC`,
      [bookingIds],
    );
    const byBooking = new Map<string, Map<string, BookingEventReason>>();
    for (const { bookingId, type, ...last } of rows) {
      const types = byBooking.get(bookingId) ?? new Map<string, BookingEventReason>();
      byBooking.set(bookingId, types.set(type, last));
    }
    return byBooking;
  }

  events(bookingId: string): Promise<BookingEventRow[]> {
    return queryRows<BookingEventRow>(
      this.dataSource,
      `SELECT at, type, from_status AS "fromStatus", to_status AS "toStatus", actor_user_id AS "actorUserId", actor_api_token_id AS "actorApiTokenId",
              reason, reason_code AS "reasonCode"
         FROM booking_events WHERE booking_id = $1 ORDER BY at, seq`,
      [bookingId],
    );
  }
}
