import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api-app.js';

/**
 * The API keeps a resolved bearer credential a few seconds (ActorCache). A
 * credential is read from the database once, not per request, and every
 * change of who its holder is takes effect at once on this API: a revoked
 * API token, a changed role, a removed member, ended sessions, a new password.
 */
describe('the credential cache', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let organizationId: string;
  let admin: TestUser;
  let lookups = 0;
  const api = () => request(app.getHttpServer());
  const bearer = (token: string) => `Bearer ${token}`;
  const members = (token: string) =>
    api().get(`/api/v1/organizations/${organizationId}/members`).set('Authorization', bearer(token));
  const me = (token: string) => api().get('/api/v1/me').set('Authorization', bearer(token));

  beforeAll(async () => {
    app = await createApiApp();
    // Counts the reads that resolve a credential: a user with their session, or an API token.
    app.get(DataSource).subscribers.push({
      afterQuery: (event: { query: string }) => {
        if (/refresh_tokens r WHERE r\.family_id|UPDATE api_tokens t SET last_used_at/.test(event.query)) lookups++;
      },
    });
    factory = new IdentityFactory(app);
    organizationId = (await factory.organization('company')).id;
    admin = await factory.member(organizationId, 'admin');
  });
  afterAll(() => app.close());

  it('reads a credential from the database once for requests close together', async () => {
    const user = await factory.member(organizationId, 'member');
    const before = lookups;
    for (let index = 0; index < 5; index++) expect((await me(user.token)).status).toBe(200);
    expect(lookups - before).toBe(1);
  });

  it('refuses a revoked API token at once', async () => {
    const created = await api()
      .post(`/api/v1/organizations/${organizationId}/api-tokens`)
      .set('Authorization', bearer(admin.token))
      .send({ name: 'integration', role: 'admin' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    const before = lookups;
    expect((await members(token)).status).toBe(200);
    expect((await members(token)).status).toBe(200);
    expect(lookups - before).toBe(1);
    const revoked = await api()
      .delete(`/api/v1/organizations/${organizationId}/api-tokens/${created.body.id}`)
      .set('Authorization', bearer(admin.token));
    expect(revoked.status).toBe(204);
    expect((await members(token)).status).toBe(401);
  });

  it('applies a changed role and a removal at once', async () => {
    const user = await factory.member(organizationId, 'member');
    expect((await members(user.token)).status).toBe(403);
    expect((await members(user.token)).status).toBe(403);
    const promoted = await api()
      .patch(`/api/v1/organizations/${organizationId}/members/${user.id}`)
      .set('Authorization', bearer(admin.token))
      .send({ role: 'admin' });
    expect(promoted.status).toBe(200);
    expect((await members(user.token)).status).toBe(200);
    const removed = await api()
      .delete(`/api/v1/organizations/${organizationId}/members/${user.id}`)
      .set('Authorization', bearer(admin.token));
    expect(removed.status).toBe(204);
    // No longer a member: the company is not theirs to see.
    expect((await members(user.token)).status).toBe(404);
    expect((await me(user.token)).body.memberships).toEqual([]);
  });

  it('refuses the access tokens of ended sessions at once', async () => {
    const user = await factory.member(organizationId, 'member');
    const other = await factory.accessToken(user.id);
    expect((await me(other)).status).toBe(200);
    expect((await me(user.token)).status).toBe(200);
    expect((await api().delete('/api/v1/me/sessions').set('Authorization', bearer(user.token))).status).toBe(204);
    expect((await me(other)).status).toBe(401);
    expect((await me(user.token)).status).toBe(401);
  });

  it('ends the other sessions at once when the password changes', async () => {
    const user = await factory.member(organizationId, 'member');
    const other = await factory.accessToken(user.id);
    expect((await me(other)).status).toBe(200);
    const changed = await api()
      .post('/api/v1/me/password')
      .set('Authorization', bearer(user.token))
      .send({ currentPassword: user.password, newPassword: 'ett-nytt-langt-losenord-2026' });
    expect(changed.status).toBe(204);
    expect((await me(other)).status).toBe(401);
    expect((await me(user.token)).status).toBe(200);
  });
});
