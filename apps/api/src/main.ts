import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startProcess } from '@slussen/core';
import { CONTEXT_CONFIG } from '@slussen/platform';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { bootstrap } from './bootstrap.js';

await startProcess('api', CONTEXT_CONFIG, async (config) => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  bootstrap(app);
  await app.listen(config.port, config.host);
  app.get(Logger).log(`API ready at ${config.publicUrl}/api/v1 (docs ${config.publicUrl}/docs)`);
  return app;
});
