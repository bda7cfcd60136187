import { Body, Controller, Delete, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@slussen/core';
import { ReportsService } from '../reports.service.js';
import { ReportRunQueue } from './report-run.queue.js';
import {
  CreateRunDto,
  CreateSubscriptionDto,
  ReportLanguageQueryDto,
  ReportListQueryDto,
  ReportSubjectListDto,
} from './dto/report.dto.js';

// Renderings and fixed paths come before `:id`, which would otherwise take them.
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly queue: ReportRunQueue,
  ) {}

  /** Snapshots the caller may read, newest period first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ReportListQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.reports.list(actor, filter, limit, cursor);
  }

  /**
   * Starts an on-demand run (platform admins, and admins of an agency); follow it at
   * GET /reports/runs/:id. An identical run still in progress is answered instead
   * (the same runId, `reused: true`); past REPORT_RUNS_PER_HOUR runs an hour, 429.
   */
  @Post('runs')
  @HttpCode(202)
  async requestRun(@CurrentActor() actor: Actor, @Body() body: CreateRunDto) {
    const { run, reused } = await this.reports.requestRun(actor, body);
    if (!reused) await this.queue.enqueue(run.id);
    return { runId: run.id, status: run.status, ...(reused ? { reused } : {}) };
  }

  @Get('runs/:id')
  run(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.reports.run(actor, id);
  }

  /** E-mail me when a month's report of this scope is ready. */
  @Post('subscriptions')
  subscribe(@CurrentActor() actor: Actor, @Body() body: CreateSubscriptionDto) {
    return this.reports.subscribe(actor, body.scope, body.subjectId);
  }

  @Get('subscriptions')
  subscriptions(@CurrentActor() actor: Actor) {
    return this.reports.subscriptions(actor);
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  async unsubscribe(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.reports.unsubscribe(actor, id);
  }

  /** Every organization and test bed with a report the caller may read, by name (for choosing a subject). */
  @Get('subjects')
  @ApiOkResponse({ type: ReportSubjectListDto })
  subjects(@CurrentActor() actor: Actor) {
    return this.reports.subjects(actor);
  }

  /** The CSV; its header row and definitions in `lang` (English unless asked). */
  @Get(':id.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  csv(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: ReportLanguageQueryDto) {
    return this.reports.csv(actor, id, query.lang);
  }

  @Get(':id.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  html(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: ReportLanguageQueryDto) {
    return this.reports.html(actor, id, query.lang);
  }

  /** The snapshot: every figure with its definition, and the breakdowns by domain and environment type. */
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: ReportLanguageQueryDto) {
    return this.reports.get(actor, id, query.lang);
  }
}
