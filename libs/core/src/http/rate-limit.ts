import { ExecutionContext, Injectable, Logger, Module, OnModuleDestroy, SetMetadata } from '@nestjs/common';
import {
  normalizeIp,
  seconds,
  ThrottlerGuard,
  ThrottlerModule,
  ThrottlerStorageService,
  type ThrottlerLimitDetail,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { RequestWithActor } from '../auth/auth.decorators.js';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { createRedisClient } from '../queue/redis-connection.js';

/**
 * Counts in Redis, so that every API replica shares them. While Redis is away it
 * counts in this process instead: sign-in keeps working, still limited per replica.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStorage.name);
  private readonly client: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  constructor(config: AppConfig) {
    this.client = createRedisClient(config.redis.url, () => undefined, {
      keyPrefix: `${config.queue.prefix}:throttle:`,
    });
    this.client.connect().catch(() => undefined);
    this.shared = new ThrottlerStorageRedisService(this.client);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.degraded) this.logger.log('rate limits are shared through Redis again');
      this.degraded = false;
      return record;
    } catch (error) {
      if (!this.degraded)
        this.logger.warn(`rate limits counted per process while Redis is unreachable: ${(error as Error).message}`);
      this.degraded = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
    this.local.onApplicationShutdown();
  }
}

/**
 * The account a try is for, so one account cannot be guessed at from many
 * addresses: the e-mail a sign-in or sign-up names, else the signed-in user
 * (changing one's password with the current one).
 */
function accountOf(request: Request): string | null {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  if (typeof email === 'string') return normalizeAccount(email);
  const actor = (request as Request & RequestWithActor).actor;
  return actor?.type === 'user' ? `user:${actor.userId}` : null;
}

const normalizeAccount = (email: string) => email.trim().toLowerCase();

const THROTTLE_BUCKET = 'slussen:throttle-bucket';

/** Every way to try a password (login, browser sign-in, the queue dashboard's Basic prompt) counts in one bucket. */
export const PASSWORD_ATTEMPTS = 'password';

/**
 * Routes that share a bucket share their counters, so an attacker gets one
 * budget of guesses however many doors lead to the same password check.
 */
export const ThrottleBucket = (bucket: string) => SetMetadata(THROTTLE_BUCKET, bucket);

const bucketKey = (bucket: string, throttler: string, tracker: string) =>
  createHash('sha256').update(`${bucket}-${throttler}-${tracker}`).digest('hex');

/** Applies the throttlers and answers 429 problem+json with Retry-After. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override generateKey(context: ExecutionContext, tracker: string, throttler: string): string {
    const bucket = this.reflector.getAllAndOverride<string | undefined>(THROTTLE_BUCKET, [
      context.getHandler(),
      context.getClass(),
    ]);
    return bucket ? bucketKey(bucket, throttler, tracker) : super.generateKey(context, tracker, throttler);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new DomainError('rate-limited', `Too many attempts; try again in ${Math.max(1, detail.timeToBlockExpire)} s`);
  }
}

/**
 * Counts a password attempt that no guarded route sees (the queue dashboard's
 * HTTP Basic prompt) in the same counters, with the same limits, as login.
 */
@Injectable()
export class PasswordAttempts {
  constructor(
    private readonly storage: RateLimitStorage,
    private readonly config: AppConfig,
  ) {}

  /** Counts one attempt; answers the seconds to wait when the address or the account is over its limit, else null. */
  async count(request: Request, email: string): Promise<number | null> {
    const ttl = seconds(this.config.throttle.authWindowSeconds);
    const throttlers = [
      { name: 'address', tracker: normalizeIp(request.ip ?? ''), limit: this.config.throttle.authLimit },
      { name: 'account', tracker: normalizeAccount(email), limit: this.config.throttle.authAccountLimit },
    ];
    let wait: number | null = null;
    for (const { name, tracker, limit } of throttlers) {
      const record = await this.storage.increment(bucketKey(PASSWORD_ATTEMPTS, name, tracker), ttl, limit, ttl, name);
      if (record.isBlocked) wait = Math.max(wait ?? 1, record.timeToBlockExpire);
    }
    return wait;
  }
}

@Module({ providers: [RateLimitStorage, PasswordAttempts], exports: [RateLimitStorage, PasswordAttempts] })
class RateLimitStorageModule {}

/** Throttlers for the sign-in routes: per client address, and per account for those that name one. */
@Module({
  imports: [
    RateLimitStorageModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [AppConfig, RateLimitStorage],
      useFactory: (config: AppConfig, storage: RateLimitStorage) => ({
        storage,
        throttlers: [
          { name: 'address', ttl: seconds(config.throttle.authWindowSeconds), limit: config.throttle.authLimit },
          {
            name: 'account',
            ttl: seconds(config.throttle.authWindowSeconds),
            limit: config.throttle.authAccountLimit,
            skipIf: (context: ExecutionContext) => accountOf(context.switchToHttp().getRequest<Request>()) === null,
            getTracker: (request: Record<string, unknown>) => accountOf(request as unknown as Request) ?? '',
          },
        ],
      }),
    }),
  ],
  providers: [RateLimitGuard],
  exports: [RateLimitGuard, RateLimitStorageModule],
})
export class RateLimitModule {}
