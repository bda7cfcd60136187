import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Clock, type AppConfig } from '@slussen/core';
import { testConfig } from './test-config.js';

export interface TestAppOptions {
  /** Environment overrides for this app only, e.g. a Redis URL that points nowhere. */
  env?: Record<string, string>;
  /** Extra modules, e.g. a probe controller that exercises the HTTP pipeline. */
  imports?: Array<Type | DynamicModule>;
  /** A clock the test moves (ManualClock), read by every time-driven rule. */
  clock?: Clock;
}

/**
 * Boots a real Nest app against this run's PostgreSQL and Redis, configured by
 * the same `bootstrap` as production, and listening on a free port.
 */
export async function createTestApp(
  root: (config: AppConfig) => DynamicModule,
  bootstrap: (app: NestExpressApplication) => unknown,
  options: TestAppOptions = {},
): Promise<NestExpressApplication> {
  const config = testConfig(options.env);
  const builder = Test.createTestingModule({ imports: [root(config), ...(options.imports ?? [])] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  bootstrap(app);
  await app.listen(0, '127.0.0.1');
  return app;
}
