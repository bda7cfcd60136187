import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from '../api-app.js';
import { freePort } from '../processes.js';

describe('rate limits on sign-in routes', () => {
  describe('with Redis', () => {
    let app: NestExpressApplication;
    let replica: NestExpressApplication;

    beforeAll(async () => {
      const env = {
        THROTTLE_AUTH_ACCOUNT_LIMIT: '3',
        THROTTLE_AUTH_LIMIT: '8',
        THROTTLE_AUTH_WINDOW_SECONDS: '60',
        QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-rl-${randomUUID().slice(0, 8)}`,
      };
      [app, replica] = await Promise.all([createApiApp({ env }), createApiApp({ env })]);
    });
    afterAll(async () => {
      await Promise.all([app.close(), replica.close()]);
    });

    it('answers 429 problem+json with Retry-After once one account has been tried too often, across replicas', async () => {
      const email = `target-${randomUUID()}@test.slussen.se`;
      const attempt = (target: NestExpressApplication, address = email) =>
        request(target.getHttpServer())
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', randomUUID())
          .send({ email: address, password: 'wrong wrong wrong' });

      expect((await attempt(app)).status).toBe(401);
      expect((await attempt(replica)).status).toBe(401);
      expect((await attempt(app)).status).toBe(401);
      const blocked = await attempt(replica);
      expect(blocked.status).toBe(429);
      expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(blocked.body).toMatchObject({ type: '/problems/rate-limited', status: 429 });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);

      // Another account is not held back by this one.
      expect((await attempt(app, `other-${randomUUID()}@test.slussen.se`)).status).toBe(401);
    });

    it('limits refresh and sign-up per client address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push(
          (
            await request(app.getHttpServer())
              .post('/api/v1/auth/refresh')
              .send({ refreshToken: `slr_${randomUUID()}` })
          ).status,
        );
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    });

    it('does not limit other routes', async () => {
      const user = await new IdentityFactory(app).user();
      for (let i = 0; i < 12; i++) {
        expect(
          (await request(app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${user.token}`)).status,
        ).toBe(200);
      }
    });
  });

  describe('while Redis is unreachable', () => {
    let app: NestExpressApplication;

    beforeAll(async () => {
      app = await createApiApp({
        env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, THROTTLE_AUTH_ACCOUNT_LIMIT: '2' },
      });
    });
    afterAll(() => app.close());

    it('still signs people in, counting in the process instead', async () => {
      const user = await new IdentityFactory(app).user();
      const login = () =>
        request(app.getHttpServer()).post('/api/v1/auth/login').send({ email: user.email, password: user.password });
      expect((await login()).status).toBe(200);
      expect((await login()).status).toBe(200);
      expect((await login()).status).toBe(429);
    });
  });
});
