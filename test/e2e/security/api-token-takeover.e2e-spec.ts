// Issue 12, finding 2: a leaked admin-role API token must not be able to take
// over its organization. Changing who can act for an organization needs a
// signed-in person; an API token gets 403 however high its role.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api-app.js';

describe('security: a leaked API token cannot change who acts for its organization', () => {
  let app: NestExpressApplication;
  let organizationId: string;
  let admin: TestUser;
  let member: TestUser;
  let adminToken: string;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createApiApp();
    const factory = new IdentityFactory(app);
    organizationId = (await factory.organization('company')).id;
    admin = await factory.member(organizationId, 'admin');
    member = await factory.member(organizationId, 'member');
    adminToken = await factory.apiToken(organizationId, 'admin');
  });
  afterAll(() => app.close());

  const asToken = (call: request.Test) => call.set('Authorization', `Bearer ${adminToken}`);

  it('cannot add a member (least of all an admin whose password it chose)', async () => {
    const email = `intruder-${randomUUID()}@test.slussen.se`;
    const response = await asToken(api().post(`/api/v1/organizations/${organizationId}/members`)).send({
      email,
      name: 'Intruder',
      role: 'admin',
      password: 'chosen by the thief!',
    });
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: '/problems/forbidden', status: 403 });
    expect(await app.get(DataSource).query('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
  });

  it('cannot change a role or remove a member', async () => {
    expect(
      (
        await asToken(api().patch(`/api/v1/organizations/${organizationId}/members/${member.id}`)).send({
          role: 'admin',
        })
      ).status,
    ).toBe(403);
    expect((await asToken(api().delete(`/api/v1/organizations/${organizationId}/members/${admin.id}`))).status).toBe(
      403,
    );
    const [row] = await app
      .get(DataSource)
      .query('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [organizationId, member.id]);
    expect(row.role).toBe('member');
  });

  it('cannot mint, list or revoke API tokens', async () => {
    expect(
      (
        await asToken(api().post(`/api/v1/organizations/${organizationId}/api-tokens`)).send({
          name: 'backdoor',
          role: 'admin',
        })
      ).status,
    ).toBe(403);
    expect((await asToken(api().get(`/api/v1/organizations/${organizationId}/api-tokens`))).status).toBe(403);
    const other = await api()
      .post(`/api/v1/organizations/${organizationId}/api-tokens`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name: 'CI', role: 'member' });
    expect(other.status).toBe(201);
    expect(
      (await asToken(api().delete(`/api/v1/organizations/${organizationId}/api-tokens/${other.body.id}`))).status,
    ).toBe(403);
  });

  it('cannot register or remove webhooks', async () => {
    const response = await asToken(api().post(`/api/v1/organizations/${organizationId}/webhooks`)).send({
      url: 'https://93.184.215.14/slussen-hook',
      events: ['*'],
    });
    expect(response.status).toBe(403);
    expect(
      await app
        .get(DataSource)
        .query('SELECT 1 FROM webhook_subscriptions WHERE organization_id = $1', [organizationId]),
    ).toEqual([]);
    expect(
      (await asToken(api().delete(`/api/v1/organizations/${organizationId}/webhooks/${randomUUID()}`))).status,
    ).toBe(403);
  });

  it('cannot create or revoke calendar feed tokens', async () => {
    expect((await asToken(api().post(`/api/v1/organizations/${organizationId}/calendar-tokens`))).status).toBe(403);
    const feed = await api()
      .post(`/api/v1/organizations/${organizationId}/calendar-tokens`)
      .set('Authorization', `Bearer ${admin.token}`);
    expect(feed.status).toBe(201);
    expect((await asToken(api().delete(`/api/v1/calendar-tokens/${feed.body.id}`))).status).toBe(403);
  });

  it('still acts with its role where it changes no one’s access', async () => {
    expect((await asToken(api().get(`/api/v1/organizations/${organizationId}/members`))).status).toBe(200);
  });

  it('leaves the signed-in admin able to do all of it', async () => {
    const added = await api()
      .post(`/api/v1/organizations/${organizationId}/members`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email: `new-${randomUUID()}@test.slussen.se`, name: 'New Person', role: 'member' });
    expect(added.status).toBe(201);
    expect(
      (
        await api()
          .patch(`/api/v1/organizations/${organizationId}/members/${added.body.userId}`)
          .set('Authorization', `Bearer ${admin.token}`)
          .send({ role: 'manager' })
      ).status,
    ).toBe(200);
  });
});
