import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { DateTime } from 'luxon';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('scheduling: slots', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let region: { id: string };
  let manager: TestUser;
  const api = () => request(app.getHttpServer());
  const as = (user: TestUser) => `Bearer ${user.token}`;
  const createSlots = (testbedId: string, body: object) =>
    api().post(`/api/v1/testbeds/${testbedId}/slots`).set('Authorization', as(manager)).send(body);

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    region = await factory.organization('region', { name: 'Region Skåne' });
    manager = await factory.member(region.id, 'manager');
  });
  afterAll(() => app.close());

  it('creates one slot and lists it with its remaining places', async () => {
    const testbed = await createTestbed(app, manager.token, region.id);
    const created = await createSlots(testbed.id, {
      startsAt: daysFromNow(20, 8),
      endsAt: daysFromNow(20, 16),
      capacity: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body.items).toEqual([
      {
        id: expect.any(String),
        testbedId: testbed.id,
        startsAt: daysFromNow(20, 8),
        endsAt: daysFromNow(20, 16),
        capacity: 2,
        remaining: 2,
        status: 'open',
        closedReason: null,
        recurrenceId: null,
        availability: { bookable: true, reason: null },
      },
    ]);
    const listed = await api()
      .get(`/api/v1/testbeds/${testbed.id}/slots`)
      .query({ from: daysFromNow(19), to: daysFromNow(21) });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual(created.body.items);
    expect(
      (
        await api()
          .get(`/api/v1/testbeds/${testbed.id}/slots`)
          .query({ from: daysFromNow(21) })
      ).body.items,
    ).toEqual([]);
  });

  it('expands a weekly recurrence in the test bed’s zone: 09:00 New York time on both sides of the DST change', async () => {
    const testbed = await createTestbed(app, manager.token, region.id, { timezone: 'America/New_York', capacity: 1 });
    // From the first Monday after today, 10 weeks: long enough to cross a change in most seasons.
    const first = DateTime.now()
      .setZone('America/New_York')
      .plus({ days: 7 })
      .set({ weekday: 1, hour: 9, minute: 0, second: 0, millisecond: 0 });
    const created = await createSlots(testbed.id, {
      startsAt: first.toISO(),
      endsAt: first.set({ hour: 12 }).toISO(),
      capacity: 1,
      recurrence: { frequency: 'weekly', interval: 2, count: 10 },
    });
    expect(created.status).toBe(201);
    expect(created.body.items).toHaveLength(10);
    const recurrenceIds = new Set(created.body.items.map((slot: { recurrenceId: string }) => slot.recurrenceId));
    expect(recurrenceIds.size).toBe(1);
    for (const slot of created.body.items as Array<{ startsAt: string; endsAt: string }>) {
      expect(DateTime.fromISO(slot.startsAt, { zone: 'America/New_York' }).toFormat('ccc HH:mm')).toBe('Mon 09:00');
      expect(DateTime.fromISO(slot.endsAt, { zone: 'America/New_York' }).toFormat('HH:mm')).toBe('12:00');
      expect(slot.startsAt.endsWith('Z')).toBe(true);
    }
  });

  it('previews a weekly series across the October change with the function that saves it: 09:00 stays 09:00, the change is marked', async () => {
    const testbed = await createTestbed(app, manager.token, region.id, { capacity: 1 });
    const year = DateTime.now().year + 1;
    // Mondays from late September over the last Sunday of October.
    const first = DateTime.fromObject({ year, month: 10, day: 1, hour: 9 }, { zone: 'Europe/Stockholm' })
      .minus({ weeks: 1 })
      .set({ weekday: 1 });
    const body = {
      startsAt: first.toISO(),
      endsAt: first.set({ hour: 12 }).toISO(),
      capacity: 1,
      recurrence: { frequency: 'weekly', interval: 1, count: 8 },
    };
    const preview = await api()
      .post(`/api/v1/testbeds/${testbed.id}/slots/preview`)
      .set('Authorization', as(manager))
      .send(body);
    expect(preview.status).toBe(200);
    expect(preview.body.timezone).toBe('Europe/Stockholm');
    expect(preview.body.items).toHaveLength(8);
    const local = preview.body.items.map((slot: { startsAt: string }) =>
      DateTime.fromISO(slot.startsAt, { zone: 'Europe/Stockholm' }).toFormat('HH:mm'),
    );
    expect(new Set(local)).toEqual(new Set(['09:00']));
    const changes = preview.body.items.filter((slot: { offsetChanged: boolean }) => slot.offsetChanged);
    expect(changes).toHaveLength(1);
    expect(changes[0].utcOffsetMinutes).toBe(60);
    expect(preview.body.items[0]).toMatchObject({ utcOffsetMinutes: 120, offsetChanged: false, capacity: 1 });
    // Nothing was made; saving makes exactly the previewed periods.
    expect((await api().get(`/api/v1/testbeds/${testbed.id}/slots`)).body.items).toEqual([]);
    const created = await createSlots(testbed.id, body);
    expect(
      created.body.items.map((slot: { startsAt: string; endsAt: string }) => [slot.startsAt, slot.endsAt]),
    ).toEqual(preview.body.items.map((slot: { startsAt: string; endsAt: string }) => [slot.startsAt, slot.endsAt]));
    // The same checks: a refused series is refused in the preview too, and only managers may ask.
    const tooMany = await api()
      .post(`/api/v1/testbeds/${testbed.id}/slots/preview`)
      .set('Authorization', as(manager))
      .send({ ...body, capacity: 2 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'capacity' })]);
    const stranger = await factory.member((await factory.organization('company')).id, 'member');
    expect(
      (await api().post(`/api/v1/testbeds/${testbed.id}/slots/preview`).set('Authorization', as(stranger)).send(body))
        .status,
    ).toBe(403);
  });

  it('refuses impossible slots', async () => {
    const testbed = await createTestbed(app, manager.token, region.id, { capacity: 2 });
    const cases = [
      { startsAt: daysFromNow(10, 12), endsAt: daysFromNow(10, 10), capacity: 1 },
      { startsAt: daysFromNow(-2, 12), endsAt: daysFromNow(-1, 10), capacity: 1 },
      { startsAt: daysFromNow(10), endsAt: daysFromNow(400), capacity: 1 },
      { startsAt: daysFromNow(10, 8), endsAt: daysFromNow(10, 10), capacity: 3 },
      {
        startsAt: daysFromNow(10, 8),
        endsAt: daysFromNow(10, 10),
        capacity: 1,
        recurrence: { frequency: 'weekly', interval: 1, count: 201 },
      },
      {
        startsAt: daysFromNow(10, 8),
        endsAt: daysFromNow(10, 10),
        capacity: 1,
        recurrence: { frequency: 'weekly', interval: 1 },
      },
      { startsAt: 'tomorrow', endsAt: daysFromNow(10, 10), capacity: 1 },
    ];
    for (const body of cases) {
      const response = await createSlots(testbed.id, body);
      expect({ body, status: response.status, type: response.body.type }).toEqual({
        body,
        status: 400,
        type: '/problems/validation',
      });
    }
  });

  it('never lets overlapping slots offer more places than the test bed’s capacity', async () => {
    const testbed = await createTestbed(app, manager.token, region.id, { capacity: 3 });
    expect(
      (await createSlots(testbed.id, { startsAt: daysFromNow(10, 8), endsAt: daysFromNow(10, 12), capacity: 2 }))
        .status,
    ).toBe(201);
    expect(
      (await createSlots(testbed.id, { startsAt: daysFromNow(10, 10), endsAt: daysFromNow(10, 14), capacity: 1 }))
        .status,
    ).toBe(201);
    // 08–12 (2) and 10–14 (1) already fill 10–12.
    const over = await createSlots(testbed.id, {
      startsAt: daysFromNow(10, 11),
      endsAt: daysFromNow(10, 13),
      capacity: 1,
    });
    expect(over.status).toBe(409);
    expect(over.body.type).toBe('/problems/conflict');
    // Touching is not overlapping: [12, 14) after [08, 12).
    expect(
      (await createSlots(testbed.id, { startsAt: daysFromNow(10, 12), endsAt: daysFromNow(10, 13), capacity: 1 }))
        .status,
    ).toBe(201);
    // A recurrence that collides anywhere creates nothing at all.
    const before = (await api().get(`/api/v1/testbeds/${testbed.id}/slots`)).body.items.length;
    const recurring = await createSlots(testbed.id, {
      startsAt: daysFromNow(3, 9),
      endsAt: daysFromNow(3, 11),
      capacity: 1,
      recurrence: { frequency: 'weekly', interval: 1, count: 5 },
    });
    expect(recurring.status).toBe(409);
    expect((await api().get(`/api/v1/testbeds/${testbed.id}/slots`)).body.items.length).toBe(before);
    // Lowering the test bed's capacity below what its slots offer is refused too.
    const shrink = await api()
      .patch(`/api/v1/testbeds/${testbed.id}`)
      .set('Authorization', as(manager))
      .send({ capacity: 2 });
    expect(shrink.status).toBe(409);
  });

  it('holds the capacity rule when 20 requests race for a capacity-2 test bed', async () => {
    const testbed = await createTestbed(app, manager.token, region.id, { capacity: 2 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        createSlots(testbed.id, {
          startsAt: daysFromNow(15, 8 + (index % 3)),
          endsAt: daysFromNow(15, 14),
          capacity: 1,
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);

    const [{ peak }] = await app.get(DataSource).query(
      `SELECT max((SELECT sum(o.capacity) FROM slots o WHERE o.testbed_id = $1 AND o.status = 'open' AND o.period @> lower(s.period)))::int AS peak
         FROM slots s WHERE s.testbed_id = $1 AND s.status = 'open'`,
      [testbed.id],
    );
    expect(peak).toBe(2);
  });

  it('changes times and capacity, refuses capacity below the places held, and cancels', async () => {
    const testbed = await createTestbed(app, manager.token, region.id, { capacity: 3 });
    const [slot] = (
      await createSlots(testbed.id, { startsAt: daysFromNow(12, 8), endsAt: daysFromNow(12, 12), capacity: 2 })
    ).body.items;
    const moved = await api()
      .patch(`/api/v1/slots/${slot.id}`)
      .set('Authorization', as(manager))
      .send({ startsAt: daysFromNow(12, 9), capacity: 3 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      startsAt: daysFromNow(12, 9),
      endsAt: daysFromNow(12, 12),
      capacity: 3,
      remaining: 3,
    });

    // Two places held (bookings arrive with the booking issue; held is what they will count).
    await app.get(DataSource).query('UPDATE slots SET held = 2 WHERE id = $1', [slot.id]);
    const below = await api().patch(`/api/v1/slots/${slot.id}`).set('Authorization', as(manager)).send({ capacity: 1 });
    expect(below.status).toBe(409);
    expect(below.body.detail).toContain('held');
    expect(
      (await api().patch(`/api/v1/slots/${slot.id}`).set('Authorization', as(manager)).send({ capacity: 2 })).body
        .remaining,
    ).toBe(0);

    const cancelled = await api().post(`/api/v1/slots/${slot.id}/cancel`).set('Authorization', as(manager));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', remaining: 0 });
    expect((await api().post(`/api/v1/slots/${slot.id}/cancel`).set('Authorization', as(manager))).status).toBe(409);
    expect(
      (await api().patch(`/api/v1/slots/${slot.id}`).set('Authorization', as(manager)).send({ capacity: 3 })).status,
    ).toBe(409);
  });

  it('closes a slot to new bookings and waiting lists, keeps its bookings with the reason in their events, and reopens it', async () => {
    const testbed = await createTestbed(app, manager.token, region.id, { capacity: 2 });
    const [slot] = (
      await createSlots(testbed.id, { startsAt: daysFromNow(30, 8), endsAt: daysFromNow(30, 12), capacity: 2 })
    ).body.items;
    const book = (user: TestUser, body: object = {}) =>
      api()
        .post(`/api/v1/slots/${slot.id}/bookings`)
        .set('Authorization', as(user))
        .send({ title: 'Pilot av sängvakt', ...body });
    const companyMember = async () => factory.member((await factory.organization('company')).id, 'member');
    const [booker, latecomer] = [await companyMember(), await companyMember()];
    const booked = await book(booker);
    expect(booked.status).toBe(201);

    // Access as for cancel: a company member may not, another region's manager may not.
    expect(
      (await api().post(`/api/v1/slots/${slot.id}/close`).set('Authorization', as(booker)).send({ reason: 'x' }))
        .status,
    ).toBe(403);
    const stranger = await factory.member((await factory.organization('region')).id, 'manager');
    expect((await api().post(`/api/v1/slots/${slot.id}/close`).set('Authorization', as(stranger))).status).toBe(403);
    expect((await api().post(`/api/v1/slots/${slot.id}/close`)).status).toBe(401);

    const closed = await api()
      .post(`/api/v1/slots/${slot.id}/close`)
      .set('Authorization', as(manager))
      .send({ reason: 'Renovering av labbet' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'Renovering av labbet', remaining: 1 });
    expect((await api().post(`/api/v1/slots/${slot.id}/close`).set('Authorization', as(manager))).status).toBe(409);

    // Refused to a new company, waiting list included, with the rule the web app explains; the listing says the same.
    for (const body of [{}, { waitlist: true }]) {
      const refused = await book(latecomer, body);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ type: '/problems/booking-rule', rule: 'slotClosed' });
    }
    const listed = await api().get(`/api/v1/testbeds/${testbed.id}/slots`).set('Authorization', as(latecomer));
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: slot.id,
        status: 'closed',
        closedReason: 'Renovering av labbet',
        bookable: false,
        reason: 'slot-closed',
        waitlistable: false,
      }),
    ]);

    // The booking stays, and its company reads why in its events.
    const kept = await api().get(`/api/v1/bookings/${booked.body.id}`).set('Authorization', as(booker));
    expect(kept.body.status).toBe(booked.body.status);
    const events = await api().get(`/api/v1/bookings/${booked.body.id}/events`).set('Authorization', as(booker));
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        type: 'slot-closed',
        fromStatus: booked.body.status,
        toStatus: booked.body.status,
        reason: 'Renovering av labbet',
      }),
    );

    expect((await api().post(`/api/v1/slots/${slot.id}/reopen`).set('Authorization', as(booker))).status).toBe(403);
    const reopened = await api().post(`/api/v1/slots/${slot.id}/reopen`).set('Authorization', as(manager));
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedReason: null, remaining: 1 });
    expect((await api().post(`/api/v1/slots/${slot.id}/reopen`).set('Authorization', as(manager))).status).toBe(409);
    expect((await book(latecomer)).status).toBe(201);

    const audit = await app
      .get(DataSource)
      .query(`SELECT action, details FROM audit_entries WHERE subject_id = $1 ORDER BY at`, [slot.id]);
    expect(audit).toEqual([
      { action: 'slot.close', details: { notedBookings: 1, reason: 'Renovering av labbet' } },
      { action: 'slot.reopen', details: { notedBookings: 1 } },
    ]);

    // A cancelled slot is not closed or reopened.
    await api().post(`/api/v1/slots/${slot.id}/cancel`).set('Authorization', as(manager));
    expect((await api().post(`/api/v1/slots/${slot.id}/close`).set('Authorization', as(manager))).status).toBe(409);
    expect((await api().post(`/api/v1/slots/${slot.id}/reopen`).set('Authorization', as(manager))).status).toBe(409);
  });

  it('takes no slots on a retired test bed', async () => {
    const testbed = await createTestbed(app, manager.token, region.id);
    await api().post(`/api/v1/testbeds/${testbed.id}/retire`).set('Authorization', as(manager));
    expect(
      (await createSlots(testbed.id, { startsAt: daysFromNow(10, 8), endsAt: daysFromNow(10, 9), capacity: 1 })).status,
    ).toBe(409);
  });
});
