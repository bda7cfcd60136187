import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { createRedisClient } from '../queue/redis-connection.js';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly logger = new Logger(RedisHealthIndicator.name);
  private readonly client: Redis;
  private lastError = '';

  constructor(
    config: AppConfig,
    private readonly healthIndicators: HealthIndicatorService,
  ) {
    // Its own fail-fast client: a probe must answer "down" quickly, not wait for Redis.
    this.client = createRedisClient(config.redis.url, (error) => {
      if (error.message !== this.lastError) this.logger.warn(`Redis: ${error.message}`);
      this.lastError = error.message;
    });
  }

  /** `up` when Redis answers a PING in time; otherwise `down` when `required`, else `degraded` (still ready). */
  async check(key: 'redis', timeoutMs: number, required = true): Promise<HealthIndicatorResult<'redis'>> {
    const result = await this.healthIndicators
      .check(key)
      .attempt(async () => {
        if (this.client.status === 'wait' || this.client.status === 'end')
          await this.client.connect().catch(() => undefined);
        await this.client.ping();
        this.lastError = '';
      })
      .withTimeout(timeoutMs);
    if (required || result[key].status !== 'down') return result;
    const { status: _down, ...data } = result[key];
    return this.healthIndicators
      .check(key)
      .degraded({ ...data, message: typeof data.message === 'string' ? data.message : 'not reachable' });
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
