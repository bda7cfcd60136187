import { Redis, type RedisOptions } from 'ioredis';

/** Probes and request-path clients fail fast instead of queueing commands while Redis is away. */
const FAIL_FAST: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  // ioredis otherwise keeps a closing process alive for 2 s waiting on a socket that never opened.
  disconnectTimeout: 200,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
};

/**
 * BullMQ's connection: workers block on Redis and must wait for it forever (BullMQ requires it).
 * Reconnects at a fixed short interval (REDIS_RECONNECT_MS), not BullMQ's backoff of up to 20 s,
 * so that queued work resumes within moments of Redis's return.
 */
export function queueConnectionOptions(url: string, reconnectMs = 500) {
  return { url, maxRetriesPerRequest: null, retryStrategy: () => reconnectMs };
}

export function createRedisClient(url: string, onError: (error: Error) => void, options: RedisOptions = {}): Redis {
  const client = new Redis(url, { ...FAIL_FAST, ...options });
  client.on('error', onError);
  return client;
}

/** Logs a queue's connection errors once per cause (BullMQ prints every reconnect attempt otherwise). */
export function logQueueErrors(
  queue: { on(event: 'error', listener: (error: Error) => void): unknown },
  warn: (line: string) => void,
): void {
  let last = '';
  queue.on('error', (error: Error) => {
    if (error.message !== last) warn(`queue connection: ${error.message}`);
    last = error.message;
  });
}
