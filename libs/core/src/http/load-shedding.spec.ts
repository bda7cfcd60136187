import { describe, expect, it } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { apiLoadShedder, LoadShedder } from './load-shedding.js';

/** A response that records what the gate answered and can be closed like a finished one. */
function fakeResponse() {
  const emitter = new EventEmitter();
  const sent = { status: 0, headers: {} as Record<string, string>, body: '' };
  const response = Object.assign(emitter, {
    sent,
    setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
    status: (status: number) => ((sent.status = status), response),
    type: () => response,
    send: (body: string) => ((sent.body = body), response.emit('close'), response),
    finish: () => response.emit('close'),
  });
  return response;
}
const request = (path = '/api/v1/slots/x/bookings') => ({ path, originalUrl: path, url: path }) as Request;

function pass(shedder: LoadShedder) {
  const response = fakeResponse();
  let admitted = false;
  shedder.middleware(request(), response as unknown as Response, (() => (admitted = true)) as NextFunction);
  return { response, admitted: () => admitted };
}

describe('LoadShedder', () => {
  it('serves up to its concurrency, queues up to its limit in order, and refuses the rest with 503 and Retry-After', () => {
    const shedder = new LoadShedder({ concurrency: 2, queueLimit: 2, queueTimeoutMs: 0 });
    const calls = Array.from({ length: 5 }, () => pass(shedder));
    expect(calls.map((call) => call.admitted())).toEqual([true, true, false, false, false]);
    expect(shedder.state).toEqual({ active: 2, waiting: 2, shed: 1 });
    const refused = calls[4]!.response.sent;
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(JSON.parse(refused.body)).toMatchObject({ type: '/problems/unavailable', status: 503 });

    calls[1]!.response.finish();
    expect(calls.map((call) => call.admitted())).toEqual([true, true, true, false, false]);
    calls[0]!.response.finish();
    calls[0]!.response.finish(); // a second close releases nothing more
    expect(calls[3]!.admitted()).toBe(true);
    expect(shedder.state).toEqual({ active: 2, waiting: 0, shed: 1 });
    calls[2]!.response.finish();
    calls[3]!.response.finish();
    expect(shedder.state).toEqual({ active: 0, waiting: 0, shed: 1 });
  });

  it('answers 503 to a request that waited longer than the queue timeout', async () => {
    const shedder = new LoadShedder({ concurrency: 1, queueLimit: 5, queueTimeoutMs: 30 });
    const first = pass(shedder);
    const late = pass(shedder);
    await new Promise((done) => setTimeout(done, 60));
    expect(late.response.sent.status).toBe(503);
    expect(late.response.sent.headers['retry-after']).toBe('1');
    expect(shedder.state).toEqual({ active: 1, waiting: 0, shed: 1 });
    first.response.finish();
    expect(late.admitted()).toBe(false);
    expect(shedder.state.active).toBe(0);
  });

  it('serves the queue in order until its oldest has waited half the timeout, then the newest first', async () => {
    const shedder = new LoadShedder({ concurrency: 1, queueLimit: 10, queueTimeoutMs: 400 });
    const first = pass(shedder);
    const [a, b, c] = [pass(shedder), pass(shedder), pass(shedder)];
    // A short queue: in order.
    first.response.finish();
    expect([a, b, c].map((call) => call.admitted())).toEqual([true, false, false]);
    // b and c have now waited more than 200 ms; d and e just came.
    await new Promise((done) => setTimeout(done, 250));
    const [d, e] = [pass(shedder), pass(shedder)];
    a.response.finish();
    expect([b, c, d, e].map((call) => call.admitted())).toEqual([false, false, false, true]);
    e.response.finish();
    expect([b, c, d].map((call) => call.admitted())).toEqual([false, false, true]);
    // The rest reach their timeout and are refused, not served late.
    await new Promise((done) => setTimeout(done, 200));
    expect([b, c].map((call) => call.response.sent.status)).toEqual([503, 503]);
    expect(shedder.state).toEqual({ active: 1, waiting: 0, shed: 2 });
    d.response.finish();
    expect(shedder.state.active).toBe(0);
  });

  it('without a timeout keeps the queue in order however long it waits', async () => {
    const shedder = new LoadShedder({ concurrency: 1, queueLimit: 10, queueTimeoutMs: 0 });
    const first = pass(shedder);
    const [a, b] = [pass(shedder), pass(shedder)];
    await new Promise((done) => setTimeout(done, 50));
    const c = pass(shedder);
    first.response.finish();
    expect([a, b, c].map((call) => call.admitted())).toEqual([true, false, false]);
  });

  it('lets a caller who goes away leave the queue', () => {
    const shedder = new LoadShedder({ concurrency: 1, queueLimit: 1, queueTimeoutMs: 0 });
    const first = pass(shedder);
    const gone = pass(shedder);
    gone.response.finish();
    expect(shedder.state.waiting).toBe(0);
    const next = pass(shedder);
    first.response.finish();
    expect(gone.admitted()).toBe(false);
    expect(next.admitted()).toBe(true);
  });

  it('resumes a queued request in its own async context (its request id)', async () => {
    const storage = new AsyncLocalStorage<string>();
    const shedder = new LoadShedder({ concurrency: 1, queueLimit: 1, queueTimeoutMs: 0 });
    const first = fakeResponse();
    storage.run('first', () => shedder.middleware(request(), first as unknown as Response, () => undefined));
    const seen = new Promise<string | undefined>((done) =>
      storage.run('second', () =>
        shedder.middleware(request(), fakeResponse() as unknown as Response, () => done(storage.getStore())),
      ),
    );
    storage.run('elsewhere', () => first.finish());
    expect(await seen).toBe('second');
  });

  it('gates only the API routes', () => {
    const { middleware, shedder } = apiLoadShedder('api/v1', { concurrency: 0, queueLimit: 0, queueTimeoutMs: 0 });
    let passed = 0;
    for (const path of ['/health/ready', '/docs', '/', '/api/v10/x'])
      middleware(request(path), fakeResponse() as unknown as Response, () => passed++);
    middleware(request('/api/v1/testbeds'), fakeResponse() as unknown as Response, () => passed++);
    expect(passed).toBe(4);
    expect(shedder.state.shed).toBe(1);
  });
});
