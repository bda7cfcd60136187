// The access matrix of every results-library route (see test/access-matrix.ts).
// In the consent matrix the world's organization is the company that ran the
// pilot; its test bed belongs to the region whose manager is `otherRegionManager`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ManualClock } from '@slussen/core';
import { PilotsService } from '@slussen/pilots';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccessWorld, expectAccess, type AccessWorld, type Expectation } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';
import { ROOMY_RULES } from '../library-world.js';

const EVERYONE = (status: number): Expectation => ({
  anonymous: status,
  otherCompanyMember: status,
  otherRegionManager: status,
  member: status,
  manager: status,
  admin: status,
  platformAdmin: status,
  apiToken: status,
});

describe('results library access matrix', () => {
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
      rules: ROOMY_RULES,
    });
    testbedId = testbed.id;
  });
  afterAll(() => app.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const http = () => request(app.getHttpServer());

  /** A pilot of the world's company on the other region's test bed, completed unless asked otherwise. */
  const freshPilot = async (options: { completed?: boolean } = { completed: true }) => {
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
    if (options.completed) {
      clock.set(new Date(new Date(slot.body.items[0].startsAt).getTime() + 60_000));
      expect(await app.get(PilotsService, { strict: false }).startDue(id)).toBe(true);
      await http()
        .post(`/api/v1/pilots/${id}/outcome`)
        .set(as(world.users.otherRegionManager.token))
        .send({ result: 'extended', summary: 'Förlängs ett halvår.' })
        .expect(201);
    }
    return id as string;
  };

  /** A completed pilot both sides consented to publish: its result's id. */
  const publishedResult = async () => {
    const pilotId = await freshPilot();
    await http()
      .post(`/api/v1/pilots/${pilotId}/publication`)
      .set(as(world.users.member.token))
      .send({ consent: true })
      .expect(200);
    const both = await http()
      .post(`/api/v1/pilots/${pilotId}/publication`)
      .set(as(world.users.otherRegionManager.token))
      .send({ consent: true })
      .expect(200);
    expect(both.body.published).toBe(true);
    return both.body.resultId as string;
  };

  it('POST /pilots/:id/publication: either side of a completed pilot; platform admins read but do not consent', async () => {
    const id = await freshPilot();
    await expectAccess(
      app,
      world,
      () => ({ method: 'post', path: `/api/v1/pilots/${id}/publication`, body: { consent: true } }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 200,
        member: 200,
        manager: 200,
        admin: 200,
        platformAdmin: 403,
        apiToken: 200,
      },
    );
    // The test bed's side is its admins and managers, not its members.
    const regionMember = await world.factory.member(world.otherRegion.id, 'member');
    await http()
      .post(`/api/v1/pilots/${id}/publication`)
      .set(as(regionMember.token))
      .send({ consent: true })
      .expect(404);
    // A pilot not completed: visible, but not publishable.
    const planned = await freshPilot({ completed: false });
    await expectAccess(
      app,
      world,
      () => ({ method: 'post', path: `/api/v1/pilots/${planned}/publication`, body: { consent: true } }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 409,
        member: 409,
        manager: 409,
        admin: 409,
        platformAdmin: 403,
        apiToken: 409,
      },
    );
  });

  it('GET /pilots/:id/publication: either side and platform admins', async () => {
    const id = await freshPilot();
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/pilots/${id}/publication` }), {
      ...EVERYONE(200),
      anonymous: 401,
      otherCompanyMember: 404,
    });
  });

  it('GET /results and GET /results/:id: anyone, published results only', async () => {
    const resultId = await publishedResult();
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/results' }), EVERYONE(200));
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/results/${resultId}` }), EVERYONE(200));
    // One side's consent only: not a public result, to anyone (its sides included).
    const pilotId = await freshPilot();
    const half = await http()
      .post(`/api/v1/pilots/${pilotId}/publication`)
      .set(as(world.users.member.token))
      .send({ consent: true })
      .expect(200);
    await expectAccess(
      app,
      world,
      () => ({ method: 'get', path: `/api/v1/results/${half.body.resultId}` }),
      EVERYONE(404),
    );
  });

  it('GET /results/spread: agencies and platform admins', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/results/spread' }), {
      ...EVERYONE(403),
      anonymous: 401,
      platformAdmin: 200,
    });
    const agencyWorld = await createAccessWorld(app, { kind: 'agency' });
    await expectAccess(app, agencyWorld, () => ({ method: 'get', path: '/api/v1/results/spread' }), {
      ...EVERYONE(200),
      anonymous: 401,
      otherCompanyMember: 403,
      otherRegionManager: 403,
    });
  });

  it('POST /results/:id/adoptions: admins and managers of the adopting region or municipality', async () => {
    const municipalityWorld = await createAccessWorld(app, { kind: 'municipality' });
    const organizationId = municipalityWorld.organization.id;
    // A fresh published result per caller: an organization adopts a result once.
    await expectAccess(
      app,
      municipalityWorld,
      async () => ({
        method: 'post',
        path: `/api/v1/results/${await publishedResult()}/adoptions`,
        body: { organizationId, adoptedAt: '2026-10-01' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        member: 403,
        manager: 201,
        admin: 201,
        platformAdmin: 201,
        apiToken: 201,
      },
    );
    // A company or an agency adopts nothing, even by its admin.
    const resultId = await publishedResult();
    await http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(world.users.admin.token))
      .send({ organizationId: world.organization.id, adoptedAt: '2026-10-01' })
      .expect(400);
    // An unpublished result is not found.
    const pilotId = await freshPilot();
    const half = await http()
      .post(`/api/v1/pilots/${pilotId}/publication`)
      .set(as(world.users.member.token))
      .send({ consent: true })
      .expect(200);
    await http()
      .post(`/api/v1/results/${half.body.resultId}/adoptions`)
      .set(as(municipalityWorld.users.manager.token))
      .send({ organizationId, adoptedAt: '2026-10-01' })
      .expect(404);
  });
});
