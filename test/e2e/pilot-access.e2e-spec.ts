// The access matrix of every pilot route (see test/access-matrix.ts). The
// world's organization is the company that runs the pilot; its test bed
// belongs to the region whose manager is `otherRegionManager` here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ManualClock } from '@slussen/core';
import { PilotsService } from '@slussen/pilots';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccessWorld, expectAccess, type AccessWorld, type Expectation } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

const EITHER_SIDE = (ok: number): Expectation => ({
  anonymous: 401,
  otherCompanyMember: 404,
  otherRegionManager: ok,
  member: ok,
  manager: ok,
  admin: ok,
  platformAdmin: ok,
  apiToken: ok,
});

describe('pilot access matrix', () => {
  let app: NestExpressApplication;
  let world: AccessWorld;
  let testbedId: string;
  let day = 20;
  const clock = new ManualClock();

  beforeAll(async () => {
    app = await createApiApp({ clock });
    world = await createAccessWorld(app, { kind: 'company', apiTokenRole: 'member' });
    const testbed = await createTestbed(app, world.users.otherRegionManager.token, world.otherRegion.id, {
      capacity: 100,
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 100,
        decisionDays: 5,
      },
    });
    testbedId = testbed.id;
  });
  afterAll(() => app.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const http = () => request(app.getHttpServer());

  /** A confirmed booking's pilot with a plan of one goal and one metric; running when asked (the clock moves past its start). */
  const freshPilot = async (options: { running?: boolean } = {}) => {
    // Booking rules read the same clock: an earlier running pilot left it at its slot's start, a day before this one's.
    clock.set(new Date());
    const slot = await http()
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set(as(world.users.otherRegionManager.token))
      .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day + 14, 16), capacity: 1 });
    const booking = await http()
      .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
      .set(as(world.users.member.token))
      .send({ title: 'Pilot' });
    await http()
      .post(`/api/v1/bookings/${booking.body.id}/approve`)
      .set(as(world.users.otherRegionManager.token))
      .expect(200);
    const [{ id }] = await app.get(DataSource).query('SELECT id FROM pilots WHERE booking_id = $1', [booking.body.id]);
    await http()
      .patch(`/api/v1/pilots/${id}`)
      .set(as(world.users.member.token))
      .send({ goals: ['Ett mål'] })
      .expect(200);
    await http()
      .post(`/api/v1/pilots/${id}/metrics`)
      .set(as(world.users.member.token))
      .send({ key: 'falls', name: 'Fall', unit: 'st', direction: 'decrease', cadence: 'weekly' })
      .expect(201);
    if (options.running) {
      clock.set(new Date(new Date(slot.body.items[0].startsAt).getTime() + 60_000));
      expect(await app.get(PilotsService, { strict: false }).startDue(id)).toBe(true);
      clock.set(new Date(new Date(slot.body.items[0].startsAt).getTime() + 3_600_000));
    }
    return { id: id as string, startsAt: slot.body.items[0].startsAt as string };
  };

  it('GET /pilots: anyone signed in (each sees their own side)', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/pilots' }), {
      ...EITHER_SIDE(200),
      otherCompanyMember: 200,
    });
  });

  it('GET /pilots/:id, /events, /measurements, /plan/versions and /measurement-requests: either side', async () => {
    const { id } = await freshPilot();
    for (const suffix of ['', '/events', '/measurements', '/plan/versions', '/measurement-requests'])
      await expectAccess(
        app,
        world,
        () => ({ method: 'get', path: `/api/v1/pilots/${id}${suffix}` }),
        EITHER_SIDE(200),
      );
  });

  it('PATCH /pilots/:id and POST /pilots/:id/metrics: either side', async () => {
    const { id } = await freshPilot();
    await expectAccess(
      app,
      world,
      () => ({ method: 'patch', path: `/api/v1/pilots/${id}`, body: { goals: ['Färre fall'] } }),
      EITHER_SIDE(200),
    );
    await expectAccess(
      app,
      world,
      (actor) => ({
        method: 'post',
        path: `/api/v1/pilots/${id}/metrics`,
        body: { key: `m-${actor.toLowerCase()}`, name: 'Mått', unit: 'st', direction: 'increase', cadence: 'end' },
      }),
      EITHER_SIDE(201),
    );
  });

  it('PUT /pilots/:id/plan: either side', async () => {
    const { id } = await freshPilot();
    await expectAccess(
      app,
      world,
      (actor) => ({
        method: 'put',
        path: `/api/v1/pilots/${id}/plan`,
        body: {
          goals: [`Mål för ${actor}`],
          metrics: [{ key: 'falls', name: 'Fall', unit: 'st', direction: 'decrease', cadence: 'weekly' }],
        },
      }),
      EITHER_SIDE(200),
    );
  });

  it('POST /pilots/:id/plan/approve: the company and the test bed’s managers, not a platform admin, who is neither side', async () => {
    const { id } = await freshPilot();
    await expectAccess(app, world, () => ({ method: 'post', path: `/api/v1/pilots/${id}/plan/approve` }), {
      ...EITHER_SIDE(200),
      platformAdmin: 403,
    });
  });

  it('POST /pilots/:id/measurements: either side, once the pilot runs', async () => {
    const { id, startsAt } = await freshPilot({ running: true });
    await expectAccess(
      app,
      world,
      () => ({
        method: 'post',
        path: `/api/v1/pilots/${id}/measurements`,
        body: {
          metricKey: 'falls',
          value: 3,
          observedAt: new Date(new Date(startsAt).getTime() + 1_800_000).toISOString(),
        },
      }),
      EITHER_SIDE(201),
    );
  });

  it('POST /pilots/:id/outcome: the test bed’s managers', async () => {
    await expectAccess(
      app,
      world,
      async () => ({
        method: 'post',
        path: `/api/v1/pilots/${(await freshPilot({ running: true })).id}/outcome`,
        body: { result: 'adopted', summary: 'Införs' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 201,
        member: 403,
        manager: 403,
        admin: 403,
        platformAdmin: 201,
        apiToken: 403,
      },
    );
  });

  it('PUT, GET and DELETE /pilots/:id/source, GET /source/fetches: either side', async () => {
    const { id } = await freshPilot();
    const body = { url: 'https://data.example.se/pilot.json', token: 'hemlig' };
    await expectAccess(
      app,
      world,
      () => ({ method: 'put', path: `/api/v1/pilots/${id}/source`, body }),
      EITHER_SIDE(200),
    );
    for (const suffix of ['/source', '/source/fetches'])
      await expectAccess(
        app,
        world,
        () => ({ method: 'get', path: `/api/v1/pilots/${id}${suffix}` }),
        EITHER_SIDE(200),
      );
    await expectAccess(
      app,
      world,
      async () => {
        await http().put(`/api/v1/pilots/${id}/source`).set(as(world.users.member.token)).send(body).expect(200);
        return { method: 'delete', path: `/api/v1/pilots/${id}/source` };
      },
      EITHER_SIDE(204),
    );
  });
});
