import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { createApiApp } from '../api-app.js';

describe('queue dashboard (Bull Board) at /admin/queues', () => {
  let app: NestExpressApplication;
  let admin: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    app = await createApiApp();
    const factory = new IdentityFactory(app);
    admin = await factory.user({ platformAdmin: true });
    manager = await factory.member((await factory.organization('region')).id, 'admin');
  });
  afterAll(() => app.close());

  it('opens for a platform admin, by bearer or by Basic sign-in from a browser', async () => {
    const byBearer = await request(app.getHttpServer()).get('/admin/queues').set('Authorization', `Bearer ${admin.token}`);
    expect(byBearer.status).toBe(200);
    expect(byBearer.text).toContain('<html');
    const byBasic = await request(app.getHttpServer()).get('/admin/queues/api/queues').auth(admin.email, admin.password);
    expect(byBasic.status).toBe(200);
    expect(byBasic.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['notifications', 'pilots', 'reports', 'scheduling']);
  });

  it('asks anyone else to sign in (401) and refuses other roles (403)', async () => {
    const anonymous = await request(app.getHttpServer()).get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
    expect(anonymous.headers['content-type']).toMatch(/problem\+json/);
    expect((await request(app.getHttpServer()).get('/admin/queues').auth(admin.email, 'wrong password entirely')).status).toBe(401);
    expect((await request(app.getHttpServer()).get('/admin/queues/api/queues').set('Authorization', `Bearer ${manager.token}`)).status).toBe(403);
  });
});
