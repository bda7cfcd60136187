import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestApp, type TestAppOptions } from '@slussen/testing';
import { AppModule } from '../apps/api/src/app.module.js';
import { bootstrap } from '../apps/api/src/bootstrap.js';

/** The real API, as main.ts builds it, for end-to-end tests. */
export function createApiApp(options: TestAppOptions = {}): Promise<NestExpressApplication> {
  return createTestApp((config) => AppModule.forRoot(config), bootstrap, options);
}
