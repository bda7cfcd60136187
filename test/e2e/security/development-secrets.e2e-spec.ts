import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, validateEnvironment } from '@slussen/core';
import { IdentityFactory } from '@slussen/testing';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../../api-app.js';

// Issue 12, finding 7: with NODE_ENV unset, JWT_SECRET and SECRETS_KEY no longer
// fall back to constants anyone can read in the repository.
const PUBLISHED_JWT_SECRET = 'slussen-development-only-secret-never-in-production';
const PUBLISHED_SECRETS_KEY = 'slussen-development-only-secrets-key-never-in-production';
const services = { databaseUrl: 'postgres://h/db', redisUrl: 'redis://h' };
const freshDataDir = () => mkdtempSync(join(tmpdir(), 'slussen-secrets-'));

describe('Development secrets', () => {
  it('are random, made on first start and kept under DATA_DIR for the owner only (0600)', () => {
    const dataDir = freshDataDir();
    const first = new AppConfig(validateEnvironment({ DATA_DIR: dataDir }), services);
    expect(first.nodeEnv).toBe('development');
    expect(first.jwt.secret).not.toBe(PUBLISHED_JWT_SECRET);
    expect(first.secretsKey).not.toBe(PUBLISHED_SECRETS_KEY);
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.secretsKey).not.toBe(first.jwt.secret);

    const file = join(dataDir, 'development-secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(first.jwt.secret);

    // The next start (and the worker beside the API) reads the same ones; another installation has its own.
    const again = new AppConfig(validateEnvironment({ DATA_DIR: dataDir }), services);
    expect([again.jwt.secret, again.secretsKey]).toEqual([first.jwt.secret, first.secretsKey]);
    const elsewhere = new AppConfig(validateEnvironment({ DATA_DIR: freshDataDir() }), services);
    expect(elsewhere.jwt.secret).not.toBe(first.jwt.secret);
  });

  it('give way to JWT_SECRET and SECRETS_KEY when set, and production still requires both', () => {
    const set = new AppConfig(
      validateEnvironment({ DATA_DIR: freshDataDir(), JWT_SECRET: 'j'.repeat(40), SECRETS_KEY: 's'.repeat(40) }),
      services,
    );
    expect([set.jwt.secret, set.secretsKey]).toEqual(['j'.repeat(40), 's'.repeat(40)]);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/s',
      REDIS_URL: 'redis://r',
      PUBLIC_URL: 'https://slussen.example.se',
      DATA_DIR: freshDataDir(),
    };
    expect(() => validateEnvironment({ ...production, SECRETS_KEY: 's'.repeat(40) })).toThrow(/JWT_SECRET/);
    expect(() => validateEnvironment({ ...production, JWT_SECRET: 'j'.repeat(40) })).toThrow(/SECRETS_KEY/);
  });

  describe('an API started in development without them', () => {
    let app: NestExpressApplication;
    beforeAll(async () => {
      app = await createApiApp({
        env: {
          NODE_ENV: 'development',
          JWT_SECRET: '',
          SECRETS_KEY: '',
          DATA_DIR: freshDataDir(),
          LOG_PRETTY: 'false',
        },
      });
    });
    afterAll(() => app.close());

    it('refuses an access token forged with the constant that used to be the default', async () => {
      const user = await new IdentityFactory(app).user();
      expect(
        (await request(app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${user.token}`)).status,
      ).toBe(200);
      const claims = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString('utf8')) as {
        sub: string;
        sid: string;
      };
      const forged = await new JwtService({ secret: PUBLISHED_JWT_SECRET }).signAsync(
        { sub: claims.sub, typ: 'access', sid: claims.sid },
        { algorithm: 'HS256', expiresIn: 900 },
      );
      const response = await request(app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${forged}`);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
