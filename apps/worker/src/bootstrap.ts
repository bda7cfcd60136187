import type { INestApplication } from '@nestjs/common';
import { FrameworkQuietLogger, ProblemFilter } from '@slussen/core';
import { Logger } from 'nestjs-pino';

/** Everything a worker instance needs around its module; used by main.ts and by every test that runs a worker. */
export function bootstrap<App extends INestApplication>(app: App): App {
  app.useLogger(new FrameworkQuietLogger(app.get(Logger)));
  // Only the health probes are served here; the worker has no public HTTP.
  app.useGlobalFilters(new ProblemFilter());
  return app;
}
