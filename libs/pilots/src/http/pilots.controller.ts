import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, PageQueryDto, type Actor } from '@slussen/core';
import { MeasurementSourcesService } from '../measurement-sources.service.js';
import { MeasurementsService } from '../measurements.service.js';
import { PilotsService } from '../pilots.service.js';
import type { NewMetric } from '../repositories/pilots.repository.js';
import {
  CreateMeasurementDto,
  CreateMetricDto,
  MeasurementListQueryDto,
  PilotListQueryDto,
  PlanDto,
  RecordOutcomeDto,
  RegisterSourceDto,
  UpdatePilotDto,
} from './dto/pilot.dto.js';

const toNewMetric = (body: CreateMetricDto): NewMetric => ({
  key: body.key,
  name: body.name,
  unit: body.unit,
  direction: body.direction,
  baseline: body.baseline ?? null,
  target: body.target ?? null,
  minimum: body.minimum ?? null,
  maximum: body.maximum ?? null,
  cadence: body.cadence,
});

@ApiTags('pilots')
@ApiBearerAuth()
@Controller('pilots')
export class PilotsController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly measurements: MeasurementsService,
    private readonly sources: MeasurementSourcesService,
  ) {}

  /** The company's own pilots, and those on the test beds the caller manages; newest first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PilotListQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.pilots.list(actor, filter, limit, cursor);
  }

  /** The pilot with its summary: per metric the latest value, change from baseline, target met and missing measurements. */
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.pilots.get(actor, id);
  }

  /** Every change of the pilot, oldest first. */
  @Get(':id/events')
  events(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.pilots.events(actor, id);
  }

  /** New goals (a new plan version, to be approved again) and/or a legal stage change; 409 otherwise. */
  @Patch(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdatePilotDto) {
    return this.pilots.update(actor, id, { goals: body.goals, stage: body.stage, reason: body.reason });
  }

  /** Approves the current plan version for the caller's side; agreed when both sides have. */
  @Post(':id/plan/approve')
  @HttpCode(200)
  approvePlan(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.pilots.approvePlan(actor, id);
  }

  /** Replaces the plan (goals and every metric) as one new version, to be approved again by both sides. */
  @Put(':id/plan')
  replacePlan(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: PlanDto) {
    return this.pilots.replacePlan(actor, id, {
      goals: body.goals,
      metrics: body.metrics.map(toNewMetric),
    });
  }

  /** The plan's versions, oldest first, with when each side approved each. */
  @Get(':id/plan/versions')
  planVersions(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.pilots.planVersions(actor, id);
  }

  /** The measurements the pilot owes, by due time: upcoming, due, answered or missing. */
  @Get(':id/measurement-requests')
  measurementRequests(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.pilots.measurementRequests(actor, id);
  }

  /** Adds a metric to the plan (a new plan version). */
  @Post(':id/metrics')
  addMetric(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateMetricDto) {
    return this.pilots.addMetric(actor, id, toNewMetric(body));
  }

  /** Accepted from stage running on, observed within the pilot's period plus the grace days. */
  @Post(':id/measurements')
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateMeasurementDto) {
    return this.measurements.submit(actor, id, body);
  }

  /** Oldest observation first. */
  @Get(':id/measurements')
  measurementsOf(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: MeasurementListQueryDto) {
    return this.measurements.list(actor, id, query.metricKey, query.limit, query.cursor);
  }

  /** Records the outcome (the test bed's managers); the pilot is completed. */
  @Post(':id/outcome')
  recordOutcome(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecordOutcomeDto) {
    return this.pilots.recordOutcome(actor, id, body);
  }

  /** Registers (or replaces) the source the worker pulls measurements from. */
  @Put(':id/source')
  registerSource(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RegisterSourceDto) {
    return this.sources.register(actor, id, body);
  }

  @Get(':id/source')
  source(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.sources.get(actor, id);
  }

  @Delete(':id/source')
  @HttpCode(204)
  async removeSource(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.sources.remove(actor, id);
  }

  /** Every fetch of the source and what came of it, newest first. */
  @Get(':id/source/fetches')
  fetches(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQueryDto) {
    return this.sources.fetches(actor, id, query.limit, query.cursor);
  }
}
