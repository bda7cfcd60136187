import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

/**
 * 500 booking requests at once against an API that serves 4 at a time
 * (DATABASE_POOL_SIZE 2) and lets 20 wait, each up to 500 ms: every answer is 201, 409, 429 or a
 * 503 with Retry-After, and what was answered 201 is exactly what the database holds.
 */
describe('load shedding: 500 bookings at once', () => {
  const REQUESTS = 500;
  const QUEUE_LIMIT = 20;
  let app: NestExpressApplication;
  let base: string;
  let companies: TestUser[];
  let slotIds: string[];

  beforeAll(async () => {
    app = await createApiApp({
      env: { DATABASE_POOL_SIZE: '2', REQUEST_QUEUE_LIMIT: String(QUEUE_LIMIT), REQUEST_QUEUE_TIMEOUT_MS: '500' },
    });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const factory = new IdentityFactory(app);
    const region = await factory.organization('region', { name: 'Region Kalmar län' });
    const manager = await factory.member(region.id, 'manager');
    const testbed = await createTestbed(app, manager.token, region.id, {
      capacity: 50,
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 50,
        decisionDays: 5,
      },
    });
    slotIds = [];
    for (let day = 40; day < 45; day++) {
      const slot = await fetch(`${base}/api/v1/testbeds/${testbed.id}/slots`, {
        method: 'POST',
        headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ startsAt: daysFromNow(day, 8), endsAt: daysFromNow(day, 16), capacity: 50 }),
      });
      expect(slot.status).toBe(201);
      slotIds.push(((await slot.json()) as { items: Array<{ id: string }> }).items[0]!.id);
    }
    companies = [];
    for (let index = 0; index < 25; index++)
      companies.push(await factory.member((await factory.organization('company')).id, 'member'));
  });
  afterAll(() => app.close());

  it('answers only 201, 409, 429 or 503 with Retry-After, and keeps exactly the bookings it accepted', async () => {
    // The database is slow for the surge: another session holds the slots' rows, which every booking updates, until
    // the whole surge has reached the API, and a moment more. Without this a quiet machine books faster than the surge
    // arrives and there would be nothing to shed; a fixed hold let a busy machine's slower surge outlast it.
    const { url } = app.get(DataSource).options as { url: string };
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM slots WHERE id = ANY($1::uuid[]) FOR UPDATE', [slotIds]);
    const server = app.getHttpServer();
    let arrived = 0;
    const released = new Promise<void>((done) => {
      const release = () => {
        server.off('request', count);
        clearTimeout(bound);
        // Less than the queue's 500 ms: what waits in the queue at the end is then served, from the queue.
        setTimeout(() => {
          void blocker
            .query('COMMIT')
            .then(() => blocker.end())
            .then(done);
        }, 200);
      };
      const count = () => {
        if (++arrived === REQUESTS) release();
      };
      const bound = setTimeout(release, 20_000);
      server.on('request', count);
    });
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, index) => {
        const requestId = `surge-${randomUUID()}`;
        const response = await fetch(`${base}/api/v1/slots/${slotIds[index % slotIds.length]}/bookings`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${companies[index % companies.length]!.token}`,
            'content-type': 'application/json',
            'x-request-id': requestId,
          },
          body: JSON.stringify({ title: 'Pilot under rusning' }),
        });
        const body = (await response.json()) as { id?: string; type?: string };
        return { status: response.status, retryAfter: response.headers.get('retry-after'), body, requestId };
      }),
    );
    await released;
    const count = (status: number) => answers.filter((answer) => answer.status === status).length;
    const created = answers.filter((answer) => answer.status === 201);
    const shed = answers.filter((answer) => answer.status === 503);

    expect(answers.filter((answer) => ![201, 409, 429, 503].includes(answer.status))).toEqual([]);
    expect(count(201) + count(409) + count(429) + count(503)).toBe(REQUESTS);
    // 4 served and 20 waiting at most: most of the surge is refused at once, and told when to come back.
    expect(shed.length).toBeGreaterThanOrEqual(REQUESTS - 10 * (4 + QUEUE_LIMIT));
    expect(shed.every((answer) => answer.retryAfter === '1' && answer.body.type === '/problems/unavailable')).toBe(
      true,
    );
    expect(created.length).toBeGreaterThan(0);

    // What was accepted is what the database holds, and each booking's outbox message carries its
    // request's id, also for requests that waited in the queue (the request context survives it).
    const rows: Array<{ id: string; requestId: string }> = await app.get(DataSource).query(
      `SELECT b.id, o.request_id AS "requestId"
         FROM bookings b JOIN outbox_messages o ON o.payload->>'bookingId' = b.id::text
        WHERE b.slot_id = ANY($1::uuid[])`,
      [slotIds],
    );
    expect(rows.map((row) => row.id).sort()).toEqual(created.map((answer) => answer.body.id).sort());
    const sentIds = new Map(created.map((answer) => [answer.body.id, answer.requestId]));
    expect(rows.every((row) => sentIds.get(row.id) === row.requestId)).toBe(true);
    const [{ held }] = await app
      .get(DataSource)
      .query(`SELECT sum(held)::int AS held FROM slots WHERE id = ANY($1::uuid[])`, [slotIds]);
    expect(held).toBe(created.length);

    // The surge is over: the next request is served.
    const after = await fetch(`${base}/api/v1/slots/${slotIds[0]}/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${companies[0]!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Efter rusningen' }),
    });
    expect([201, 409]).toContain(after.status);
  });
});
