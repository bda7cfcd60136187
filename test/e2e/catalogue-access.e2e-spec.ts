// The access matrix of every catalogue and slot route (see test/access-matrix.ts).
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createAccessWorld, expectAccess, type AccessWorld } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow, testbedBody } from '../catalogue-fixtures.js';

describe('catalogue and slots access matrix', () => {
  let app: NestExpressApplication;
  let world: AccessWorld;
  let published: { id: string };
  let draft: { id: string };
  let day = 20;

  beforeAll(async () => {
    app = await createApiApp();
    world = await createAccessWorld(app, { kind: 'municipality', apiTokenRole: 'manager' });
    published = await createTestbed(app, world.users.manager.token, world.organization.id, { capacity: 50 });
    draft = await createTestbed(app, world.users.manager.token, world.organization.id, { capacity: 50 }, false);
  });
  afterAll(() => app.close());

  const freshTestbed = async (publish: boolean) =>
    (await createTestbed(app, world.users.admin.token, world.organization.id, {}, publish)).id;
  const freshSlot = async (testbedId = published.id) => {
    const { body } = await request(app.getHttpServer())
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set('Authorization', `Bearer ${world.users.admin.token}`)
      .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 9), capacity: 1 });
    return body.items[0].id as string;
  };
  const managers = { member: 403, manager: 200, admin: 200, platformAdmin: 200, apiToken: 200 } as const;

  it('GET /domains: anyone', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/domains' }), {
      anonymous: 200,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  it('GET /testbed-owners: anyone', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/testbed-owners' }), {
      anonymous: 200,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  it('POST /testbeds: managers and admins of the region or municipality', async () => {
    await expectAccess(
      app,
      world,
      () => ({ method: 'post', path: '/api/v1/testbeds', body: testbedBody(world.organization.id) }),
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
  });

  it('GET /testbeds: anyone', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/testbeds' }), {
      anonymous: 200,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  it('GET /testbeds/:id: anyone for a published one, only its own organization for a draft', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/testbeds/${published.id}` }), {
      anonymous: 200,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/testbeds/${draft.id}` }), {
      anonymous: 404,
      otherCompanyMember: 404,
      otherRegionManager: 404,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  // Routes that need a signed-in caller answer anonymous callers 401 before looking anything up.
  it('PATCH /testbeds/:id: its managers', async () => {
    await expectAccess(
      app,
      world,
      () => ({
        method: 'patch',
        path: `/api/v1/testbeds/${published.id}`,
        body: { summary: 'Uppdaterad sammanfattning.' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        ...managers,
      },
    );
    await expectAccess(
      app,
      world,
      () => ({
        method: 'patch',
        path: `/api/v1/testbeds/${draft.id}`,
        body: { summary: 'Uppdaterad sammanfattning.' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 404,
        ...managers,
      },
    );
  });

  it('POST /testbeds/:id/publish and /retire: its managers', async () => {
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/testbeds/${await freshTestbed(false)}/publish` }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 404,
        ...managers,
      },
    );
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/testbeds/${await freshTestbed(true)}/retire` }),
      {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        ...managers,
      },
    );
  });

  it('POST /testbeds/:id/slots: its managers', async () => {
    await expectAccess(
      app,
      world,
      () => ({
        method: 'post',
        path: `/api/v1/testbeds/${published.id}/slots`,
        body: { startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 9), capacity: 1 },
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
    await expectAccess(
      app,
      world,
      () => ({
        method: 'post',
        path: `/api/v1/testbeds/${draft.id}/slots`,
        body: { startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 9), capacity: 1 },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 404,
        member: 403,
        manager: 201,
        admin: 201,
        platformAdmin: 201,
        apiToken: 201,
      },
    );
  });

  it('GET /testbeds/:id/slots: anyone for a published test bed', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/testbeds/${published.id}/slots` }), {
      anonymous: 200,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/testbeds/${draft.id}/slots` }), {
      anonymous: 404,
      otherCompanyMember: 404,
      otherRegionManager: 404,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  it('PATCH /slots/:id and POST /slots/:id/cancel: the test bed’s managers', async () => {
    await expectAccess(
      app,
      world,
      async () => ({ method: 'patch', path: `/api/v1/slots/${await freshSlot()}`, body: { capacity: 1 } }),
      {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        ...managers,
      },
    );
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/slots/${await freshSlot()}/cancel` }),
      {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        ...managers,
      },
    );
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/slots/${await freshSlot(draft.id)}/cancel` }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 404,
        ...managers,
      },
    );
  });
});
