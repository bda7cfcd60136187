// The access matrix of every booking route (see test/access-matrix.ts). The
// world's organization is the company that books; its test bed belongs to
// the region whose manager is `otherRegionManager` here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createAccessWorld, expectAccess, type AccessWorld } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('booking access matrix', () => {
  let app: NestExpressApplication;
  let world: AccessWorld;
  let testbedId: string;
  let day = 40;

  beforeAll(async () => {
    app = await createApiApp();
    world = await createAccessWorld(app, { kind: 'company', apiTokenRole: 'member' });
    // The test bed belongs to the world's "other region", so its manager is the deciding side.
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

  const freshSlot = async () => {
    const { body } = await request(app.getHttpServer())
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set('Authorization', `Bearer ${world.users.otherRegionManager.token}`)
      .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 9), capacity: 1 });
    return body.items[0].id as string;
  };
  const freshBooking = async () => {
    const response = await request(app.getHttpServer())
      .post(`/api/v1/slots/${await freshSlot()}/bookings`)
      .set('Authorization', `Bearer ${world.users.member.token}`)
      .send({ title: 'Pilot' });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it('POST /slots/:id/bookings: members of a company', async () => {
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/slots/${await freshSlot()}/bookings`, body: { title: 'Pilot' } }),
      {
        anonymous: 401,
        otherCompanyMember: 201,
        otherRegionManager: 403,
        member: 201,
        manager: 201,
        admin: 201,
        platformAdmin: 403,
        apiToken: 201,
      },
    );
  });

  it('GET /bookings: anyone signed in (each sees their own side)', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/bookings' }), {
      anonymous: 401,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  it('GET /bookings/:id and /events: either side', async () => {
    const id = await freshBooking();
    for (const suffix of ['', '/events']) {
      await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/bookings/${id}${suffix}` }), {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 200,
        member: 200,
        manager: 200,
        admin: 200,
        platformAdmin: 200,
        apiToken: 200,
      });
    }
  });

  it('POST /bookings/:id/approve and /reject: the test bed’s managers', async () => {
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/bookings/${await freshBooking()}/approve` }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 200,
        member: 403,
        manager: 403,
        admin: 403,
        platformAdmin: 200,
        apiToken: 403,
      },
    );
    await expectAccess(
      app,
      world,
      async () => ({
        method: 'post',
        path: `/api/v1/bookings/${await freshBooking()}/reject`,
        body: { reason: 'Nej' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 200,
        member: 403,
        manager: 403,
        admin: 403,
        platformAdmin: 200,
        apiToken: 403,
      },
    );
  });

  it('POST /bookings/:id/cancel: either side', async () => {
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/bookings/${await freshBooking()}/cancel`, body: {} }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 200,
        member: 200,
        manager: 200,
        admin: 200,
        platformAdmin: 200,
        apiToken: 200,
      },
    );
  });

  it('POST /bookings/:id/reschedule: the booking company', async () => {
    await expectAccess(
      app,
      world,
      async () => ({
        method: 'post',
        path: `/api/v1/bookings/${await freshBooking()}/reschedule`,
        body: { slotId: await freshSlot() },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 403,
        member: 200,
        manager: 200,
        admin: 200,
        platformAdmin: 403,
        apiToken: 200,
      },
    );
  });

  it('GET /testbeds/:id/calendar.ics and POST calendar-tokens: the test bed’s managers', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/testbeds/${testbedId}/calendar.ics` }), {
      anonymous: 401,
      otherCompanyMember: 403,
      otherRegionManager: 200,
      member: 403,
      manager: 403,
      admin: 403,
      platformAdmin: 200,
      apiToken: 403,
    });
    await expectAccess(app, world, () => ({ method: 'post', path: `/api/v1/testbeds/${testbedId}/calendar-tokens` }), {
      anonymous: 401,
      otherCompanyMember: 403,
      otherRegionManager: 201,
      member: 403,
      manager: 403,
      admin: 403,
      platformAdmin: 201,
      apiToken: 403,
    });
  });

  it('GET /organizations/:id/calendar.ics and POST calendar-tokens: its managers and admins', async () => {
    // The world's API token has the member role (403 for the feed), and only a person may hand out a feed token.
    for (const [method, path, ok] of [
      ['get', 'calendar.ics', 200],
      ['post', 'calendar-tokens', 201],
    ] as const) {
      await expectAccess(
        app,
        world,
        () => ({ method, path: `/api/v1/organizations/${world.organization.id}/${path}` }),
        {
          anonymous: 401,
          otherCompanyMember: 404,
          otherRegionManager: 404,
          member: 403,
          manager: ok,
          admin: ok,
          platformAdmin: ok,
          apiToken: 403,
        },
      );
    }
  });

  it('lists only what each side may see', async () => {
    const id = await freshBooking();
    const idsFor = async (token: string) =>
      (
        await request(app.getHttpServer())
          .get('/api/v1/bookings')
          .query({ limit: 200 })
          .set('Authorization', `Bearer ${token}`)
      ).body.items.map((item: { id: string }) => item.id);
    expect(await idsFor(world.users.member.token)).toContain(id);
    expect(await idsFor(world.users.otherRegionManager.token)).toContain(id);
    expect(await idsFor(world.users.otherCompanyMember.token)).not.toContain(id);
    const filtered = await request(app.getHttpServer())
      .get('/api/v1/bookings')
      .query({ status: 'pending', testbedId })
      .set('Authorization', `Bearer ${world.users.otherRegionManager.token}`);
    expect(
      filtered.body.items.every(
        (item: { status: string; testbedId: string }) => item.status === 'pending' && item.testbedId === testbedId,
      ),
    ).toBe(true);
  });
});
