import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestApp, type TestAppOptions } from '@slussen/testing';
import { bootstrap } from '../apps/worker/src/bootstrap.js';
import { WorkerModule } from '../apps/worker/src/worker.module.js';

/** The real worker, as main.ts builds it (its health probes on a free port), for end-to-end tests. */
export function createWorkerApp(options: TestAppOptions = {}): Promise<NestExpressApplication> {
  return createTestApp((config) => WorkerModule.forRoot(config), bootstrap, options);
}
