import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('rescheduling a booking', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let manager: TestUser;
  let region: { id: string };
  let day = 100;
  const api = () => request(app.getHttpServer());
  const as = (user: TestUser) => `Bearer ${user.token}`;

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    region = await factory.organization('region');
    manager = await factory.member(region.id, 'manager');
  });
  afterAll(() => app.close());

  const testbedWithSlots = async (capacities: number[], requiresApproval = true) => {
    const testbed = await createTestbed(app, manager.token, region.id, {
      capacity: 3,
      rules: {
        requiresApproval,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 10,
        decisionDays: 5,
      },
    });
    const slots: string[] = [];
    for (const capacity of capacities) {
      const created = await api()
        .post(`/api/v1/testbeds/${testbed.id}/slots`)
        .set('Authorization', as(manager))
        .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 16), capacity });
      slots.push(created.body.items[0].id);
    }
    return { testbedId: testbed.id, slots };
  };
  const companyMember = async () => factory.member((await factory.organization('company')).id, 'member');
  const book = (slotId: string, user: TestUser, body: object = {}) =>
    api()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', as(user))
      .send({ title: 'Pilot', ...body });
  const move = (bookingId: string, user: TestUser, slotId: string) =>
    api().post(`/api/v1/bookings/${bookingId}/reschedule`).set('Authorization', as(user)).send({ slotId });
  const places = async (slotId: string) =>
    (await app.get(DataSource).query('SELECT held FROM slots WHERE id = $1', [slotId]))[0].held;

  it('moves the place, asks for a new decision, and gives the old place to the waiting list', async () => {
    const {
      slots: [from, to],
    } = await testbedWithSlots([1, 1]);
    const user = await companyMember();
    const booking = await book(from!, user);
    await api().post(`/api/v1/bookings/${booking.body.id}/approve`).set('Authorization', as(manager));
    const waiting = await book(from!, await companyMember(), { waitlist: true });

    const moved = await move(booking.body.id, user, to!);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: booking.body.id,
      slotId: to,
      status: 'pending',
      decisionDueAt: expect.any(String),
    });
    expect([await places(from!), await places(to!)]).toEqual([1, 1]);
    expect((await api().get(`/api/v1/bookings/${waiting.body.id}`).set('Authorization', as(manager))).body.status).toBe(
      'pending',
    );
    const events = await api().get(`/api/v1/bookings/${booking.body.id}/events`).set('Authorization', as(user));
    expect(events.body.items.at(-1)).toMatchObject({
      type: 'rescheduled',
      fromStatus: 'confirmed',
      toStatus: 'pending',
      reason: `moved from slot ${from}`,
    });
  });

  it('changes nothing when the target slot is full, and only the company may move its booking', async () => {
    const {
      slots: [from, to],
    } = await testbedWithSlots([1, 1]);
    const user = await companyMember();
    const booking = await book(from!, user);
    await book(to!, await companyMember());
    const refused = await move(booking.body.id, user, to!);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/slot-full');
    expect((await api().get(`/api/v1/bookings/${booking.body.id}`).set('Authorization', as(user))).body.slotId).toBe(
      from,
    );
    expect([await places(from!), await places(to!)]).toEqual([1, 1]);
    expect((await move(booking.body.id, manager, to!)).status).toBe(403);
  });

  it('refuses another test bed’s slot and a finished booking', async () => {
    const {
      slots: [from],
    } = await testbedWithSlots([1]);
    const {
      slots: [elsewhere],
    } = await testbedWithSlots([1]);
    const user = await companyMember();
    const booking = await book(from!, user);
    expect((await move(booking.body.id, user, elsewhere!)).body).toMatchObject({ status: 422, rule: 'sameTestbed' });
    await api().post(`/api/v1/bookings/${booking.body.id}/cancel`).set('Authorization', as(user)).send({});
    const {
      slots: [, other],
    } = await testbedWithSlots([1, 1]);
    expect((await move(booking.body.id, user, other!)).status).toBe(409);
  });

  it('keeps every place counted when two bookings swap slots at the same moment', async () => {
    const {
      slots: [a, b],
    } = await testbedWithSlots([2, 2], false);
    const [first, second] = [await companyMember(), await companyMember()];
    const inA = await book(a!, first);
    const inB = await book(b!, second);
    const responses = await Promise.all([move(inA.body.id, first, b!), move(inB.body.id, second, a!)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200]);
    const [row] = await app.get(DataSource).query(
      `SELECT (SELECT held FROM slots WHERE id = $1) + (SELECT held FROM slots WHERE id = $2) AS held,
              (SELECT count(*)::int FROM bookings WHERE slot_id IN ($1, $2) AND status IN ('pending', 'confirmed')) AS holding`,
      [a, b],
    );
    expect(row).toEqual({ held: 2, holding: 2 });
  });
});
