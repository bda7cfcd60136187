import { NestFactory } from '@nestjs/core';
import { startProcess } from '@slussen/core';
import { CONTEXT_CONFIG } from '@slussen/platform';
import { Logger } from 'nestjs-pino';
import { bootstrap } from './bootstrap.js';
import { checkQueueRedis } from './queue-redis.check.js';
import { WorkerModule } from './worker.module.js';

await startProcess('worker', CONTEXT_CONFIG, async (config) => {
  const warning = await checkQueueRedis(config);
  const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  bootstrap(app);
  const logger = app.get(Logger);
  if (warning) logger.warn(warning);
  await app.listen(config.workerHealthPort, config.host);
  logger.log(`worker ready (health on port ${config.workerHealthPort}, queue prefix ${config.queue.prefix})`);
  return app;
});
