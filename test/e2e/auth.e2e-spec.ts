import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';

const email = () => `anna.${randomUUID().slice(0, 8)}@vardbolaget.se`;
const password = 'långt nog lösenord 2026';

describe('sign-up, sign-in and sessions', () => {
  let app: NestExpressApplication;
  let http: ReturnType<NestExpressApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createApiApp();
    http = app.getHttpServer();
  });
  afterAll(() => app.close());

  const signup = (address = email(), extra: object = {}) =>
    request(http)
      .post('/api/v1/auth/signup')
      .send({ email: address, password, name: 'Anna Berg', company: { name: 'Vårdbolaget AB' }, ...extra });

  describe('POST /auth/signup', () => {
    it('creates a company and its first admin, signed in', async () => {
      const address = email();
      const orgNumber = String(Date.now()).slice(-10);
      const response = await signup(address, { company: { name: 'Vårdbolaget AB', orgNumber } });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        user: { id: expect.any(String), email: address, name: 'Anna Berg', platformAdmin: false, language: 'sv' },
        organization: {
          id: expect.any(String),
          name: 'Vårdbolaget AB',
          kind: 'company',
          orgNumber: `${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}`,
        },
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^slr_/),
        expiresIn: 900,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2/);

      const me = await request(http).get('/api/v1/me').set('Authorization', `Bearer ${response.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body.memberships).toEqual([
        {
          organizationId: response.body.organization.id,
          organizationName: 'Vårdbolaget AB',
          kind: 'company',
          role: 'admin',
        },
      ]);
    });

    it('refuses an e-mail already registered, however it is capitalised, with 409 conflict', async () => {
      const address = email();
      expect((await signup(address, { company: { name: 'Första AB' } })).status).toBe(201);
      const again = await signup(address.toUpperCase(), { company: { name: 'Andra AB' } });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ type: '/problems/conflict', detail: expect.stringContaining('e-mail') });
    });

    it('holds the password to 12 to 256 characters, and refuses unknown fields', async () => {
      const short = await signup(email(), { password: 'kort' });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
      expect((await signup(email(), { password: 'x'.repeat(257) })).status).toBe(400);
      const sneaky = await signup(email(), { platformAdmin: true });
      expect(sneaky.status).toBe(400);
      expect(sneaky.body.errors).toEqual([expect.objectContaining({ field: 'platformAdmin' })]);
    });

    it('leaves nothing behind when it fails halfway (one transaction)', async () => {
      const dataSource = app.get(DataSource);
      const taken = email();
      await signup(taken, { company: { name: 'Upptagen AB' } });
      const before = await dataSource.query(`SELECT count(*)::int AS n FROM organizations WHERE name = 'Halvvägs AB'`);
      expect((await signup(taken, { company: { name: 'Halvvägs AB' } })).status).toBe(409);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM organizations WHERE name = 'Halvvägs AB'`)).toEqual(
        before,
      );
    });
  });

  describe('POST /auth/login', () => {
    it('signs in with the right password and refuses the wrong one or an unknown e-mail with 401', async () => {
      const address = email();
      await signup(address);
      const ok = await request(http).post('/api/v1/auth/login').send({ email: address.toUpperCase(), password });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        tokenType: 'Bearer',
      });

      const wrong = await request(http)
        .post('/api/v1/auth/login')
        .send({ email: address, password: 'fel lösenord helt och hållet' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.type).toBe('/problems/unauthenticated');
      const unknown = await request(http).post('/api/v1/auth/login').send({ email: email(), password });
      expect(unknown.status).toBe(401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('gives access tokens that live at most 15 minutes', async () => {
      const address = email();
      await signup(address);
      const { body } = await request(http).post('/api/v1/auth/login').send({ email: address, password });
      const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString());
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
    });

    it('refuses a tampered or foreign access token with 401', async () => {
      const address = email();
      const { body } = await signup(address);
      const [header, payload] = body.accessToken.split('.');
      const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      expect((await request(http).get('/api/v1/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
      expect((await request(http).get('/api/v1/me').set('Authorization', 'Basic abc')).status).toBe(401);
      expect((await request(http).get('/api/v1/me')).status).toBe(401);
    });
  });

  describe('POST /auth/refresh and /auth/logout', () => {
    const login = async () => {
      const address = email();
      await signup(address);
      return (await request(http).post('/api/v1/auth/login').send({ email: address, password })).body as {
        accessToken: string;
        refreshToken: string;
      };
    };
    const refresh = (refreshToken: string) => request(http).post('/api/v1/auth/refresh').send({ refreshToken });

    it('rotates: a new pair, and the old refresh token stops working', async () => {
      const first = await login();
      const second = await refresh(first.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect(
        (await request(http).get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`)).status,
      ).toBe(200);
      expect((await refresh(second.body.refreshToken)).status).toBe(200);
    });

    it('treats reuse of a rotated token as theft and revokes the whole family', async () => {
      const first = await login();
      const second = (await refresh(first.refreshToken)).body;
      const reused = await refresh(first.refreshToken);
      expect(reused.status).toBe(401);
      expect(reused.body.type).toBe('/problems/unauthenticated');
      // The thief's reuse also ends the legitimate holder's session.
      expect((await refresh(second.refreshToken)).status).toBe(401);
      // Other sessions of the same user are untouched.
      expect((await refresh((await login()).refreshToken)).status).toBe(200);
    });

    it('lets exactly one of many simultaneous refreshes with one token win, then revokes the family', async () => {
      const { refreshToken } = await login();
      const responses = await Promise.all(Array.from({ length: 12 }, () => refresh(refreshToken)));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 401)).toHaveLength(11);
      const winner = responses.find((response) => response.status === 200)!;
      expect((await refresh(winner.body.refreshToken)).status).toBe(401);

      const rows = await app.get(DataSource).query(
        `SELECT count(*)::int AS total, count(revoked_at)::int AS revoked FROM refresh_tokens
          WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
        [refreshToken],
      );
      expect(rows[0]).toEqual({ total: 2, revoked: 2 });
    });

    it('refuses an unknown refresh token', async () => {
      expect((await refresh('slr_nothing-like-a-real-token')).status).toBe(401);
    });

    it('ends the session on logout (204), idempotently', async () => {
      const { refreshToken } = await login();
      expect((await request(http).post('/api/v1/auth/logout').send({ refreshToken })).status).toBe(204);
      expect((await request(http).post('/api/v1/auth/logout').send({ refreshToken })).status).toBe(204);
      expect((await refresh(refreshToken)).status).toBe(401);
    });

    it('ends the session’s access tokens with it, not 15 minutes later', async () => {
      const address = email();
      await signup(address);
      const signIn = async () =>
        (await request(http).post('/api/v1/auth/login').send({ email: address, password })).body as {
          accessToken: string;
          refreshToken: string;
        };
      const { accessToken, refreshToken } = await signIn();
      const other = await signIn();
      expect((await request(http).get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`)).status).toBe(200);
      expect((await request(http).post('/api/v1/auth/logout').send({ refreshToken })).status).toBe(204);
      expect((await request(http).get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`)).status).toBe(401);
      // Another sign-in of the same person goes on.
      expect((await request(http).get('/api/v1/me').set('Authorization', `Bearer ${other.accessToken}`)).status).toBe(
        200,
      );
    });
  });

  describe('GET /me', () => {
    it('lists every membership with the organization’s name and kind', async () => {
      const factory = new IdentityFactory(app);
      const region = await factory.organization('region', { name: 'Region Skåne' });
      const municipality = await factory.organization('municipality', { name: 'Lunds kommun', parentId: region.id });
      const user = await factory.member(region.id, 'manager');
      const invited = await request(http)
        .post(`/api/v1/organizations/${municipality.id}/members`)
        .set('Authorization', `Bearer ${(await factory.user({ platformAdmin: true })).token}`)
        .send({ email: user.email, name: 'ignored for an existing user', role: 'member' })
        .expect(202);
      await request(http)
        .post(`/api/v1/me/invitations/${invited.body.invitationId}/accept`)
        .set('Authorization', `Bearer ${user.token}`)
        .expect(200);

      const me = await request(http).get('/api/v1/me').set('Authorization', `Bearer ${user.token}`);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: user.id, email: user.email, name: 'Test User', platformAdmin: false });
      expect(me.body.memberships).toEqual([
        { organizationId: municipality.id, organizationName: 'Lunds kommun', kind: 'municipality', role: 'member' },
        { organizationId: region.id, organizationName: 'Region Skåne', kind: 'region', role: 'manager' },
      ]);
    });

    it('is 403 for an API token, which has no user profile', async () => {
      const factory = new IdentityFactory(app);
      const company = await factory.organization('company');
      const token = await factory.apiToken(company.id, 'admin');
      const response = await request(http).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(403);
    });
  });
});
