import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { guardedRequest, OutboundFetchError, OutboundRefusedError } from '@slussen/core';
import { WEBHOOKS_QUEUE } from '@slussen/notifications';
import { IdentityFactory, isolatedDatabase, type TestUser } from '@slussen/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../worker-app.js';
import { createApiApp } from '../../api-app.js';
import { createTestbed, daysFromNow } from '../../catalogue-fixtures.js';
import { startSmtpReceiver } from '../../smtp-receiver.js';

// Issue 12, finding 3: server-side request forgery through webhooks.

const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

/** A loopback receiver that keeps every request and answers through `answer`. */
async function receiver(answer: (incoming: IncomingMessage, response: ServerResponse) => void) {
  const requests: string[] = [];
  const server = createServer((incoming, response) => {
    requests.push(incoming.url ?? '');
    incoming.resume();
    answer(incoming, response);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  return {
    port,
    requests,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

describe('webhooks: no server-side request forgery', () => {
  describe('registration, with the default settings', () => {
    let api: NestExpressApplication;
    let admin: TestUser;
    let organizationId: string;

    beforeAll(async () => {
      api = await createApiApp({ env: { WEBHOOK_MAX_PER_ORGANIZATION: '2' } });
      const factory = new IdentityFactory(api);
      organizationId = (await factory.organization('company')).id;
      admin = await factory.member(organizationId, 'admin');
    });
    afterAll(() => api.close());

    const subscribe = (url: string) =>
      request(api.getHttpServer())
        .post(`/api/v1/organizations/${organizationId}/webhooks`)
        .set(as(admin))
        .send({ url, events: ['*'] });

    it.each([
      'http://127.0.0.1:6379/',
      'https://127.0.0.1:6379/',
      'https://10.0.0.1/x',
      'https://172.16.5.4/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://[::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://[::ffff:169.254.169.254]/latest/meta-data',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://localhost/x',
      `https://${hostname()}/x`,
      'http://hooks.example.se/x',
    ])('refuses %s with 400 validation', async (url) => {
      const refused = await subscribe(url);
      expect(refused.status).toBe(400);
      expect(refused.body.type).toBe('/problems/validation');
      expect(refused.body.errors?.[0]?.field).toBe('url');
    });

    it('accepts https on a public name, caps subscriptions per organization, and audits every change', async () => {
      const first = await subscribe('https://hooks.example.se/a');
      expect(first.status).toBe(201);
      expect(first.body.secret).toMatch(/^whsec_/);
      expect((await subscribe('https://hooks.example.se/b')).status).toBe(201);
      const third = await subscribe('https://hooks.example.se/c');
      expect(third.status).toBe(409);

      const db = api.get(DataSource);
      await db.query(
        `UPDATE webhook_subscriptions SET status = 'disabled', consecutive_failures = 15, disabled_at = now() WHERE id = $1`,
        [first.body.id],
      );
      const enabled = await request(api.getHttpServer())
        .post(`/api/v1/organizations/${organizationId}/webhooks/${first.body.id}/enable`)
        .set(as(admin));
      expect(enabled.status).toBe(200);
      expect(enabled.body).toMatchObject({ id: first.body.id, status: 'active', consecutiveFailures: 0 });
      await request(api.getHttpServer())
        .delete(`/api/v1/organizations/${organizationId}/webhooks/${first.body.id}`)
        .set(as(admin))
        .expect(204);

      const audit = await request(api.getHttpServer())
        .get(`/api/v1/organizations/${organizationId}/audit`)
        .set(as(admin))
        .expect(200);
      const actions = audit.body.items
        .filter((entry: { subjectType: string }) => entry.subjectType === 'webhook')
        .map(
          (entry: { action: string; subjectId: string }) =>
            `${entry.action} ${entry.subjectId === first.body.id ? 'first' : 'other'}`,
        );
      expect(actions.sort()).toEqual(
        ['webhook.create first', 'webhook.create other', 'webhook.delete first', 'webhook.enable first'].sort(),
      );
      expect(JSON.stringify(audit.body)).not.toContain('whsec_');
    });
  });

  describe('the guarded outbound client', () => {
    const strict = { allowHttp: true, allowPrivateAddresses: false, timeoutMs: 2000, maxBytes: 1024 };
    const open = { ...strict, allowPrivateAddresses: true };

    it('refuses at connect time a name that resolves to a non-public address, and never contacts it', async () => {
      const target = await receiver((_incoming, response) => response.writeHead(204).end());
      try {
        await expect(
          guardedRequest(`http://${hostname()}:${target.port}/x`, { method: 'POST', body: '{}' }, strict),
        ).rejects.toThrow(OutboundRefusedError);
        await expect(guardedRequest(target.url('/x'), { method: 'POST', body: '{}' }, strict)).rejects.toThrow(
          OutboundRefusedError,
        );
        expect(target.requests).toEqual([]);
      } finally {
        await target.close();
      }
    });

    it('follows no redirect, keeps one deadline and caps the answer', async () => {
      const target = await receiver((incoming, response) => {
        if (incoming.url === '/redirect') response.writeHead(307, { location: '/elsewhere' }).end();
        else if (incoming.url === '/huge') response.writeHead(200).end('x'.repeat(10_000));
        else if (incoming.url === '/slow') setTimeout(() => response.writeHead(204).end(), 5000).unref();
        else response.writeHead(204).end();
      });
      try {
        expect((await guardedRequest(target.url('/redirect'), { method: 'POST', body: '{}' }, open)).status).toBe(307);
        await expect(guardedRequest(target.url('/huge'), { method: 'GET' }, open)).rejects.toMatchObject({
          reason: 'too-large',
        });
        const started = Date.now();
        await expect(
          guardedRequest(target.url('/slow'), { method: 'GET' }, { ...open, timeoutMs: 300 }),
        ).rejects.toThrow(OutboundFetchError);
        expect(Date.now() - started).toBeLessThan(3000);
        expect(target.requests).toEqual(['/redirect', '/huge', '/slow']);
      } finally {
        await target.close();
      }
    });
  });

  /** The API and a worker on a database of their own. */
  const startWorld = async (extra: Record<string, string>) => {
    const smtp = await startSmtpReceiver();
    const database = await isolatedDatabase();
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-ssrf-${randomUUID().slice(0, 8)}`,
      OUTBOX_POLL_MS: '200',
      BOOKING_EXPIRY_EVERY_SECONDS: '3600',
      ...extra,
    };
    const api: NestExpressApplication = await createApiApp({ env });
    const worker: INestApplication = await createWorkerApp({ env });
    const factory = new IdentityFactory(api);
    return {
      api,
      env,
      smtp,
      db: api.get(DataSource),
      factory,
      async slot(capacity: number) {
        const region = await factory.organization('region');
        const manager = await factory.member(region.id, 'manager');
        const testbed = await createTestbed(api, manager.token, region.id, {
          capacity,
          rules: {
            requiresApproval: true,
            minLeadDays: 1,
            maxAdvanceDays: 365,
            maxActiveBookingsPerCompany: 5,
            decisionDays: 5,
          },
        });
        const slot = await request(api.getHttpServer())
          .post(`/api/v1/testbeds/${testbed.id}/slots`)
          .set(as(manager))
          .send({ startsAt: daysFromNow(30, 8), endsAt: daysFromNow(30, 16), capacity });
        return { manager, slotId: slot.body.items[0].id as string };
      },
      async close() {
        await worker.close();
        await api.close();
        await smtp.close();
        await database.drop();
      },
    };
  };

  describe('delivery, in the worker, with http allowed but private addresses not', () => {
    let world: Awaited<ReturnType<typeof startWorld>>;
    beforeAll(async () => {
      world = await startWorld({ WEBHOOK_ALLOW_HTTP: 'true' });
    });
    afterAll(() => world.close());

    it('never contacts an internal address kept from before, and shows only a short reason', async () => {
      const internal = await receiver((_incoming, response) => response.writeHead(204).end());
      try {
        const { slotId } = await world.slot(1);
        const company = await world.factory.organization('company');
        const member = await world.factory.member(company.id, 'member');
        const admin = await world.factory.member(company.id, 'admin');
        // A subscription registered before the guard (or by a name that later resolved inward).
        const [{ id }] = await world.db.query(
          `INSERT INTO webhook_subscriptions (organization_id, url, events, secret) VALUES ($1, $2, '{*}', 'whsec_old') RETURNING id`,
          [company.id, internal.url('/latest/meta-data')],
        );
        expect(
          (
            await request(world.api.getHttpServer())
              .post(`/api/v1/slots/${slotId}/bookings`)
              .set(as(member))
              .send({ title: 'SSRF-pilot' })
          ).status,
        ).toBe(201);

        const deadline = Date.now() + 20_000;
        let row: { status: string } | undefined;
        while (Date.now() < deadline) {
          [row] = await world.db.query(`SELECT status FROM deliveries WHERE subscription_id = $1`, [id]);
          if (row?.status === 'failed') break;
          await new Promise((done) => setTimeout(done, 200));
        }
        expect(row?.status).toBe('failed');
        expect(internal.requests).toEqual([]);
        const listed = await request(world.api.getHttpServer())
          .get(`/api/v1/organizations/${company.id}/webhooks`)
          .set(as(admin))
          .expect(200);
        expect(listed.body.items[0]).toMatchObject({ id, consecutiveFailures: 1, lastFailure: 'address-refused' });
      } finally {
        await internal.close();
      }
    });
  });

  describe('delivery, in the worker, with loopback receivers allowed by the operator', () => {
    let world: Awaited<ReturnType<typeof startWorld>>;
    beforeAll(async () => {
      world = await startWorld({
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
        WEBHOOK_TIMEOUT_MS: '15000',
      });
    });
    afterAll(() => world.close());

    it('runs webhook deliveries on their own queue: receivers that hang do not hold up e-mail', async () => {
      const hanging = await receiver(() => undefined);
      try {
        const { manager, slotId } = await world.slot(8);
        const members = await Promise.all(
          Array.from({ length: 7 }, async () => {
            const company = await world.factory.organization('company');
            await world.db.query(
              `INSERT INTO webhook_subscriptions (organization_id, url, events, secret) VALUES ($1, $2, '{*}', 'whsec_x')`,
              [company.id, hanging.url('/hook')],
            );
            return world.factory.member(company.id, 'member');
          }),
        );
        const started = Date.now();
        for (const [index, member] of members.entries()) {
          expect(
            (
              await request(world.api.getHttpServer())
                .post(`/api/v1/slots/${slotId}/bookings`)
                .set(as(member))
                .send({ title: `Väntpilot ${index}` })
            ).status,
          ).toBe(201);
        }
        const toManager = () =>
          world.smtp.received.filter((mail) => mail.to === manager.email && mail.subject.includes('Väntpilot'));
        while (Date.now() - started < 30_000 && toManager().length < 7)
          await new Promise((done) => setTimeout(done, 100));
        expect(toManager()).toHaveLength(7);
        // Every e-mail went out while the receivers were still holding their requests open (15 s).
        expect(Date.now() - started).toBeLessThan(12_000);
        expect(hanging.requests.length).toBeGreaterThanOrEqual(1);
        const [{ count }] = await world.db.query(
          `SELECT count(*)::int AS count FROM deliveries WHERE channel = 'webhook' AND status = 'sending'`,
        );
        expect(count).toBeGreaterThanOrEqual(1);
        const webhooks = new Queue(WEBHOOKS_QUEUE, {
          connection: { url: process.env.REDIS_URL! },
          prefix: world.env.QUEUE_PREFIX,
        });
        try {
          expect((await webhooks.getJobCounts('active')).active).toBeGreaterThanOrEqual(1);
        } finally {
          await webhooks.close();
        }
      } finally {
        await hanging.close();
      }
    }, 60_000);
  });
});
