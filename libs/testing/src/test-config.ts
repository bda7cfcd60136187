import { AppConfig, validateEnvironment } from '@slussen/core';
import { CONTEXT_CONFIG } from '@slussen/platform';

/** The AppConfig of this test run (its database and Redis prefix), with overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const env = validateEnvironment({ ...process.env, ...overrides }, CONTEXT_CONFIG);
  const databaseUrl = env.DATABASE_URL;
  const redisUrl = env.REDIS_URL;
  if (!databaseUrl || !redisUrl)
    throw new Error('Run tests through npm test: its global setup provides DATABASE_URL and REDIS_URL');
  return new AppConfig(env, { databaseUrl, redisUrl }, CONTEXT_CONFIG);
}
