import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { RedisHealthIndicator } from './redis-health.indicator.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly config: AppConfig,
  ) {}

  /** 200 while the process runs. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when PostgreSQL and Redis both answer; 503 problem+json naming what is down. */
  @Get('ready')
  @ApiOkResponse({ description: '{ status: "ok", info: { database, redis } }' })
  @ApiServiceUnavailableResponse({ description: 'problem+json with `info` and `error` per dependency' })
  async ready(): Promise<HealthCheckResult> {
    const timeout = this.config.health.timeoutMs;
    try {
      return await this.health.check([
        () => this.database.pingCheck('database').withTimeout(timeout),
        () => this.redis.check('redis', timeout),
      ]);
    } catch (error) {
      const result = (error as { response?: HealthCheckResult }).response;
      const down = Object.keys(result?.error ?? {});
      throw new DomainError('unavailable', `Not ready: ${down.join(' and ') || 'a dependency'} not reachable`, {
        extensions: { info: result?.info ?? {}, error: result?.error ?? {} },
      });
    }
  }
}
