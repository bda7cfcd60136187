import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestUser } from '@slussen/testing';
import { hostname } from 'node:os';
import { OutboundRefusedError } from '@slussen/core';
import { fetchSource } from '../../libs/pilots/src/source-fetcher.js';
import { createApiApp } from '../api-app.js';
import { agreedPilot, apiWorld, confirmedPilot, startPilotWorld, type PilotWorld } from '../pilot-world.js';
import { json, startSourceServer } from '../source-server.js';

const DAY = 86_400_000;
const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

describe('measurement sources: no server-side request forgery, limits, retries', () => {
  let source: Awaited<ReturnType<typeof startSourceServer>>;
  const healthy: Array<{ metricKey: string; value: number; observedAt: string }> = [];

  beforeAll(async () => {
    source = await startSourceServer({
      '/slow.json': (request, response) => {
        const timer = setTimeout(() => json([])(request, response), 3000);
        response.on('close', () => clearTimeout(timer));
      },
      '/huge.json': (_request, response) => {
        // An endless answer: only the size limit stops it.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('[');
        const chunk = `${JSON.stringify({ metricKey: 'falls', value: 1, observedAt: '2027-01-01T00:00:00Z' })},`.repeat(
          1000,
        );
        const timer = setInterval(() => response.write(chunk), 5);
        response.on('close', () => clearInterval(timer));
      },
      '/failing.json': (_request, response) => void response.writeHead(503).end(),
      '/healthy.json': (request, response) => json(healthy)(request, response),
    });
  });
  afterAll(() => source.close());

  describe('with the default settings', () => {
    let api: NestExpressApplication;
    beforeAll(async () => {
      api = await createApiApp();
    });
    afterAll(() => api.close());

    it.each([
      ['https://127.0.0.1:8443/m.json', '127.0.0.1 is not a public address'],
      ['https://[::1]/m.json', '::1 is not a public address'],
      ['https://10.0.0.5/m.json', '10.0.0.5 is not a public address'],
      ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is not a public address'],
      ['https://localhost/m.json', 'localhost is not a public address'],
      ['http://data.example.se/m.json', 'only https URLs'],
    ])('refuses %s', async (url, why) => {
      const world = apiWorld(api);
      const { pilot, member } = await confirmedPilot(world);
      const refused = await world.http().put(`/api/v1/pilots/${pilot.id}/source`).set(as(member)).send({ url });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ field: 'url', message: why, code: 'invalid' }]);
    });

    it('refuses, when it fetches, a name that resolves to a non-public address', async () => {
      // This machine's own name resolves to a loopback address.
      const url = `https://${hostname()}:9/m.json`;
      await expect(
        fetchSource(url, null, { timeoutMs: 2000, maxBytes: 1024, allowHttp: false, allowPrivateAddresses: false }),
      ).rejects.toThrow(OutboundRefusedError);
      await expect(
        fetchSource(url, null, { timeoutMs: 2000, maxBytes: 1024, allowHttp: false, allowPrivateAddresses: false }),
      ).rejects.toThrow(/resolves to .*not a public address/);
    });
  });

  describe('in the worker, with loopback allowed by the operator', () => {
    let world: PilotWorld;
    beforeAll(async () => {
      world = await startPilotWorld({
        SOURCE_FETCH_TIMEOUT_MS: '500',
        SOURCE_MAX_BYTES: '65536',
        SOURCE_FETCH_ATTEMPTS: '3',
        SOURCE_RETRY_DELAY_MS: '50',
      });
    });
    afterAll(() => world.close());

    const withSource = async (path: string) => {
      const made = await agreedPilot(world);
      await world
        .http()
        .put(`/api/v1/pilots/${made.pilot.id}/source`)
        .set(as(made.member))
        .send({ url: source.url(path) })
        .expect(200);
      return made;
    };
    const fetchesOf = async (made: Awaited<ReturnType<typeof withSource>>) =>
      (await world.http().get(`/api/v1/pilots/${made.pilot.id}/source/fetches`).set(as(made.manager)).expect(200)).body
        .items as Array<{ outcome: string; attempt: number; error: string | null; recorded: number }>;

    it('cuts off a slow source and a huge one, retries a failing one, and still records the healthy pilot’s values', async () => {
      const pilots = {
        slow: await withSource('/slow.json'),
        huge: await withSource('/huge.json'),
        failing: await withSource('/failing.json'),
        healthy: await withSource('/healthy.json'),
      };
      const startsAt = pilots.slow.startsAt;
      healthy.push({ metricKey: 'falls', value: 4, observedAt: plus(startsAt, 3 * DAY) });

      world.clock.set(plus(startsAt, 60_000));
      expect(await world.scan()).toMatchObject({ started: 4 });
      world.clock.set(plus(startsAt, 7 * DAY + 60_000));
      expect(await world.scan()).toMatchObject({ opened: 4, pullsQueued: 4 });

      const settled = (made: Awaited<ReturnType<typeof withSource>>, count: number) =>
        world.waitFor(
          () => fetchesOf(made),
          (items) => items.length >= count,
          20_000,
        );
      const [slow, huge, failing, healthyFetches] = await Promise.all([
        settled(pilots.slow, 3),
        settled(pilots.huge, 3),
        settled(pilots.failing, 3),
        settled(pilots.healthy, 1),
      ]);

      expect(healthyFetches).toEqual([expect.objectContaining({ outcome: 'ok', recorded: 1, attempt: 1 })]);
      expect(slow.map((fetch) => `${fetch.attempt} ${fetch.outcome} ${fetch.error}`).sort()).toEqual([
        '1 failed no complete answer within 500 ms',
        '2 failed no complete answer within 500 ms',
        '3 failed no complete answer within 500 ms',
      ]);
      expect(huge.map((fetch) => fetch.error)).toEqual(Array(3).fill('answer is over the limit of 65536 bytes'));
      expect(failing.map((fetch) => `${fetch.attempt} ${fetch.error}`).sort()).toEqual([
        '1 answered 503',
        '2 answered 503',
        '3 answered 503',
      ]);

      // The failures are reported, not hidden: the pilot's source shows the last one, and the value is missing.
      const failed = await world
        .http()
        .get(`/api/v1/pilots/${pilots.failing.pilot.id}/source`)
        .set(as(pilots.failing.member))
        .expect(200);
      expect(failed.body.lastFetch).toMatchObject({ outcome: 'failed', httpStatus: 503, attempt: 3 });
      const summary = await world
        .http()
        .get(`/api/v1/pilots/${pilots.failing.pilot.id}`)
        .set(as(pilots.failing.member))
        .expect(200);
      expect(summary.body.metrics[0]).toMatchObject({ key: 'falls', requested: 1, missing: 1, latest: null });
      const good = await world
        .http()
        .get(`/api/v1/pilots/${pilots.healthy.pilot.id}`)
        .set(as(pilots.healthy.member))
        .expect(200);
      expect(good.body.metrics[0]).toMatchObject({
        key: 'falls',
        requested: 1,
        missing: 0,
        latest: { value: 4 },
        targetMet: true,
      });

      // No more tries after the last attempt.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await fetchesOf(pilots.failing)).toHaveLength(3);
    });
  });
});
