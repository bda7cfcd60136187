import { ExecutionContext, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { seconds, ThrottlerGuard, ThrottlerModule, ThrottlerStorageService, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
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
    this.client = createRedisClient(config.redis.url, () => undefined, { keyPrefix: `${config.queue.prefix}:throttle:` });
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
      if (!this.degraded) this.logger.warn(`rate limits counted per process while Redis is unreachable: ${(error as Error).message}`);
      this.degraded = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
    this.local.onApplicationShutdown();
  }
}

/** The e-mail address a sign-in or sign-up is for, so one account cannot be guessed at from many addresses. */
function accountOf(request: Request): string | null {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : null;
}

/** Applies the throttlers and answers 429 problem+json with Retry-After. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new DomainError('rate-limited', `Too many attempts; try again in ${Math.max(1, detail.timeToBlockExpire)} s`);
  }
}

@Module({ providers: [RateLimitStorage], exports: [RateLimitStorage] })
class RateLimitStorageModule {}

/** Throttlers for the sign-in routes: per client address, and per account for those that name one. */
@Module({
  imports: [
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
  exports: [RateLimitGuard],
})
export class RateLimitModule {}
