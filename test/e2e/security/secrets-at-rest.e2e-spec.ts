import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SecretBox } from '@slussen/core';
import { IdentityFactory, isolatedDatabase, testConfig, type TestUser } from '@slussen/testing';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api-app.js';
import { apiWorld, confirmedPilot } from '../../pilot-world.js';

// Issue 12, finding 11: secrets at rest.

const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
const config = testConfig();
const box = new SecretBox(config);

/** A value as the first SecretBox sealed it: AES-256-GCM, no associated data. */
function legacySeal(plaintext: string): string {
  const key = Buffer.from(hkdfSync('sha256', config.secretsKey, 'slussen', 'secret-box v1', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

describe('secrets at rest: sealed with a full tag, bound to their row', () => {
  it('seals with a 16-byte tag and refuses a truncated one', () => {
    const sealed = box.seal('hemlig-token', 'measurement_sources:a:sealed_token');
    const [version, , tag] = sealed.split('.');
    expect(version).toBe('v2');
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(box.open(sealed, 'measurement_sources:a:sealed_token')).toBe('hemlig-token');
    const parts = sealed.split('.');
    // GCM without a fixed tag length accepts a tag cut to 4 bytes, which is forged in about 2^32 tries.
    const truncated = [
      parts[0],
      parts[1],
      Buffer.from(parts[2]!, 'base64url').subarray(0, 4).toString('base64url'),
      parts[3],
    ].join('.');
    expect(() => box.open(truncated, 'measurement_sources:a:sealed_token')).toThrow();
    const legacyTruncated = legacySeal('x').split('.');
    legacyTruncated[2] = Buffer.from(legacyTruncated[2]!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => box.open(legacyTruncated.join('.'), 'any')).toThrow();
  });

  it('does not open a value moved to another row or column', () => {
    const sealed = box.seal('hemlig-token', 'measurement_sources:a:sealed_token');
    expect(() => box.open(sealed, 'measurement_sources:b:sealed_token')).toThrow();
    expect(() => box.open(sealed, 'webhook_subscriptions:a:secret')).toThrow();
  });

  it('still opens a value sealed before values were bound to rows', () => {
    expect(box.open(legacySeal('gammal-token'), 'measurement_sources:a:sealed_token')).toBe('gammal-token');
  });

  describe('in the database', () => {
    let database: Awaited<ReturnType<typeof isolatedDatabase>>;
    let api: NestExpressApplication;
    beforeAll(async () => {
      database = await isolatedDatabase();
      api = await createApiApp({ env: { DATABASE_URL: database.url, SOURCE_ALLOW_HTTP: 'true' } });
    });
    afterAll(async () => {
      await api.close();
      await database.drop();
    });

    it('keeps a webhook secret sealed and bound to its row, shown once', async () => {
      const factory = new IdentityFactory(api);
      const organizationId = (await factory.organization('company')).id;
      const admin = await factory.member(organizationId, 'admin');
      const made = await request(api.getHttpServer())
        .post(`/api/v1/organizations/${organizationId}/webhooks`)
        .set(as(admin))
        .send({ url: 'https://hooks.example.se/in', events: ['*'] });
      expect(made.status).toBe(201);
      expect(made.body.secret).toMatch(/^whsec_/);
      const [row] = await api
        .get(DataSource)
        .query('SELECT secret FROM webhook_subscriptions WHERE id = $1', [made.body.id]);
      expect(row.secret).not.toContain(made.body.secret);
      expect(row.secret).toMatch(/^v2\./);
      expect(box.open(row.secret, `webhook_subscriptions:${made.body.id}:secret`)).toBe(made.body.secret);
      const listed = await request(api.getHttpServer())
        .get(`/api/v1/organizations/${organizationId}/webhooks`)
        .set(as(admin))
        .expect(200);
      expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    });

    it('keeps a source token sealed and bound to its pilot', async () => {
      const world = apiWorld(api);
      const { pilot, member } = await confirmedPilot(world);
      await world
        .http()
        .put(`/api/v1/pilots/${pilot.id}/source`)
        .set(as(member))
        .send({ url: 'https://data.example.se/m.json', token: 'kalle-anka-token' })
        .expect(200);
      const [row] = await api
        .get(DataSource)
        .query('SELECT sealed_token FROM measurement_sources WHERE pilot_id = $1', [pilot.id]);
      expect(row.sealed_token).toMatch(/^v2\./);
      expect(row.sealed_token).not.toContain('kalle');
      expect(box.open(row.sealed_token, `measurement_sources:${pilot.id}:sealed_token`)).toBe('kalle-anka-token');
    });

    it('seals at start what was stored before: clear webhook secrets and unbound source tokens', async () => {
      const db = api.get(DataSource);
      const factory = new IdentityFactory(api);
      const organizationId = (await factory.organization('company')).id;
      const [{ id: webhookId }] = await db.query(
        `INSERT INTO webhook_subscriptions (organization_id, url, events, secret) VALUES ($1, 'https://hooks.example.se/old', '{*}', 'whsec_stored-in-clear') RETURNING id`,
        [organizationId],
      );
      const world = apiWorld(api);
      const { pilot } = await confirmedPilot(world);
      await db.query(
        `INSERT INTO measurement_sources (pilot_id, url, sealed_token) VALUES ($1, 'https://data.example.se/old.json', $2)`,
        [pilot.id, legacySeal('gammal-token')],
      );

      const restarted = await createApiApp({ env: { DATABASE_URL: database.url } });
      await restarted.close();

      const [webhook] = await db.query('SELECT secret FROM webhook_subscriptions WHERE id = $1', [webhookId]);
      expect(webhook.secret).toMatch(/^v2\./);
      expect(box.open(webhook.secret, `webhook_subscriptions:${webhookId}:secret`)).toBe('whsec_stored-in-clear');
      const [source] = await db.query('SELECT sealed_token FROM measurement_sources WHERE pilot_id = $1', [pilot.id]);
      expect(source.sealed_token).toMatch(/^v2\./);
      expect(box.open(source.sealed_token, `measurement_sources:${pilot.id}:sealed_token`)).toBe('gammal-token');
    });
  });
});
