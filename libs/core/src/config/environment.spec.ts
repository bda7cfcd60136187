import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from './app-config.js';
import { ConfigurationError, validateEnvironment } from './environment.js';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://slussen:secret@db:5432/slussen',
  REDIS_URL: 'redis://redis:6379',
  JWT_SECRET: 'x'.repeat(32),
  SECRETS_KEY: 'y'.repeat(32),
  PUBLIC_URL: 'https://slussen.example.se',
};
const services = { databaseUrl: 'postgres://h/db', redisUrl: 'redis://h' };
const secrets = { JWT_SECRET: 'd'.repeat(32), SECRETS_KEY: 'e'.repeat(32) };

describe('validateEnvironment', () => {
  it('gives development safe defaults for everything', () => {
    const config = new AppConfig(
      validateEnvironment({ DATA_DIR: mkdtempSync(join(tmpdir(), 'slussen-config-')) }),
      services,
    );
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.queue.prefix).toBe('slussen');
    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.cors.origins).toBe(true);
    expect(config.log.pretty).toBe(true);
  });

  it('accepts a complete production environment', () => {
    const config = new AppConfig(validateEnvironment(production), services);
    expect(config.isProduction).toBe(true);
    expect(config.cors.origins).toBe(false);
    expect(config.log.pretty).toBe(false);
  });

  it.each(['JWT_SECRET', 'SECRETS_KEY', 'DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL'])(
    'stops a production start without %s with one line naming it',
    (name) => {
      const env: Record<string, string | undefined> = { ...production, [name]: undefined };
      expect(() => validateEnvironment(env)).toThrow(ConfigurationError);
      try {
        validateEnvironment(env);
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain(name);
        expect(message).not.toContain('\n');
      }
    },
  );

  it('rejects a short JWT secret even in development, and treats an empty variable as unset', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(validateEnvironment({ JWT_SECRET: '' }).JWT_SECRET).toBeUndefined();
  });

  it('converts numbers and booleans, and rejects what is not one', () => {
    const env = validateEnvironment({ PORT: '8080', LOG_PRETTY: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.LOG_PRETTY).toBe(false);
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ LOG_PRETTY: 'maybe' })).toThrow(/LOG_PRETTY/);
  });

  it('names every bad variable at once', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'staging', DATABASE_URL: 'mysql://x' })).toThrow(
      /NODE_ENV.*DATABASE_URL|DATABASE_URL.*NODE_ENV/,
    );
  });

  it('reads CORS origins as a list, * or nothing', () => {
    const cors = (value: string) =>
      new AppConfig(validateEnvironment({ ...secrets, CORS_ORIGINS: value }), services).cors.origins;
    expect(cors('https://a.se, https://b.se')).toEqual(['https://a.se', 'https://b.se']);
    expect(cors('*')).toBe(true);
  });
});
