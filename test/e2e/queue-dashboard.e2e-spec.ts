import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CONTEXT_QUEUES } from '@slussen/platform';
import type { TestUser } from '@slussen/testing';
import request from 'supertest';
import { createAccessWorld, expectAccess, type AccessWorld } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';

describe('queue dashboard (Bull Board) at /admin/queues', () => {
  let app: NestExpressApplication;
  let world: AccessWorld;
  let admin: TestUser;

  beforeAll(async () => {
    app = await createApiApp();
    world = await createAccessWorld(app, { kind: 'region', apiTokenRole: 'admin' });
    admin = world.users.platformAdmin;
  });
  afterAll(() => app.close());

  it('opens for a platform admin, by bearer or by Basic sign-in from a browser', async () => {
    const byBearer = await request(app.getHttpServer())
      .get('/admin/queues')
      .set('Authorization', `Bearer ${admin.token}`);
    expect(byBearer.status).toBe(200);
    expect(byBearer.text).toContain('<html');
    const byBasic = await request(app.getHttpServer())
      .get('/admin/queues/api/queues')
      .auth(admin.email, admin.password);
    expect(byBasic.status).toBe(200);
    expect(byBasic.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([...CONTEXT_QUEUES].sort());
  });

  it('asks everyone else to sign in: 401 problem+json with a Basic challenge', async () => {
    const anonymous = await request(app.getHttpServer()).get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
    expect(anonymous.headers['content-type']).toMatch(/problem\+json/);
    expect(
      (await request(app.getHttpServer()).get('/admin/queues').auth(admin.email, 'wrong password entirely')).status,
    ).toBe(401);
  });

  describe('access matrix (see test/access-matrix.ts)', () => {
    it('GET /admin/queues/api/queues: platform admins only; one answer, 401, for everyone else', async () => {
      await expectAccess(app, world, () => ({ method: 'get', path: '/admin/queues/api/queues' }), {
        anonymous: 401,
        otherCompanyMember: 401,
        otherRegionManager: 401,
        member: 401,
        manager: 401,
        admin: 401,
        platformAdmin: 200,
        apiToken: 401,
      });
    });

    it('POST /admin/queue-dashboard/session: a platform admin’s session only', async () => {
      await expectAccess(app, world, () => ({ method: 'post', path: '/api/v1/admin/queue-dashboard/session' }), {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        member: 403,
        manager: 403,
        admin: 403,
        platformAdmin: 204,
        apiToken: 403,
      });
    });
  });
});
