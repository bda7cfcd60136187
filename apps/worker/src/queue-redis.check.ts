import { AppConfig, createRedisClient, judgeEvictionPolicy, readMaxmemoryPolicy } from '@slussen/core';

/**
 * Refuses to run the worker in production on a Redis that may evict keys;
 * in development it only warns. Returns the warning, if any.
 */
export async function checkQueueRedis(config: AppConfig): Promise<string | null> {
  const client = createRedisClient(config.redis.url, () => undefined);
  try {
    await client.connect();
    const verdict = judgeEvictionPolicy(await readMaxmemoryPolicy(client), config.isProduction);
    if (verdict.ok) return null;
    if (verdict.fatal) throw new Error(verdict.message);
    return verdict.message;
  } finally {
    client.disconnect();
  }
}
