import { describe, expect, it } from '@jest/globals';
import { AppConfig, CoreVariables, validateEnvironment, variableNames } from '@slussen/core';
import { IdentityConfig } from '@slussen/identity';
import { PilotsConfig } from '@slussen/pilots';
import { ReportingConfig } from '@slussen/reporting';
import { readFileSync } from 'node:fs';
import { CONTEXT_CONFIG } from './config.js';

const services = { databaseUrl: 'postgres://h/db', redisUrl: 'redis://h' };
const secrets = { JWT_SECRET: 'd'.repeat(32), SECRETS_KEY: 'e'.repeat(32) };
const validate = (raw: Record<string, string>) => validateEnvironment(raw, CONTEXT_CONFIG);

// The variables the README's settings table names, in its first column.
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const settings = README.slice(
  README.indexOf('\n## Settings\n'),
  README.indexOf('\n## ', README.indexOf('\n## Settings\n') + 1),
);
const documented = [...settings.matchAll(/^\| ((?:`[A-Z][A-Z0-9_]*`(?:, )?)+) \|/gm)].flatMap((row) =>
  [...row[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((name) => name[1]!),
);

describe('the settings of core and the contexts', () => {
  const declared = [
    ...variableNames(CoreVariables).map((name) => ({ name, by: 'core' })),
    ...CONTEXT_CONFIG.flatMap((slice) => variableNames(slice.variables).map((name) => ({ name, by: slice.name }))),
  ];

  it('are each declared by exactly one slice, and the README lists exactly those', () => {
    const names = declared.map(({ name }) => name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(documented.filter((name, index) => documented.indexOf(name) !== index)).toEqual([]);
    expect([...documented].sort()).toEqual([...names].sort());
  });

  it('are validated at once: one line names every bad variable, whichever slice declares it', () => {
    expect(() => validate({ PORT: '70000', SOURCE_MAX_BYTES: '1', REPORT_NIGHTLY_CRON: 'nightly' })).toThrow(
      /^Invalid configuration: PORT must not be greater than 65535; SOURCE_MAX_BYTES must not be less than 1024; REPORT_NIGHTLY_CRON must be a cron pattern/,
    );
  });

  it('want the admin password with the admin e-mail', () => {
    expect(() => validate({ ADMIN_EMAIL: 'admin@region.se' })).toThrow(/ADMIN_PASSWORD/);
    const env = { ...secrets, ADMIN_EMAIL: 'admin@region.se', ADMIN_PASSWORD: 'a long enough one' };
    const config = new AppConfig(validate(env), services, CONTEXT_CONFIG);
    expect(config.slice(IdentityConfig).admin).toEqual({ email: 'admin@region.se', password: 'a long enough one' });
  });

  it('give each context its slice with the defaults, and core its time zone for reports and e-mail', () => {
    const config = new AppConfig(
      validate({ ...secrets, REPORT_TIMEZONE: 'Europe/Helsinki' }),
      services,
      CONTEXT_CONFIG,
    );
    expect(config.slice(PilotsConfig).scanEverySeconds).toBe(60);
    expect(config.slice(PilotsConfig).sources.allowHttp).toBe(false);
    expect(config.slice(ReportingConfig).timezone).toBe('Europe/Helsinki');
    expect(config.reportTimezone).toBe('Europe/Helsinki');
    expect(config.slice(IdentityConfig).admin).toBeNull();
  });
});
