import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('Idempotency-Key on booking', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let manager: TestUser;
  let testbedId: string;
  let day = 60;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    manager = await factory.member(region.id, 'manager');
    testbedId = (
      await createTestbed(app, manager.token, region.id, {
        capacity: 5,
        rules: {
          requiresApproval: true,
          minLeadDays: 1,
          maxAdvanceDays: 365,
          maxActiveBookingsPerCompany: 50,
          decisionDays: 5,
        },
      })
    ).id;
  });
  afterAll(() => app.close());

  const newSlot = async (capacity = 1) =>
    (
      await api()
        .post(`/api/v1/testbeds/${testbedId}/slots`)
        .set('Authorization', `Bearer ${manager.token}`)
        .send({ startsAt: daysFromNow(++day, 8), endsAt: daysFromNow(day, 16), capacity })
    ).body.items[0].id as string;
  const companyMember = async () => factory.member((await factory.organization('company')).id, 'member');
  const book = (slotId: string, user: TestUser, key: string, body: object = { title: 'Pilot' }) =>
    api()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', `Bearer ${user.token}`)
      .set('Idempotency-Key', key)
      .send(body);
  const bookingsOf = async (slotId: string) =>
    (await app.get(DataSource).query('SELECT count(*)::int AS n FROM bookings WHERE slot_id = $1', [slotId]))[0].n;

  it('replays the first answer for the same key and body, byte for byte', async () => {
    const slotId = await newSlot();
    const user = await companyMember();
    const key = randomUUID();
    const first = await book(slotId, user, key);
    const again = await book(slotId, user, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.text).toBe(first.text);
    expect(await bookingsOf(slotId)).toBe(1);
  });

  it('answers 422 idempotency-mismatch for the same key with another body', async () => {
    const slotId = await newSlot();
    const user = await companyMember();
    const key = randomUUID();
    await book(slotId, user, key);
    const other = await book(slotId, user, key, { title: 'Another pilot' });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('/problems/idempotency-mismatch');
  });

  it('replays a refusal too (409 slot-full stays 409 for that key)', async () => {
    const slotId = await newSlot();
    await book(slotId, await companyMember(), randomUUID());
    const user = await companyMember();
    const key = randomUUID();
    const full = await book(slotId, user, key);
    expect(full.status).toBe(409);
    expect(full.body.type).toBe('/problems/slot-full');
    const again = await book(slotId, user, key);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(full.body);
    expect(again.text).toBe(full.text);
  });

  it('scopes keys to the organization: another company may use the same key', async () => {
    const slotId = await newSlot(2);
    const key = randomUUID();
    const [a, b] = [await companyMember(), await companyMember()];
    const first = await book(slotId, a, key);
    const second = await book(slotId, b, key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).not.toBe(second.body.id);
  });

  it('creates one booking for 50 simultaneous requests with one key; the others replay it or answer 409 in-progress', async () => {
    const slotId = await newSlot(5);
    const user = await companyMember();
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 50 }, () => book(slotId, user, key)));
    expect(responses.filter((response) => response.status >= 500)).toEqual([]);
    const created = responses.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    for (const response of responses.filter((each) => each.status !== 201)) {
      expect(response.status).toBe(409);
      expect(response.body.type).toBe('/problems/idempotency-in-progress');
    }
    expect(await bookingsOf(slotId)).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const slotId = await newSlot();
    const response = await book(slotId, await companyMember(), 'with spaces é');
    expect(response.status).toBe(400);
  });

  it('takes over a key whose request died, and forgets keys after their time', async () => {
    const slotId = await newSlot(2);
    const user = await companyMember();
    const key = randomUUID();
    const organizationId = (await api().get('/api/v1/me').set('Authorization', `Bearer ${user.token}`)).body
      .memberships[0].organizationId;
    await app
      .get(DataSource)
      .query(
        `INSERT INTO idempotency_keys (organization_id, key, request_hash, status, created_at, expires_at) VALUES ($1, $2, 'x', 'in-progress', now() - interval '10 minutes', now() + interval '1 day')`,
        [organizationId, key],
      );
    expect((await book(slotId, user, key)).status).toBe(201);
    await app
      .get(DataSource)
      .query(
        `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE organization_id = $1 AND key = $2`,
        [organizationId, key],
      );
    // Expired: the same key now makes a new request (already-booked, as the company holds the slot).
    expect((await book(slotId, user, key)).body.type).toBe('/problems/already-booked');
  });
});
