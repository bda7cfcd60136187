// Issue 12, finding 1: the queue dashboard's HTTP Basic prompt was a password
// oracle: 401 for a wrong password, 403 for the right password of someone who
// is not a platform admin, and no limit on tries. Now every refusal is the same
// 401, Basic tries count against the login limits (the same counters), and a
// browser holds a short-lived pass cookie instead of sending the password again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from '../../api-app.js';

const QUEUES = '/admin/queues/api/queues';
const passCookie = (response: request.Response) =>
  ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((cookie) =>
    cookie.startsWith('slussen_queues='),
  );

describe('security: the queue dashboard is no password oracle', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let admin: TestUser;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    // Its own counters (key prefix), so the limits here are this test's alone.
    app = await createApiApp({
      env: {
        THROTTLE_AUTH_ACCOUNT_LIMIT: '3',
        THROTTLE_AUTH_LIMIT: '50',
        THROTTLE_AUTH_WINDOW_SECONDS: '120',
        QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-qd-${randomUUID().slice(0, 8)}`,
      },
    });
    factory = new IdentityFactory(app);
    admin = await factory.user({ platformAdmin: true });
  });
  afterAll(() => app.close());

  it('answers a wrong password and the right password of a non-admin alike: 401, same body', async () => {
    const manager = await factory.member((await factory.organization('region')).id, 'admin');
    const wrong = await api().get(QUEUES).auth(manager.email, 'not the password at all');
    const right = await api().get(QUEUES).auth(manager.email, manager.password);
    expect(wrong.status).toBe(401);
    expect(right.status).toBe(401);
    expect(right.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
    expect(right.body).toEqual(wrong.body);
    expect(passCookie(right)).toBeUndefined();
    // A bearer of someone else gets the same answer.
    expect((await api().get(QUEUES).set('Authorization', `Bearer ${manager.token}`)).body).toEqual(wrong.body);
  });

  it('counts Basic tries against the login limit of the account, in the same counters as login', async () => {
    const target = await factory.user();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await api().get(QUEUES).auth(target.email, `guess ${i} of many`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const blocked = await api().get(QUEUES).auth(target.email, 'yet another guess');
    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password now waits, and login is held back too: one budget for both doors.
    expect((await api().get(QUEUES).auth(target.email, target.password)).status).toBe(429);
    expect(
      (await api().post('/api/v1/auth/login').send({ email: target.email, password: target.password })).status,
    ).toBe(429);
  });

  it('lets login tries use up the dashboard’s budget as well', async () => {
    const target = await factory.user();
    for (let i = 0; i < 3; i++)
      expect(
        (
          await api()
            .post('/api/v1/auth/login')
            .send({ email: target.email, password: `guess ${i} of many` })
        ).status,
      ).toBe(401);
    expect((await api().get(QUEUES).auth(target.email, 'one more through the side door')).status).toBe(429);
  });

  it('holds a client address to the login limit across accounts', async () => {
    const probe = await createApiApp({
      env: { THROTTLE_AUTH_LIMIT: '4', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-qda-${randomUUID().slice(0, 8)}` },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (
            await request(probe.getHttpServer())
              .get(QUEUES)
              .auth(`someone-${i}-${randomUUID()}@test.slussen.se`, 'a password guess')
          ).status,
        );
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses.slice(4)).toEqual([429, 429]);
    } finally {
      await probe.close();
    }
  });

  it('gives a platform admin who signs in with Basic a pass, so polling checks no password', async () => {
    const first = await api().get(QUEUES).auth(admin.email, admin.password);
    expect(first.status).toBe(200);
    const cookie = passCookie(first)!;
    expect(cookie).toMatch(/; Path=\/admin\/queues/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    // Far more requests than the account may try passwords: none is counted.
    for (let i = 0; i < 6; i++) expect((await api().get(QUEUES).set('Cookie', cookie.split(';')[0]!)).status).toBe(200);
    // The pass is no bearer token.
    expect(
      (
        await api()
          .get('/api/v1/me')
          .set('Authorization', `Bearer ${cookie.split(';')[0]!.split('=')[1]}`)
      ).status,
    ).toBe(401);
  });

  it('opens from the web app: a platform admin’s session sets the pass, and signing out ends it', async () => {
    const signedIn = await api().post('/api/v1/auth/login').send({ email: admin.email, password: admin.password });
    expect(signedIn.status).toBe(200);
    const opened = await api()
      .post('/api/v1/admin/queue-dashboard/session')
      .set('Authorization', `Bearer ${signedIn.body.accessToken}`);
    expect(opened.status).toBe(204);
    const cookie = passCookie(opened)!.split(';')[0]!;
    expect((await api().get('/admin/queues').set('Cookie', cookie)).status).toBe(200);
    expect((await api().get(QUEUES).set('Cookie', cookie)).status).toBe(200);

    // A change from another site is refused even with the pass.
    expect(
      (await api().put('/admin/queues/api/queues/pause').set('Cookie', cookie).set('Origin', 'https://evil.example'))
        .status,
    ).toBe(403);

    expect((await api().post('/api/v1/auth/logout').send({ refreshToken: signedIn.body.refreshToken })).status).toBe(
      204,
    );
    const after = await api().get(QUEUES).set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.headers['set-cookie']?.[0]).toMatch(/^slussen_queues=;/);
  });

  it('refuses the pass to anyone but a platform admin', async () => {
    const member = await factory.member((await factory.organization('company')).id, 'admin');
    expect(
      (await api().post('/api/v1/admin/queue-dashboard/session').set('Authorization', `Bearer ${member.token}`)).status,
    ).toBe(403);
    expect((await api().post('/api/v1/admin/queue-dashboard/session')).status).toBe(401);
    expect((await api().get(QUEUES).set('Cookie', 'slussen_queues=forged.not.valid')).status).toBe(401);
  });
});
