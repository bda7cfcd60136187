import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  guardedRequest,
  OutboundConnections,
  OutboundFetchError,
  OutboundRefusedError,
  type ResolvedAddress,
} from './guarded-http.js';

const open = { allowHttp: true, allowPrivateAddresses: true, timeoutMs: 2000, maxBytes: 1024 };
const strict = { ...open, allowPrivateAddresses: false };
const post = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{"event":"x"}' };

/** An HTTP receiver that counts the connections it accepted and the requests it answered, by local address. */
interface Receiver {
  port: number;
  connections: string[];
  requests: string[];
  closed: number;
  close(): Promise<void>;
}

const opened: Receiver[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((receiver) => receiver.close()));
});

async function receiver(
  handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    response.writeHead(204).end(),
  addresses = ['127.0.0.1'],
): Promise<Receiver> {
  const servers: Server[] = [];
  const state: Receiver = {
    port: 0,
    connections: [],
    requests: [],
    closed: 0,
    close: () =>
      Promise.all(
        servers.map(
          (server) => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
        ),
      ).then(() => undefined),
  };
  for (const address of addresses) {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        state.requests.push(`${request.socket.localAddress} ${request.url}`);
        handle(request, response);
      });
    });
    server.on('connection', (socket) => {
      state.connections.push(socket.localAddress!);
      socket.on('close', () => state.closed++);
    });
    await new Promise<void>((ready) => server.listen(state.port, address, ready));
    state.port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  opened.push(state);
  return state;
}

/** A resolver the test points where it wants, as a DNS server under an attacker's control could. */
function dns(initial: Record<string, string[]>) {
  const table = { ...initial };
  const asked: string[] = [];
  return {
    table,
    asked,
    resolve: async (hostname: string): Promise<ResolvedAddress[]> => {
      asked.push(hostname);
      const found = table[hostname];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
}

const kept = (resolve?: (hostname: string) => Promise<ResolvedAddress[]>, socketsPerAddress = 4) =>
  new OutboundConnections({ idleMs: 5000, socketsPerAddress, addresses: 10, resolve });

describe('the guarded client with kept-alive connections', () => {
  it('reuses one connection for POSTs one after another, where each POST on its own opens one', async () => {
    const target = await receiver();
    const connections = kept();
    for (let index = 0; index < 20; index++)
      expect((await guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, open, connections)).status).toBe(204);
    expect(target.requests).toHaveLength(20);
    expect(target.connections).toHaveLength(1);

    for (let index = 0; index < 5; index++)
      expect((await guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, open)).status).toBe(204);
    expect(target.connections).toHaveLength(6);
    connections.close();
  });

  it('opens at most socketsPerAddress connections to one address for POSTs at once, and reuses them', async () => {
    const target = await receiver();
    const connections = kept(undefined, 3);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, open, connections)),
    );
    expect(answers.every((answer) => answer.status === 204)).toBe(true);
    expect(target.requests).toHaveLength(30);
    expect(target.connections.length).toBeLessThanOrEqual(3);
    connections.close();
  });

  it('refuses a name that resolves to a private address unless the operator allows it, before any connection', async () => {
    const target = await receiver();
    const names = dns({ 'hooks.example.se': ['127.0.0.1'], 'mixed.example.se': ['93.184.215.14', '127.0.0.1'] });
    const connections = kept(names.resolve);
    await expect(
      guardedRequest(`http://hooks.example.se:${target.port}/hook`, post, strict, connections),
    ).rejects.toThrow(OutboundRefusedError);
    await expect(
      guardedRequest(`http://mixed.example.se:${target.port}/hook`, post, strict, connections),
    ).rejects.toThrow(OutboundRefusedError);
    await expect(guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, strict, connections)).rejects.toThrow(
      OutboundRefusedError,
    );
    expect(target.connections).toEqual([]);

    expect((await guardedRequest(`http://hooks.example.se:${target.port}/hook`, post, open, connections)).status).toBe(
      204,
    );
    expect(target.requests).toEqual(['127.0.0.1 /hook']);
    connections.close();
  });

  it('checks every POST anew: a kept connection to an address now refused is not used', async () => {
    const target = await receiver();
    const names = dns({ 'hooks.example.se': ['127.0.0.1'] });
    const connections = kept(names.resolve);
    await guardedRequest(`http://hooks.example.se:${target.port}/hook`, post, open, connections);
    expect(target.connections).toHaveLength(1);

    await expect(
      guardedRequest(`http://hooks.example.se:${target.port}/hook`, post, strict, connections),
    ).rejects.toThrow(OutboundRefusedError);
    expect(target.requests).toHaveLength(1);
    expect(names.asked).toEqual(['hooks.example.se', 'hooks.example.se']);
    connections.close();
  });

  it('after DNS rebinding, sends over a connection to the new address only, never the one kept for the old', async () => {
    const target = await receiver(undefined, ['127.0.0.1', '127.0.0.2']);
    const names = dns({ 'hooks.example.se': ['127.0.0.1'] });
    const connections = kept(names.resolve);
    await guardedRequest(`http://hooks.example.se:${target.port}/a`, post, open, connections);
    names.table['hooks.example.se'] = ['127.0.0.2'];
    await guardedRequest(`http://hooks.example.se:${target.port}/b`, post, open, connections);
    names.table['hooks.example.se'] = ['127.0.0.1'];
    await guardedRequest(`http://hooks.example.se:${target.port}/c`, post, open, connections);
    expect(target.requests).toEqual(['127.0.0.1 /a', '127.0.0.2 /b', '127.0.0.1 /c']);
    expect(target.connections).toEqual(['127.0.0.1', '127.0.0.2']);
    connections.close();
  });

  it('after DNS rebinding from a public address to a forbidden one, refuses before taking any connection', async () => {
    const names = dns({ 'hooks.example.se': ['93.184.215.14'] });
    const connections = kept(names.resolve);
    const url = new URL('https://hooks.example.se/hook');
    const first = await connections.route(url, false);
    expect(
      await new Promise((done) => first.lookup('hooks.example.se', { all: true }, (_e, found) => done(found))),
    ).toEqual([{ address: '93.184.215.14', family: 4 }]);
    expect((await connections.route(url, false)).agent).toBe(first.agent);

    for (const forbidden of ['169.254.169.254', '10.0.0.7', '::ffff:127.0.0.1', 'fd00::1']) {
      names.table['hooks.example.se'] = [forbidden];
      await expect(connections.route(url, false)).rejects.toThrow(OutboundRefusedError);
    }
    names.table['hooks.example.se'] = ['93.184.216.34'];
    expect((await connections.route(url, false)).agent).not.toBe(first.agent);
    connections.close();
  });

  it('follows no redirect over a kept connection', async () => {
    const target = await receiver((request, response) =>
      request.url === '/hook'
        ? response.writeHead(307, { location: `http://127.0.0.1:${target.port}/elsewhere` }).end()
        : response.writeHead(204).end(),
    );
    const connections = kept();
    expect((await guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, open, connections)).status).toBe(307);
    expect(target.requests).toEqual(['127.0.0.1 /hook']);
    connections.close();
  });

  it('keeps one deadline over a kept connection, and drops a connection whose answer was too slow', async () => {
    const target = await receiver((request, response) => {
      if (request.url === '/slow') setTimeout(() => response.writeHead(204).end(), 3000).unref();
      else response.writeHead(204).end();
    });
    const connections = kept(undefined, 1);
    await guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, open, connections);
    await expect(
      guardedRequest(`http://127.0.0.1:${target.port}/slow`, post, { ...open, timeoutMs: 200 }, connections),
    ).rejects.toMatchObject({ reason: 'timeout' });
    expect((await guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, open, connections)).status).toBe(204);
    expect(target.connections).toHaveLength(2);
    connections.close();
  });

  it('resolves within the deadline, and a name that does not resolve fails the call without a connection', async () => {
    const names = dns({});
    const connections = kept(names.resolve);
    await expect(guardedRequest('http://nowhere.example.se/hook', post, open, connections)).rejects.toThrow(
      OutboundFetchError,
    );
    const stuck = new OutboundConnections({
      idleMs: 5000,
      socketsPerAddress: 1,
      addresses: 1,
      resolve: () => new Promise(() => undefined),
    });
    await expect(
      guardedRequest('http://slow-dns.example.se/hook', post, { ...open, timeoutMs: 100 }, stuck),
    ).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('sends once more over a new connection when a kept one is reset before any answer, and only once', async () => {
    // The second request (on the kept connection) is reset, as a receiver closing an idle connection would.
    let seen = 0;
    const target = await receiver((request, response) =>
      seen++ === 1 ? request.socket.resetAndDestroy() : response.writeHead(204).end(),
    );
    const connections = kept(undefined, 1);
    await guardedRequest(`http://127.0.0.1:${target.port}/first`, post, open, connections);
    expect((await guardedRequest(`http://127.0.0.1:${target.port}/second`, post, open, connections)).status).toBe(204);
    expect(seen).toBe(3);
    expect(target.connections).toHaveLength(2);

    // Every request after the first is reset: one more try over a new connection, then the call fails.
    let answered = 0;
    const resetting = await receiver((request, response) =>
      answered++ === 0 ? response.writeHead(204).end() : request.socket.resetAndDestroy(),
    );
    await guardedRequest(`http://127.0.0.1:${resetting.port}/first`, post, open, connections);
    await expect(guardedRequest(`http://127.0.0.1:${resetting.port}/second`, post, open, connections)).rejects.toThrow(
      OutboundFetchError,
    );
    expect(answered).toBe(3);
    connections.close();
  });

  it('closes idle connections on close, and those of the least recently used address past the bound', async () => {
    const target = await receiver(undefined, ['127.0.0.1', '127.0.0.2']);
    const connections = new OutboundConnections({ idleMs: 5000, socketsPerAddress: 2, addresses: 1 });
    await guardedRequest(`http://127.0.0.1:${target.port}/hook`, post, open, connections);
    await guardedRequest(`http://127.0.0.2:${target.port}/hook`, post, open, connections);
    await waitFor(() => target.closed === 1);
    connections.close();
    await waitFor(() => target.closed === 2);
    expect(target.connections).toEqual(['127.0.0.1', '127.0.0.2']);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 100) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 20));
  }
}
