import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

interface ListedSlot {
  id: string;
  startsAt: string;
  bookable?: boolean;
  reason?: string | null;
  waitlistable?: boolean;
  availability?: { bookable: boolean; reason: string | null };
}

/** The problem each refusal must produce when the company books anyway. */
const PROBLEM_OF: Record<string, { status: number; type: string; rule?: string }> = {
  'testbed-retired': { status: 422, type: '/problems/booking-rule', rule: 'testbedRetired' },
  'slot-cancelled': { status: 422, type: '/problems/booking-rule', rule: 'slotCancelled' },
  'slot-closed': { status: 422, type: '/problems/booking-rule', rule: 'slotClosed' },
  'slot-started': { status: 422, type: '/problems/booking-rule', rule: 'slotStarted' },
  'min-lead-days': { status: 422, type: '/problems/booking-rule', rule: 'minLeadDays' },
  'max-advance-days': { status: 422, type: '/problems/booking-rule', rule: 'maxAdvanceDays' },
  'company-limit': { status: 422, type: '/problems/booking-rule', rule: 'maxActiveBookingsPerCompany' },
  'already-booked': { status: 409, type: '/problems/already-booked' },
  full: { status: 409, type: '/problems/slot-full' },
};

describe('slot bookability per company (GET /testbeds/:id/slots)', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let manager: TestUser;
  let company: TestUser;
  let companyId: string;
  let testbedId: string;
  const slots: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (user: TestUser) => `Bearer ${user.token}`;
  const list = (user?: TestUser, query = '') => {
    const call = api().get(`/api/v1/testbeds/${testbedId}/slots${query}`);
    return user ? call.set('Authorization', as(user)) : call;
  };
  const byId = (items: ListedSlot[]) => Object.fromEntries(items.map((item) => [item.id, item]));
  const book = (slotId: string, user: TestUser, body: object = {}) =>
    api()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', as(user))
      .send({ title: 'Pilot av läkemedelsrobot', ...body });
  const companyMember = async () => factory.member((await factory.organization('company')).id, 'member');

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    const region = await factory.organization('region', { name: 'Region Gävleborg' });
    manager = await factory.member(region.id, 'manager');
    companyId = (await factory.organization('company')).id;
    company = await factory.member(companyId, 'member');
    const testbed = await createTestbed(app, manager.token, region.id, {
      capacity: 3,
      rules: {
        requiresApproval: true,
        minLeadDays: 10,
        maxAdvanceDays: 60,
        maxActiveBookingsPerCompany: 1,
        decisionDays: 5,
      },
    });
    testbedId = testbed.id;
    const slot = async (name: string, day: number, capacity = 1) => {
      const created = await api()
        .post(`/api/v1/testbeds/${testbedId}/slots`)
        .set('Authorization', as(manager))
        .send({ startsAt: daysFromNow(day, 8), endsAt: daysFromNow(day, 16), capacity });
      expect(created.status).toBe(201);
      slots[name] = created.body.items[0].id;
    };
    await slot('tooSoon', 5);
    await slot('tooFar', 90);
    await slot('full', 20);
    await slot('open', 21, 2);
    await slot('other', 22);
    await slot('cancelled', 23);
    await slot('started', 24);
    await slot('roomy', 25, 3);
    await slot('closed', 26);
    expect((await book(slots.full!, await companyMember())).status).toBe(201);
    expect((await api().post(`/api/v1/slots/${slots.cancelled}/cancel`).set('Authorization', as(manager))).status).toBe(
      200,
    );
    expect((await api().post(`/api/v1/slots/${slots.closed}/close`).set('Authorization', as(manager))).status).toBe(
      200,
    );
    await app
      .get(DataSource)
      .query(
        `UPDATE slots SET period = tstzrange(now() - interval '1 hour', now() + interval '1 hour', '[)') WHERE id = $1`,
        [slots.started],
      );
  });
  afterAll(() => app.close());

  it('tells a company, per slot, whether it may book and why not', async () => {
    const response = await list(company);
    expect(response.status).toBe(200);
    const listed = byId(response.body.items);
    expect(listed[slots.tooSoon!]).toMatchObject({ bookable: false, reason: 'min-lead-days', waitlistable: false });
    expect(listed[slots.tooFar!]).toMatchObject({ bookable: false, reason: 'max-advance-days', waitlistable: false });
    expect(listed[slots.full!]).toMatchObject({ bookable: false, reason: 'full', waitlistable: true, remaining: 0 });
    expect(listed[slots.open!]).toMatchObject({ bookable: true, reason: null, waitlistable: false, remaining: 2 });
    expect(listed[slots.other!]).toMatchObject({ bookable: true, reason: null });
    expect(listed[slots.cancelled!]).toMatchObject({ bookable: false, reason: 'slot-cancelled' });
    expect(listed[slots.closed!]).toMatchObject({ bookable: false, reason: 'slot-closed', waitlistable: false });
    expect(listed[slots.started!]).toMatchObject({ bookable: false, reason: 'slot-started' });

    // After one booking the company is at the test bed's limit of 1, and holds that slot.
    expect((await book(slots.open!, company)).status).toBe(201);
    const after = byId((await list(company)).body.items);
    expect(after[slots.open!]).toMatchObject({
      bookable: false,
      reason: 'already-booked',
      waitlistable: false,
      remaining: 1,
    });
    expect(after[slots.other!]).toMatchObject({ bookable: false, reason: 'company-limit', waitlistable: false });
    // A full slot may still be waited for: a waiting-list place counts against no limit.
    expect(after[slots.full!]).toMatchObject({ bookable: false, reason: 'full', waitlistable: true });
  });

  it('predicts exactly what booking answers, for every slot and several companies', async () => {
    for (const user of [await companyMember(), await companyMember()]) {
      const ids: string[] = (await list(user)).body.items.map((item: ListedSlot) => item.id);
      for (const id of ids) {
        // Judged afresh each time: every booking changes the company's standing.
        const slot = byId((await list(user)).body.items)[id] as ListedSlot;
        const answer = await book(slot.id, user);
        if (slot.bookable) {
          expect(answer.status).toBe(201);
          expect(answer.body.status).toBe('pending');
        } else {
          expect({ slot: slot.reason, ...answer.body }).toMatchObject({
            slot: slot.reason,
            ...PROBLEM_OF[slot.reason!],
          });
          const waiting = await book(slot.id, user, { waitlist: true });
          if (slot.waitlistable) expect(waiting.body.status).toBe('waitlisted');
          else expect(waiting.status).not.toBe(201);
        }
      }
    }
  });

  it('tells everyone, signed in or not, whether each slot can be booked now and why not (availability)', async () => {
    const expected: Record<string, { bookable: boolean; reason: string | null }> = {
      tooSoon: { bookable: false, reason: 'min-lead-days' },
      tooFar: { bookable: false, reason: 'max-advance-days' },
      full: { bookable: false, reason: 'full' },
      cancelled: { bookable: false, reason: 'slot-cancelled' },
      closed: { bookable: false, reason: 'slot-closed' },
      started: { bookable: false, reason: 'slot-started' },
    };
    for (const user of [undefined, manager, company]) {
      const response = await list(user);
      expect(response.status).toBe(200);
      const listed = byId(response.body.items);
      for (const [name, availability] of Object.entries(expected))
        expect({ name, ...listed[slots[name]!] }).toMatchObject({ name, availability });
      // The company's own standing never shows here: for everyone a slot with a free place is bookable.
      expect(listed[slots.roomy!]).toMatchObject({ availability: { bookable: true, reason: null } });
    }
    // What anonymous visitors read is what a new company then meets when it books.
    const newcomer = await companyMember();
    const anonymous = byId((await list()).body.items);
    const answer = await book(slots.tooSoon!, newcomer);
    expect(answer.body).toMatchObject(PROBLEM_OF[anonymous[slots.tooSoon!]!.availability!.reason!]!);
  });

  it('adds nothing for anonymous callers and for callers who act for no company', async () => {
    for (const response of [await list(), await list(manager)]) {
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeGreaterThanOrEqual(8);
      for (const item of response.body.items)
        expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['bookable']));
    }
  });

  it('judges for the company named by ?organizationId= when the caller belongs to several, and refuses a foreign one', async () => {
    const [first, second, foreign] = [
      await factory.organization('company'),
      await factory.organization('company'),
      await factory.organization('company'),
    ];
    const both = await factory.member(first.id, 'member');
    await app
      .get(DataSource)
      .query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'member')`, [
        second.id,
        both.id,
      ]);
    expect((await list(both)).body.items[0]).not.toHaveProperty('bookable');
    expect((await book(slots.roomy!, both, { organizationId: first.id })).status).toBe(201);
    expect(byId((await list(both, `?organizationId=${first.id}`)).body.items)[slots.roomy!]).toMatchObject({
      bookable: false,
      reason: 'already-booked',
    });
    expect(byId((await list(both, `?organizationId=${second.id}`)).body.items)[slots.roomy!]).toMatchObject({
      bookable: true,
      reason: null,
    });
    expect((await list(both, `?organizationId=${foreign.id}`)).status).toBe(403);
    expect((await list(both, '?organizationId=not-a-uuid')).status).toBe(400);
  });

  it("gives bookings, listed and read, the test bed's name and time zone and the slot's times", async () => {
    const created = await api()
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set('Authorization', as(manager))
      .send({ startsAt: daysFromNow(30, 8), endsAt: daysFromNow(30, 16), capacity: 1 });
    const booker = await companyMember();
    const booked = await book(created.body.items[0].id, booker);
    const expected = {
      testbedId,
      testbedName: expect.stringMatching(/^Testbädd /),
      testbedTimezone: 'Europe/Stockholm',
      slotStartsAt: daysFromNow(30, 8),
      slotEndsAt: daysFromNow(30, 16),
    };
    expect(booked.body).toMatchObject(expected);
    expect((await api().get(`/api/v1/bookings/${booked.body.id}`).set('Authorization', as(booker))).body).toMatchObject(
      expected,
    );
    const listed = await api().get('/api/v1/bookings').set('Authorization', as(booker));
    expect(listed.body.items).toEqual([expect.objectContaining({ id: booked.body.id, ...expected })]);
    // The test bed's managers see the same in their list.
    const managed = await api().get(`/api/v1/bookings?testbedId=${testbedId}`).set('Authorization', as(manager));
    expect(
      managed.body.items.every(
        (item: { testbedName: string; slotStartsAt: string }) =>
          item.testbedName.startsWith('Testbädd ') && typeof item.slotStartsAt === 'string',
      ),
    ).toBe(true);
  });

  it('is documented: bookable, reason and waitlistable in the slot schema', async () => {
    const { body } = await api().get('/docs-json');
    const schema = body.components.schemas.SlotDto;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['bookable', 'reason', 'waitlistable']));
    expect(body.paths['/api/v1/testbeds/{id}/slots'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SlotListDto',
    });
  });
});
