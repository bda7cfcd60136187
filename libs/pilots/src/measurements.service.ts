import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, ValidationError, type Actor, type FieldError, type Page } from '@slussen/core';
import { PilotsConfig } from './pilots.config.js';
import { MEASURING } from './pilot-stage.js';
import { toMeasurementView } from './pilot.view.js';
import { PilotsService } from './pilots.service.js';
import { MeasurementsRepository } from './repositories/measurements.repository.js';
import type { MetricRow, PilotRow } from './repositories/pilots.repository.js';

// A clock a little ahead of ours is not a lie about the future.
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export interface MeasurementCommand {
  metricKey: string;
  value: number;
  observedAt: string;
  note?: string;
}

/**
 * Why a value cannot be a measurement of the metric, or null when it can: a
 * finite number within the metric's bounds, observed within the pilot's period
 * plus the grace days, and not in the future. Submitted and pulled values pass
 * the same check.
 */
export function measurementProblems(
  metric: MetricRow,
  pilot: Pick<PilotRow, 'startsAt' | 'endsAt'>,
  value: unknown,
  observedAt: Date,
  now: Date,
  graceDays: number,
): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof value !== 'number' || !Number.isFinite(value))
    errors.push({ field: 'value', message: 'must be a finite number' });
  else {
    if (metric.minimum !== null && value < metric.minimum)
      errors.push({ field: 'value', message: `must be at least ${metric.minimum} ${metric.unit}` });
    if (metric.maximum !== null && value > metric.maximum)
      errors.push({ field: 'value', message: `must be at most ${metric.maximum} ${metric.unit}` });
  }
  const at = observedAt.getTime();
  if (Number.isNaN(at)) errors.push({ field: 'observedAt', message: 'must be an ISO 8601 instant' });
  else if (at < new Date(pilot.startsAt).getTime() || at >= new Date(pilot.endsAt).getTime() + graceDays * DAY_MS) {
    errors.push({
      field: 'observedAt',
      message: `must fall within the pilot’s period or the ${graceDays} days after it`,
    });
  } else if (at > now.getTime() + CLOCK_SKEW_MS)
    errors.push({ field: 'observedAt', message: 'cannot be in the future' });
  return errors;
}

@Injectable()
export class MeasurementsService {
  constructor(
    private readonly pilots: PilotsService,
    private readonly measurements: MeasurementsRepository,
    private readonly clock: Clock,
    private readonly config: PilotsConfig,
  ) {}

  async submit(actor: Actor, pilotId: string, command: MeasurementCommand) {
    const { pilot, metric } = await this.pilots.metricForMeasurement(actor, pilotId, command.metricKey);
    if (!MEASURING.has(pilot.stage))
      throw new ConflictError(`Measurements are accepted from stage running on; this pilot is ${pilot.stage}`);
    if (!metric)
      throw new ValidationError('The pilot has no metric with this key', [
        { field: 'metricKey', message: 'is not one of the pilot’s metrics' },
      ]);
    const observedAt = new Date(command.observedAt);
    const errors = measurementProblems(
      metric,
      pilot,
      command.value,
      observedAt,
      this.clock.now(),
      this.config.measurementGraceDays,
    );
    if (errors.length) throw new ValidationError('The measurement does not fit the metric or the pilot', errors);
    return toMeasurementView(
      await this.measurements.insertSubmitted(
        pilotId,
        metric.id,
        command.value,
        observedAt,
        command.note ?? null,
        actor,
      ),
    );
  }

  async list(
    actor: Actor,
    pilotId: string,
    metricKey: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<ReturnType<typeof toMeasurementView>>> {
    await this.pilots.readable(actor, pilotId);
    const page = await this.measurements.list(pilotId, metricKey, limit, cursor);
    return { items: page.items.map(toMeasurementView), nextCursor: page.nextCursor };
  }
}
