import { Controller, Get, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { JobSchedulesKeeper } from '../queue/job-schedules.js';
import { RedisHealthIndicator } from './redis-health.indicator.js';

/**
 * Liveness and readiness. Readiness asks what this process cannot work without:
 * the API needs PostgreSQL only (bookings go to the outbox, so it serves while
 * Redis is away, reported as `degraded`); the worker, where the job schedulers
 * are kept, needs PostgreSQL, Redis and every job scheduler in Redis.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
    @Optional() private readonly schedules?: JobSchedulesKeeper,
  ) {}

  /** 200 while the process runs. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * API: 200 when PostgreSQL answers, `status: "degraded"` (still 200) while Redis does not.
   * Worker: 200 when PostgreSQL, Redis and every job scheduler are there; otherwise 503.
   */
  @Get('ready')
  @ApiOkResponse({
    description:
      '{ status: "ok" | "degraded", info: { database, redis, schedules? } }; API: "degraded" while Redis is away',
  })
  @ApiServiceUnavailableResponse({
    description:
      'problem+json with `info` and `error` per dependency (API: PostgreSQL down; worker: PostgreSQL, Redis or a job scheduler missing)',
  })
  async ready(): Promise<HealthCheckResult> {
    const timeout = this.config.health.timeoutMs;
    const worker = this.schedules !== undefined;
    try {
      return await this.health.check([
        () => this.database.pingCheck('database').withTimeout(timeout),
        () => this.redis.check('redis', timeout, worker),
        ...(this.schedules ? [() => this.schedulesCheck(this.schedules!, timeout)] : []),
      ]);
    } catch (error) {
      const result = (error as { response?: HealthCheckResult }).response;
      const down = Object.keys(result?.error ?? {});
      throw new DomainError('unavailable', `Not ready: ${down.join(' and ') || 'a dependency'} not available`, {
        extensions: { info: result?.info ?? {}, error: result?.error ?? {} },
      });
    }
  }

  private schedulesCheck(keeper: JobSchedulesKeeper, timeout: number) {
    return this.indicators
      .check('schedules')
      .attempt(async () => {
        const missing = await keeper.missing();
        if (missing.length) throw new Error(`job schedulers missing: ${missing.join(', ')}`);
        return { count: keeper.declared.length };
      })
      .withTimeout(timeout);
  }
}
