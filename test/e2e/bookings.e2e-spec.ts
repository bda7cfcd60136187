import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { BookingsService } from '@slussen/scheduling';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('booking', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let region: { id: string };
  let manager: TestUser;
  let day = 30;
  const api = () => request(app.getHttpServer());
  const as = (user: TestUser | string) => `Bearer ${typeof user === 'string' ? user : user.token}`;
  const companyMember = async () => factory.member((await factory.organization('company')).id, 'member');

  /** A published test bed that books from tomorrow on, and a slot in it. */
  const slotWith = async (capacity: number, rules: Record<string, unknown> = {}, testbedCapacity = capacity) => {
    const testbed = await createTestbed(app, manager.token, region.id, {
      capacity: testbedCapacity,
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
        ...rules,
      },
    });
    const slot = await api()
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set('Authorization', as(manager))
      .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 16), capacity });
    expect(slot.status).toBe(201);
    return { testbedId: testbed.id, slotId: slot.body.items[0].id as string };
  };
  /** `count` more one-place slots in the test bed, a day apart after the last. */
  const moreSlots = async (testbedId: string, count: number) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const created = await api()
        .post(`/api/v1/testbeds/${testbedId}/slots`)
        .set('Authorization', as(manager))
        .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 16), capacity: 1 });
      ids.push(created.body.items[0].id as string);
    }
    return ids;
  };
  const book = (slotId: string, user: TestUser | string, body: object = {}) =>
    api()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', as(user))
      .send({ title: 'Pilot av fallsensorer', ...body });
  const held = async (slotId: string) => {
    const [row] = await app
      .get(DataSource)
      .query(
        `SELECT s.held, s.capacity, (SELECT count(*)::int FROM bookings b WHERE b.slot_id = s.id AND b.status IN ('pending', 'confirmed')) AS holding FROM slots s WHERE s.id = $1`,
        [slotId],
      );
    return row as { held: number; capacity: number; holding: number };
  };

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    region = await factory.organization('region', { name: 'Region Östergötland' });
    manager = await factory.member(region.id, 'manager');
  });
  afterAll(() => app.close());

  describe('requests and decisions', () => {
    it('makes a pending request with a decision deadline, approved by the test bed, with every event kept', async () => {
      const { slotId, testbedId } = await slotWith(2);
      const company = await companyMember();
      const created = await book(slotId, company, { description: 'Tre månader på avdelning 3.' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        slotId,
        testbedId,
        organizationId: expect.any(String),
        title: 'Pilot av fallsensorer',
        status: 'pending',
        decisionDueAt: expect.any(String),
      });
      expect(new Date(created.body.decisionDueAt).getTime()).toBeLessThanOrEqual(
        new Date(created.body.startsAt).getTime(),
      );
      expect((await held(slotId)).held).toBe(1);

      // The company may not decide its own request.
      expect(
        (await api().post(`/api/v1/bookings/${created.body.id}/approve`).set('Authorization', as(company))).status,
      ).toBe(403);
      const approved = await api()
        .post(`/api/v1/bookings/${created.body.id}/approve`)
        .set('Authorization', as(manager));
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'confirmed', decisionDueAt: null });
      expect(
        (await api().post(`/api/v1/bookings/${created.body.id}/approve`).set('Authorization', as(manager))).status,
      ).toBe(409);

      const events = await api().get(`/api/v1/bookings/${created.body.id}/events`).set('Authorization', as(company));
      expect(events.status).toBe(200);
      expect(events.body.items).toEqual([
        {
          at: expect.any(String),
          type: 'requested',
          fromStatus: null,
          toStatus: 'pending',
          actor: { userId: company.id, apiTokenId: null },
          reason: null,
          reasonCode: null,
        },
        {
          at: expect.any(String),
          type: 'confirmed',
          fromStatus: 'pending',
          toStatus: 'confirmed',
          actor: { userId: manager.id, apiTokenId: null },
          reason: null,
          reasonCode: null,
        },
      ]);
      expect((await api().get(`/api/v1/bookings/${created.body.id}`).set('Authorization', as(manager))).status).toBe(
        200,
      );
      expect(
        (
          await api()
            .get(`/api/v1/bookings/${created.body.id}`)
            .set('Authorization', as(await companyMember()))
        ).status,
      ).toBe(404);
    });

    it('confirms at once when the test bed needs no approval', async () => {
      const { slotId } = await slotWith(1, { requiresApproval: false });
      const created = await book(slotId, await companyMember());
      expect(created.body).toMatchObject({ status: 'confirmed', decisionDueAt: null });
    });

    it('rejects with a reason, freeing the place for the oldest waiting booking', async () => {
      const { slotId } = await slotWith(1);
      const first = await book(slotId, await companyMember());
      const waiting = [await companyMember(), await companyMember()];
      const second = await book(slotId, waiting[0]!, { waitlist: true });
      const third = await book(slotId, waiting[1]!, { waitlist: true });
      expect([second.body.status, third.body.status]).toEqual(['waitlisted', 'waitlisted']);
      expect((await held(slotId)).held).toBe(1);

      expect(
        (await api().post(`/api/v1/bookings/${first.body.id}/reject`).set('Authorization', as(manager)).send({}))
          .status,
      ).toBe(400);
      const rejected = await api()
        .post(`/api/v1/bookings/${first.body.id}/reject`)
        .set('Authorization', as(manager))
        .send({ reason: 'Passar inte avdelningens inriktning' });
      expect(rejected.body.status).toBe('rejected');
      const promoted = await api().get(`/api/v1/bookings/${second.body.id}`).set('Authorization', as(waiting[0]!));
      expect(promoted.body).toMatchObject({ status: 'pending', decisionDueAt: expect.any(String) });
      expect(
        (await api().get(`/api/v1/bookings/${third.body.id}`).set('Authorization', as(waiting[1]!))).body.status,
      ).toBe('waitlisted');
      const events = await api().get(`/api/v1/bookings/${second.body.id}/events`).set('Authorization', as(waiting[0]!));
      expect(events.body.items.map((event: { type: string }) => event.type)).toEqual(['waitlisted', 'promoted']);
      expect(events.body.items.at(-1)).toMatchObject({ reason: 'a place became free', reasonCode: 'place-free' });
      expect(await held(slotId)).toMatchObject({ held: 1, holding: 1 });
    });

    it('lets either side cancel, and a cancelled booking cannot come back', async () => {
      const { slotId } = await slotWith(2);
      const company = await companyMember();
      const byCompany = await book(slotId, company);
      const cancelled = await api()
        .post(`/api/v1/bookings/${byCompany.body.id}/cancel`)
        .set('Authorization', as(company))
        .send({ reason: 'Produkten är inte klar' });
      expect(cancelled.body.status).toBe('cancelled');
      expect(
        (await api().post(`/api/v1/bookings/${byCompany.body.id}/approve`).set('Authorization', as(manager))).status,
      ).toBe(409);
      expect(
        (await api().post(`/api/v1/bookings/${byCompany.body.id}/cancel`).set('Authorization', as(company)).send({}))
          .status,
      ).toBe(409);

      const other = await book(slotId, await companyMember());
      expect(
        (await api().post(`/api/v1/bookings/${other.body.id}/cancel`).set('Authorization', as(manager)).send({})).body
          .status,
      ).toBe('cancelled');
      expect(await held(slotId)).toMatchObject({ held: 0, holding: 0 });
    });
  });

  describe('rules', () => {
    it('answers 409 slot-full without waitlist, and already-booked for a second request', async () => {
      const { slotId } = await slotWith(1);
      const company = await companyMember();
      expect((await book(slotId, company)).status).toBe(201);
      const again = await book(slotId, company, { waitlist: true });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('/problems/already-booked');
      const full = await book(slotId, await companyMember());
      expect(full.status).toBe(409);
      expect(full.body.type).toBe('/problems/slot-full');
    });

    it('answers 422 booking-rule naming the rule', async () => {
      const company = await companyMember();
      const lead = await slotWith(1, { minLeadDays: 60 });
      expect((await book(lead.slotId, company)).body).toMatchObject({
        status: 422,
        type: '/problems/booking-rule',
        rule: 'minLeadDays',
      });
      const ahead = await slotWith(1, { maxAdvanceDays: 5 });
      expect((await book(ahead.slotId, company)).body).toMatchObject({ status: 422, rule: 'maxAdvanceDays' });

      const started = await slotWith(1);
      await app
        .get(DataSource)
        .query(
          `UPDATE slots SET period = tstzrange(now() - interval '1 hour', now() + interval '1 hour', '[)') WHERE id = $1`,
          [started.slotId],
        );
      expect((await book(started.slotId, company)).body).toMatchObject({ status: 422, rule: 'slotStarted' });

      const limited = await slotWith(1, { maxActiveBookingsPerCompany: 1 }, 3);
      const second = await api()
        .post(`/api/v1/testbeds/${limited.testbedId}/slots`)
        .set('Authorization', as(manager))
        .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 16), capacity: 1 });
      expect((await book(limited.slotId, company)).status).toBe(201);
      expect((await book(second.body.items[0].id, company)).body).toMatchObject({
        status: 422,
        rule: 'maxActiveBookingsPerCompany',
      });

      const retired = await slotWith(1);
      await api().post(`/api/v1/testbeds/${retired.testbedId}/retire`).set('Authorization', as(manager));
      expect((await book(retired.slotId, company)).body).toMatchObject({ status: 422, rule: 'testbedRetired' });
    });

    it('hides slots of draft test beds (404), and refuses callers who are not in a company', async () => {
      const draft = await createTestbed(
        app,
        manager.token,
        region.id,
        {
          rules: {
            requiresApproval: true,
            minLeadDays: 1,
            maxAdvanceDays: 365,
            maxActiveBookingsPerCompany: 5,
            decisionDays: 5,
          },
        },
        false,
      );
      const slot = await api()
        .post(`/api/v1/testbeds/${draft.id}/slots`)
        .set('Authorization', as(manager))
        .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 16), capacity: 1 });
      expect((await book(slot.body.items[0].id, await companyMember())).status).toBe(404);
      const { slotId } = await slotWith(1);
      expect((await book(slotId, manager)).status).toBe(403);
    });

    it('cancels every booking of a cancelled slot', async () => {
      const { slotId } = await slotWith(1);
      const first = await book(slotId, await companyMember());
      const waiting = await book(slotId, await companyMember(), { waitlist: true });
      expect((await api().post(`/api/v1/slots/${slotId}/cancel`).set('Authorization', as(manager))).status).toBe(200);
      for (const id of [first.body.id, waiting.body.id]) {
        const events = await api().get(`/api/v1/bookings/${id}/events`).set('Authorization', as(manager));
        expect(events.body.items.at(-1)).toMatchObject({
          type: 'cancelled',
          toStatus: 'cancelled',
          reason: 'the slot was cancelled',
          reasonCode: 'slot-cancelled',
        });
      }
      expect(await held(slotId)).toMatchObject({ held: 0, holding: 0 });
    });

    it('names the asking company to the test bed, lists one slot’s waiting list, and passes a slot’s cancellation reason on', async () => {
      const { slotId } = await slotWith(1);
      const companyOrg = await factory.organization('company', { name: 'Vitalsens AB' });
      const asker = await factory.member(companyOrg.id, 'member');
      const first = await book(slotId, asker);
      expect(first.body).toMatchObject({ organizationId: companyOrg.id, organizationName: 'Vitalsens AB' });
      const waiting = await book(slotId, await companyMember(), { waitlist: true });
      expect(waiting.body.status).toBe('waitlisted');
      const read = await api().get(`/api/v1/bookings/${first.body.id}`).set('Authorization', as(manager));
      expect(read.body).toMatchObject({
        organizationName: 'Vitalsens AB',
        organizationNumber: first.body.organizationNumber,
      });
      const waitingList = await api()
        .get('/api/v1/bookings')
        .query({ slotId, status: 'waitlisted' })
        .set('Authorization', as(manager));
      expect(waitingList.body.items.map((booking: { id: string }) => booking.id)).toEqual([waiting.body.id]);

      const cancelled = await api()
        .post(`/api/v1/slots/${slotId}/cancel`)
        .set('Authorization', as(manager))
        .send({ reason: 'Avdelningen renoveras' });
      expect(cancelled.status).toBe(200);
      const events = await api().get(`/api/v1/bookings/${first.body.id}/events`).set('Authorization', as(asker));
      // The manager's own words stay the reason; the code says the slot's cancellation ended it.
      expect(events.body.items.at(-1)).toMatchObject({
        type: 'cancelled',
        reason: 'Avdelningen renoveras',
        reasonCode: 'slot-cancelled',
      });
    });

    it('gives new places to the waiting list when a slot’s capacity is raised', async () => {
      const { slotId } = await slotWith(1, {}, 3);
      await book(slotId, await companyMember());
      const waiting = await book(slotId, await companyMember(), { waitlist: true });
      await api().patch(`/api/v1/slots/${slotId}`).set('Authorization', as(manager)).send({ capacity: 2 });
      expect(
        (await api().get(`/api/v1/bookings/${waiting.body.id}`).set('Authorization', as(manager))).body.status,
      ).toBe('pending');
    });

    it('expires requests nobody decided in time, and promotes the waiting list', async () => {
      const { slotId } = await slotWith(1);
      const pending = await book(slotId, await companyMember());
      const waiting = await book(slotId, await companyMember(), { waitlist: true });
      await app
        .get(DataSource)
        .query(`UPDATE bookings SET decision_due_at = now() - interval '1 minute' WHERE id = $1`, [pending.body.id]);
      expect(await app.get(BookingsService).expireOverdue(100)).toBeGreaterThanOrEqual(1);
      expect(
        (await api().get(`/api/v1/bookings/${pending.body.id}`).set('Authorization', as(manager))).body.status,
      ).toBe('expired');
      const events = await api().get(`/api/v1/bookings/${pending.body.id}/events`).set('Authorization', as(manager));
      expect(events.body.items.at(-1)).toMatchObject({ reason: 'not decided in time', reasonCode: 'not-decided' });
      expect(
        (await api().get(`/api/v1/bookings/${waiting.body.id}`).set('Authorization', as(manager))).body.status,
      ).toBe('pending');
    });
  });

  describe('under concurrency', () => {
    it('gives exactly 3 places to 200 companies asking at once, and 409 slot-full to the rest', async () => {
      const { slotId } = await slotWith(3);
      // Setting up 200 companies is not the race: twenty at a time, so a busy machine does not run out of
      // database connections before the bookings are even sent (those 200 go at once below).
      const companies: Array<Awaited<ReturnType<typeof companyMember>>> = [];
      while (companies.length < 200)
        companies.push(...(await Promise.all(Array.from({ length: 20 }, () => companyMember()))));
      const responses = await Promise.all(companies.map((company) => book(slotId, company)));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      expect(statuses.filter((status) => status === 201)).toHaveLength(3);
      expect(
        responses
          .filter((response) => response.status === 409)
          .every((response) => response.body.type === '/problems/slot-full'),
      ).toBe(true);
      expect(statuses.filter((status) => status === 409)).toHaveLength(197);
      expect(await held(slotId)).toEqual({ held: 3, capacity: 3, holding: 3 });
    }, 90_000);

    it('puts the rest on the waiting list when they ask for it', async () => {
      const { slotId } = await slotWith(3);
      const companies = await Promise.all(Array.from({ length: 60 }, () => companyMember()));
      const responses = await Promise.all(companies.map((company) => book(slotId, company, { waitlist: true })));
      expect(responses.every((response) => response.status === 201)).toBe(true);
      const statuses = responses.map((response) => response.body.status);
      expect(statuses.filter((status) => status === 'pending')).toHaveLength(3);
      expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(57);
      expect(await held(slotId)).toEqual({ held: 3, capacity: 3, holding: 3 });
    });

    it('holds one company to the per-company limit when it asks for many slots at once', async () => {
      const { testbedId, slotId } = await slotWith(1, { maxActiveBookingsPerCompany: 2 }, 1);
      const others = await moreSlots(testbedId, 9);
      const company = await companyMember();
      const responses = await Promise.all([slotId, ...others].map((id) => book(id, company)));
      expect(responses.map((response) => response.status).sort()).toEqual([201, 201, ...Array(8).fill(422)]);
      expect(
        responses
          .filter((response) => response.status === 422)
          .every((response) => response.body.rule === 'maxActiveBookingsPerCompany'),
      ).toBe(true);
    });

    it('counts against the per-company limit only places in slots that have not ended', async () => {
      const { testbedId, slotId } = await slotWith(1, { maxActiveBookingsPerCompany: 2 }, 1);
      const slots = [slotId, ...(await moreSlots(testbedId, 3))];
      const company = await companyMember();
      expect((await book(slots[0]!, company)).status).toBe(201);
      expect((await book(slots[1]!, company)).status).toBe(201);
      // The first slot has ended: its place, still confirmed or pending, no longer counts.
      await app
        .get(DataSource)
        .query(
          `UPDATE slots SET period = tstzrange(now() - interval '2 days', now() - interval '1 day', '[)') WHERE id = $1`,
          [slots[0]],
        );
      expect((await book(slots[2]!, company)).status).toBe(201);
      const over = await book(slots[3]!, company);
      expect(over.status).toBe(422);
      expect(over.body.rule).toBe('maxActiveBookingsPerCompany');
    });

    it('never exceeds capacity when approvals, cancellations and promotions race', async () => {
      const { slotId } = await slotWith(2);
      const people = await Promise.all(Array.from({ length: 12 }, () => companyMember()));
      const bookings = [];
      for (const person of people)
        bookings.push({
          person,
          booking: (await book(slotId, person, { waitlist: true })).body as { id: string; status: string },
        });
      const actions = bookings.flatMap(({ person, booking }, index) => [
        api().post(`/api/v1/bookings/${booking.id}/approve`).set('Authorization', as(manager)),
        index % 2 === 0
          ? api().post(`/api/v1/bookings/${booking.id}/cancel`).set('Authorization', as(person)).send({})
          : api().get(`/api/v1/bookings/${booking.id}`).set('Authorization', as(person)),
      ]);
      const responses = await Promise.all(actions);
      expect(responses.filter((response) => response.status >= 500)).toEqual([]);
      const after = await held(slotId);
      expect(after.held).toBe(after.holding);
      expect(after.held).toBeLessThanOrEqual(2);
      // Six cancelled, six left: two hold the places, the rest still wait.
      expect(after.held).toBe(2);
    });
  });
});
