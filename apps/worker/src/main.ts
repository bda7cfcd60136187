import { NestFactory } from '@nestjs/core';
import { FrameworkQuietLogger, ProblemFilter, startProcess } from '@slussen/core';
import { Logger } from 'nestjs-pino';
import { checkQueueRedis } from './queue-redis.check.js';
import { WorkerModule } from './worker.module.js';

await startProcess('worker', async (config) => {
  const warning = await checkQueueRedis(config);
  const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  const logger = app.get(Logger);
  app.useLogger(new FrameworkQuietLogger(logger));
  if (warning) logger.warn(warning);
  // Only the health probes are served here; the worker has no public HTTP.
  app.useGlobalFilters(new ProblemFilter());
  await app.listen(config.workerHealthPort, config.host);
  logger.log(`worker ready (health on port ${config.workerHealthPort}, queue prefix ${config.queue.prefix})`);
  return app;
});
