import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** A source the fetcher will not contact at all; retrying cannot help. */
export class SourceRefusedError extends Error {
  override name = 'SourceRefusedError';
}

/** A fetch that went wrong, with the HTTP status when there was one. */
export class SourceFetchError extends Error {
  override name = 'SourceFetchError';

  constructor(
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  allowPrivateAddresses: boolean;
  allowHttp: boolean;
}

// Addresses a source may not point at unless an operator allows it: this
// host, private networks, link-local (cloud metadata lives at 169.254.169.254),
// shared and reserved ranges (RFC 6890).
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is on the public internet (an IPv4-mapped IPv6 address is judged by its IPv4 part). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Checks a source URL before it is stored or fetched: scheme, no credentials, and no literal non-public address. */
export function checkSourceUrl(raw: string, limits: Pick<FetchLimits, 'allowHttp' | 'allowPrivateAddresses'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceRefusedError('not a URL');
  }
  if (url.protocol !== 'https:' && !(limits.allowHttp && url.protocol === 'http:')) throw new SourceRefusedError(limits.allowHttp ? 'only http and https URLs' : 'only https URLs');
  if (url.username || url.password) throw new SourceRefusedError('credentials belong in the token, not the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!limits.allowPrivateAddresses && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPublicAddress(host)))) {
    throw new SourceRefusedError(`${host} is not a public address`);
  }
  return url;
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
      const list = addresses as Array<{ address: string; family: number }>;
      const refused = allowPrivate ? undefined : list.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(new SourceRefusedError(`${hostname} resolves to ${refused.address}, which is not a public address`), '', 0);
      if (options.all) return callback(null, list as never);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * GETs a source's JSON with a deadline for the whole exchange, a cap on the
 * body's size and no redirects followed (a redirect could lead anywhere).
 */
export function fetchSource(raw: string, token: string | null, limits: FetchLimits): Promise<{ status: number; body: unknown }> {
  const url = checkSourceUrl(raw, limits);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'GET',
      headers: { accept: 'application/json', 'user-agent': 'Slussen-Measurements/1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      lookup: guardedLookup(limits.allowPrivateAddresses),
    });
    const deadline = setTimeout(() => request.destroy(new SourceFetchError(`no complete answer within ${limits.timeoutMs} ms`)), limits.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(deadline);
      reject(error instanceof SourceRefusedError || error instanceof SourceFetchError ? error : new SourceFetchError(error.message));
    };
    request.on('error', fail);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        response.resume();
        request.destroy(new SourceFetchError(`answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`, status));
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (declared > limits.maxBytes) {
        request.destroy(new SourceFetchError(`answer of ${declared} bytes is over the limit of ${limits.maxBytes}`, status));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) request.destroy(new SourceFetchError(`answer is over the limit of ${limits.maxBytes} bytes`, status));
        else chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(deadline);
        try {
          resolve({ status, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch {
          reject(new SourceFetchError('answer is not JSON', status));
        }
      });
    });
    request.end();
  });
}
