import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';

const email = () => `eva.${randomUUID().slice(0, 8)}@webbolaget.se`;
const password = 'ett långt webblösenord 2026';
const WEB = { 'X-Slussen-Client': 'web' };

/** The Set-Cookie line for the refresh cookie, and its value. */
function refreshCookie(response: request.Response): { line: string; value: string } | null {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const line = lines.find((candidate) => candidate.startsWith('slussen_refresh='));
  return line ? { line, value: line.slice('slussen_refresh='.length).split(';')[0]! } : null;
}

describe('browser sessions: the refresh token in an httpOnly cookie', () => {
  let app: NestExpressApplication;
  let http: ReturnType<NestExpressApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createApiApp();
    http = app.getHttpServer();
  });
  afterAll(() => app.close());

  const account = async () => {
    const address = email();
    await request(http)
      .post('/api/v1/auth/signup')
      .send({ email: address, password, name: 'Eva Webb', company: { name: 'Webbolaget AB' } })
      .expect(201);
    return address;
  };
  const signIn = async (address: string) =>
    request(http).post('/api/v1/auth/session').set(WEB).send({ email: address, password });
  const refresh = (cookie?: string) => {
    const call = request(http).post('/api/v1/auth/session/refresh').set(WEB);
    return cookie === undefined ? call : call.set('Cookie', `theme=dark; slussen_refresh=${cookie}`);
  };

  it('signs in: the access token in the body, the refresh token only in a Strict, httpOnly cookie scoped to /api/v1/auth', async () => {
    const response = await signIn(await account());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    expect(response.headers['cache-control']).toBe('no-store');
    const cookie = refreshCookie(response)!;
    expect(cookie.value).toMatch(/^slr_/);
    const attributes = cookie.line
      .split(';')
      .slice(1)
      .map((part) => part.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/api/v1/auth', 'HttpOnly', 'SameSite=Strict', `Max-Age=${30 * 86_400}`]),
    );
    // Not Secure outside production, so the cookie works on http://localhost.
    expect(attributes).not.toContain('Secure');
    // The body never carries the refresh token, so no script can read it.
    expect(JSON.stringify(response.body)).not.toContain(cookie.value);
    expect(
      (await request(http).get('/api/v1/me').set('Authorization', `Bearer ${response.body.accessToken}`)).status,
    ).toBe(200);
  });

  it('marks the cookie Secure in production', async () => {
    const production = await createApiApp({
      env: {
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://slussen.example.se',
        JWT_SECRET: 'x'.repeat(40),
        SECRETS_KEY: 'y'.repeat(40),
        CORS_ORIGINS: 'https://slussen.example.se',
      },
    });
    try {
      const address = email();
      await request(production.getHttpServer())
        .post('/api/v1/auth/signup')
        .send({ email: address, password, name: 'Eva Webb', company: { name: 'Webbolaget AB' } })
        .expect(201);
      const response = await request(production.getHttpServer())
        .post('/api/v1/auth/session')
        .set(WEB)
        .send({ email: address, password });
      expect(response.status).toBe(200);
      expect(refreshCookie(response)!.line).toMatch(/; Secure/);
    } finally {
      await production.close();
    }
  });

  it('answers a wrong password like login: 401 problem+json, and no cookie', async () => {
    const address = await account();
    const wrong = await request(http)
      .post('/api/v1/auth/session')
      .set(WEB)
      .send({ email: address, password: 'fel lösenord helt och hållet' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body.type).toBe('/problems/unauthenticated');
    const login = await request(http)
      .post('/api/v1/auth/login')
      .send({ email: address, password: 'fel lösenord helt och hållet' });
    expect(wrong.body.detail).toBe(login.body.detail);
    expect(refreshCookie(wrong)).toBeNull();
  });

  it('refreshes from the cookie alone, rotating it; the old cookie then fails and revokes the session', async () => {
    const first = refreshCookie(await signIn(await account()))!.value;
    const rotated = await refresh(first);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const second = refreshCookie(rotated)!;
    expect(second.value).not.toBe(first);
    expect(second.line).toMatch(/HttpOnly/);
    expect(
      (await request(http).get('/api/v1/me').set('Authorization', `Bearer ${rotated.body.accessToken}`)).status,
    ).toBe(200);

    // The rotated-away cookie presented again: 401, the cookie cleared, and the whole family revoked.
    const reused = await refresh(first);
    expect(reused.status).toBe(401);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body.type).toBe('/problems/unauthenticated');
    expect(refreshCookie(reused)).toMatchObject({ value: '' });
    expect(refreshCookie(reused)!.line).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await refresh(second.value)).status).toBe(401);
  });

  it('answers 401 and clears the cookie when there is none or it is unknown', async () => {
    for (const response of [await refresh(), await refresh('slr_not-a-real-token'), await refresh('%E0%A4%A')]) {
      expect(response.status).toBe(401);
      expect(response.body.type).toBe('/problems/unauthenticated');
      expect(refreshCookie(response)!.line).toMatch(/Path=\/api\/v1\/auth/);
    }
  });

  it('signs out: 204, the session revoked in the database and the cookie cleared', async () => {
    const cookie = refreshCookie(await signIn(await account()))!.value;
    const out = await request(http)
      .post('/api/v1/auth/session/logout')
      .set(WEB)
      .set('Cookie', `slussen_refresh=${cookie}`);
    expect(out.status).toBe(204);
    expect(refreshCookie(out)).toMatchObject({ value: '' });
    const [row] = await app
      .get(DataSource)
      .query(`SELECT revoked_at FROM refresh_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [cookie]);
    expect(row.revoked_at).not.toBeNull();
    expect((await refresh(cookie)).status).toBe(401);
    // Signing out twice, or without a cookie, is still 204.
    expect((await request(http).post('/api/v1/auth/session/logout').set(WEB)).status).toBe(204);
  });

  it('refuses requests a cross-site form could send: no X-Slussen-Client header and no JSON content type', async () => {
    const address = await account();
    const form = await request(http).post('/api/v1/auth/session').type('form').send({ email: address, password });
    expect(form.status).toBe(403);
    expect(form.body.type).toBe('/problems/forbidden');
    expect(refreshCookie(form)).toBeNull();
    const cookie = refreshCookie(await signIn(address))!.value;
    const plain = await request(http)
      .post('/api/v1/auth/session/refresh')
      .set('Content-Type', 'text/plain')
      .set('Cookie', `slussen_refresh=${cookie}`)
      .send('x');
    expect(plain.status).toBe(403);
    expect(
      (await request(http).post('/api/v1/auth/session/logout').set('Cookie', `slussen_refresh=${cookie}`)).status,
    ).toBe(403);
    // The cookie survived all three: the session still works for the real web app.
    expect((await refresh(cookie)).status).toBe(200);
    // A JSON content type is enough, without the header.
    expect((await request(http).post('/api/v1/auth/session').send({ email: address, password })).status).toBe(200);
  });

  it('leaves the JSON token flow for programs unchanged: no cookie, refresh token in the body', async () => {
    const address = await account();
    const login = await request(http).post('/api/v1/auth/login').send({ email: address, password });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^slr_/),
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    expect(login.headers['set-cookie']).toBeUndefined();
    const next = await request(http).post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(next.status).toBe(200);
    expect(next.headers['set-cookie']).toBeUndefined();
    // A program's refresh token does not work as a cookie elsewhere, and vice versa they stay separate sessions.
    expect(
      (await request(http).post('/api/v1/auth/logout').send({ refreshToken: next.body.refreshToken })).status,
    ).toBe(204);
  });

  it('documents the session routes as public, with the cookie scheme', async () => {
    const { body } = await request(http).get('/docs-json');
    expect(body.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'slussen_refresh',
    });
    expect(body.paths['/api/v1/auth/session/refresh'].post.security).toEqual([{ sessionCookie: [] }]);
    expect(body.paths['/api/v1/auth/session'].post.responses['200']).toBeDefined();
  });
});
