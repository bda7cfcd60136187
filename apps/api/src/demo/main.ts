// `npm run seed:demo` (and `npm start` on an empty database): demo data, then exit.
import { NestFactory } from '@nestjs/core';
import { AccountsService } from '@slussen/identity';
import { AppConfig, ensureLocalServices, validateEnvironment } from '@slussen/core';
import { CONTEXT_CONFIG } from '@slussen/platform';
import { DemoModule } from './demo.module.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { seedDemo } from './seed-demo.js';

const say = (line: string) => process.stderr.write(`slussen seed: ${line}\n`);
try {
  const env = validateEnvironment(process.env, CONTEXT_CONFIG);
  const services = await ensureLocalServices({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir: env.DATA_DIR,
    log: say,
  });
  const config = new AppConfig(env, services, CONTEXT_CONFIG);
  const app = await NestFactory.createApplicationContext(DemoModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    await app.get(AccountsService).bootstrapPlatformAdmin(config);
    const { seeded, logins } = await seedDemo(app);
    if (seeded && process.argv.includes('--short')) {
      // npm start names the logins to begin with; `npm run seed:demo` on an empty database lists them all.
      say(`demo data added: ${logins.length} people, password "${DEMO_PASSWORD}" for all`);
    } else if (seeded) {
      say(`demo logins (password "${DEMO_PASSWORD}" for all):`);
      for (const login of logins) say(`  ${login.email.padEnd(42)} ${login.role.padEnd(8)} ${login.organization}`);
    } else {
      if (!process.argv.includes('--short')) say('the database is not empty; no demo data added');
    }
  } finally {
    await app.close();
    await services.stop();
  }
} catch (error) {
  say(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  process.exit(1);
}
