import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * The one way Slussen calls out to an address someone else chose (webhook
 * receivers, pilot measurement sources): resolved at connect time with
 * non-public addresses refused, no redirects followed, one deadline for the
 * whole exchange and a cap on the answer's size.
 */

/** A target the client will not contact at all; retrying cannot help. */
export class OutboundRefusedError extends Error {
  override name = 'OutboundRefusedError';
}

/** A call that went wrong, with the HTTP status when there was one. */
export class OutboundFetchError extends Error {
  override name = 'OutboundFetchError';

  constructor(
    message: string,
    readonly httpStatus: number | null = null,
    /** A short code a caller may show to the target's owner: never the target's own words or addresses. */
    readonly reason: OutboundFailure = httpStatus !== null ? 'http-status' : 'connection-failed',
  ) {
    super(message);
  }
}

export type OutboundFailure = 'address-refused' | 'timeout' | 'connection-failed' | 'http-status' | 'too-large';

/** What an operator allows outbound calls to reach. */
export interface OutboundPolicy {
  allowPrivateAddresses: boolean;
  allowHttp: boolean;
}

export interface OutboundLimits extends OutboundPolicy {
  timeoutMs: number;
  maxBytes: number;
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface OutboundAnswer {
  status: number;
  body: Buffer;
}

// Addresses an outbound call may not reach unless an operator allows it: this
// host, private networks, link-local (cloud metadata lives at 169.254.169.254),
// shared (CGNAT) and reserved ranges (RFC 6890), in IPv4 and IPv6.
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is on the public internet (an IPv4-mapped or -compatible IPv6 address is judged by its IPv4 part). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const embedded = embeddedIpv4(address);
    if (embedded) return isPublicAddress(embedded);
  }
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The IPv4 address inside `::ffff:a.b.c.d`, `::ffff:7f00:1` (mapped) or `::a.b.c.d` (compatible), if any. */
function embeddedIpv4(address: string): string | null {
  const dotted = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:(?:0:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** Checks a URL before it is stored or called: scheme, no credentials, and no literal non-public address. */
export function checkOutboundUrl(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefusedError('not a URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    throw new OutboundRefusedError(policy.allowHttp ? 'only http and https URLs' : 'only https URLs');
  if (url.username || url.password) throw new OutboundRefusedError('credentials do not belong in the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !policy.allowPrivateAddresses &&
    (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPublicAddress(host)))
  ) {
    throw new OutboundRefusedError(`${host} is not a public address`);
  }
  return url;
}

/**
 * checkOutboundUrl, and also resolves the name now and refuses it when it
 * points at a non-public address. A name that does not resolve (yet) is let
 * through: every call resolves again at connect time and is refused then.
 */
export async function checkOutboundTarget(raw: string, policy: OutboundPolicy, resolveWithinMs = 2000): Promise<URL> {
  const url = checkOutboundUrl(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (policy.allowPrivateAddresses || isIP(host) !== 0) return url;
  const addresses = await new Promise<Array<{ address: string }>>((resolve) => {
    const timer = setTimeout(() => resolve([]), resolveWithinMs);
    lookup(host, { all: true }, (error, found) => {
      clearTimeout(timer);
      resolve(error ? [] : found);
    });
  });
  const refused = addresses.find((entry) => !isPublicAddress(entry.address));
  if (refused) throw new OutboundRefusedError(`${host} is not a public address`);
  return url;
}

/** An address a name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a name to all its addresses (node:dns `lookup` with `all`, or a test's own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    lookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** Refuses a resolution that holds any non-public address (unless the operator allows them). */
function guardResolution(hostname: string, addresses: ResolvedAddress[], allowPrivate: boolean): ResolvedAddress[] {
  const refused = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
  if (refused)
    throw new OutboundRefusedError(`${hostname} resolves to ${refused.address}, which is not a public address`);
  if (addresses.length === 0) throw new OutboundFetchError(`${hostname} resolves to no address`);
  return addresses;
}

/**
 * Resolves a name the way the connection will use it and refuses non-public
 * addresses at connect time, so a name that resolves to an internal address
 * (or changes to one after a check) is never contacted.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      let list: ResolvedAddress[];
      try {
        list = guardResolution(hostname, addresses, allowPrivate);
      } catch (refused) {
        return callback(refused as Error, '', 0);
      }
      if (options.all) return callback(null, list as never);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** A lookup that answers only the address already resolved and checked for this request. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) return callback(null, [pinned]);
    return callback(null, pinned.address, pinned.family);
  };
}

export interface KeptConnectionsOptions {
  /** How long a connection may stay unused before it is closed. */
  idleMs: number;
  /** Connections open to one address at once, in use or idle; more requests to it wait for one. */
  socketsPerAddress: number;
  /** Addresses whose connections are kept; past this, the least recently used address's connections close. */
  addresses: number;
  /** How names are resolved (node:dns by default). */
  resolve?: Resolver;
}

/**
 * Kept-alive connections for guarded requests, reused only to the very address
 * a request's own resolution gave and the guard allowed: one agent per
 * protocol, resolved address and port. Every request resolves its name again
 * and is checked again before it may take a connection, so a name that comes
 * to resolve to a forbidden address is refused, and a connection to the
 * address it resolved to before serves only requests that still resolve there.
 * Bounded: `socketsPerAddress` connections per address, `addresses` addresses,
 * and an idle connection closes after `idleMs`.
 */
export class OutboundConnections {
  private readonly agents = new Map<string, http.Agent>();
  private readonly resolve: Resolver;

  constructor(private readonly options: KeptConnectionsOptions) {
    this.resolve = options.resolve ?? systemResolver;
  }

  /** The resolved and allowed address to connect to and the agent whose connections go only there. */
  async route(url: URL, allowPrivate: boolean): Promise<{ agent: http.Agent; lookup: LookupFunction }> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const family = isIP(host);
    const [pinned] =
      family !== 0 ? [{ address: host, family }] : guardResolution(host, await this.resolve(host), allowPrivate);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const key = `${url.protocol}//${pinned!.address}|${port}`;
    let agent = this.agents.get(key);
    if (agent) this.agents.delete(key);
    else {
      const settings = {
        keepAlive: true,
        timeout: this.options.idleMs,
        maxSockets: this.options.socketsPerAddress,
        maxTotalSockets: this.options.socketsPerAddress,
        maxFreeSockets: this.options.socketsPerAddress,
        scheduling: 'lifo' as const,
      };
      agent = url.protocol === 'https:' ? new https.Agent(settings) : new http.Agent(settings);
    }
    // The most recently used address goes last; the least recently used is let go first.
    this.agents.set(key, agent);
    for (const [oldest, retired] of this.agents) {
      if (this.agents.size <= this.options.addresses) break;
      this.agents.delete(oldest);
      retire(retired);
    }
    return { agent, lookup: pinnedLookup(pinned!) };
  }

  /** Closes the idle connections now and each busy one as soon as its answer is in. */
  close(): void {
    for (const agent of this.agents.values()) retire(agent);
    this.agents.clear();
  }
}

/** An agent no longer kept: its idle connections close, and its busy ones once their answer is in. */
function retire(agent: http.Agent): void {
  // Node's agent reads this flag when a connection comes free (the types leave it out).
  (agent as http.Agent & { keepAlive: boolean }).keepAlive = false;
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
}

/**
 * One request with a deadline for the whole exchange (resolving and connecting
 * included), a cap on the answer's size and no redirects followed (a redirect
 * could lead anywhere): a 3xx is answered as it came. With `connections`, the
 * name is resolved and checked first and the request goes over a kept
 * connection to that address (or a new one); without, over a connection of
 * its own. Rejects with OutboundRefusedError (never contacted) or
 * OutboundFetchError (contacted, or tried to).
 */
export function guardedRequest(
  raw: string,
  request: OutboundRequest,
  limits: OutboundLimits,
  connections?: OutboundConnections,
): Promise<OutboundAnswer> {
  let url: URL;
  try {
    url = checkOutboundUrl(raw, limits);
  } catch (error) {
    return Promise.reject(error);
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let outgoing: http.ClientRequest | undefined;
    let settled = false;
    const fail = (error: Error) => {
      clearTimeout(deadline);
      if (settled) return;
      settled = true;
      reject(
        error instanceof OutboundRefusedError || error instanceof OutboundFetchError
          ? error
          : new OutboundFetchError(error.message),
      );
    };
    // Settles first, then tears the connection down: once an answer has begun, Node reports
    // a destroyed request on the response (or not at all), never on the request.
    const abort = (error: OutboundFetchError) => {
      fail(error);
      outgoing?.destroy();
    };
    const deadline = setTimeout(
      () => abort(new OutboundFetchError(`no complete answer within ${limits.timeoutMs} ms`, null, 'timeout')),
      limits.timeoutMs,
    );
    let retried = false;
    const send = (route: { agent: http.Agent | false; lookup: LookupFunction }) => {
      if (settled) return;
      const attempt = client.request(url, {
        method: request.method,
        headers: {
          ...(request.body !== undefined ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}),
          ...request.headers,
        },
        lookup: route.lookup,
        agent: route.agent,
      });
      outgoing = attempt;
      let answered = false;
      attempt.on('error', (error: NodeJS.ErrnoException) => {
        // A kept connection the receiver closed while it was idle fails as the request is written, before any
        // answer: sent once more, over another connection to the same address (Node's advice for kept-alive agents).
        if (!answered && !retried && attempt.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
          retried = true;
          send(route);
        } else fail(error);
      });
      attempt.on('response', (response) => {
        answered = true;
        const status = response.statusCode ?? 0;
        const declared = Number(response.headers['content-length']);
        if (declared > limits.maxBytes) {
          abort(
            new OutboundFetchError(
              `answer of ${declared} bytes is over the limit of ${limits.maxBytes}`,
              status,
              'too-large',
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes)
            abort(new OutboundFetchError(`answer is over the limit of ${limits.maxBytes} bytes`, status, 'too-large'));
          else chunks.push(chunk);
        });
        response.on('error', fail);
        response.on('aborted', () => fail(new OutboundFetchError('the answer was cut off', status)));
        response.on('end', () => {
          clearTimeout(deadline);
          if (settled) return;
          settled = true;
          resolve({ status, body: Buffer.concat(chunks) });
        });
      });
      attempt.end(request.body);
    };
    if (!connections) send({ agent: false, lookup: guardedLookup(limits.allowPrivateAddresses) });
    else connections.route(url, limits.allowPrivateAddresses).then(send, fail);
  });
}

/** The short code of a failed outbound call, safe to show to whoever registered the target. */
export function outboundFailure(error: unknown): OutboundFailure {
  if (error instanceof OutboundRefusedError) return 'address-refused';
  if (error instanceof OutboundFetchError) return error.reason;
  return 'connection-failed';
}
