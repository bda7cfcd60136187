import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkOutboundTarget,
  Clock,
  NotFoundError,
  OutboundFetchError,
  OutboundRefusedError,
  SecretBox,
  ValidationError,
  type Actor,
} from '@slussen/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PilotsConfig } from './pilots.config.js';
import { measurementProblems } from './measurements.service.js';
import { toFetchView, toSourceView } from './pilot.view.js';
import { PilotsService } from './pilots.service.js';
import { MeasurementsRepository } from './repositories/measurements.repository.js';
import { PilotsRepository, type PilotRow } from './repositories/pilots.repository.js';
import { SourcesRepository } from './repositories/sources.repository.js';
import { fetchSource } from './source-fetcher.js';

export interface SourceCommand {
  url: string;
  token?: string;
}

/**
 * Where a source's token is sealed: its row, named by the pilot it belongs to
 * (one source per pilot, and the row keeps that key when it is replaced).
 */
export const sourceTokenContext = (pilotId: string) => `measurement_sources:${pilotId}:sealed_token`;

/** What one fetch brought: recorded values and refused ones. */
export interface PullResult {
  recorded: number;
  refused: number;
}

/**
 * A pilot's measurement source: registered by either side, fetched by the
 * worker at its metrics' cadence points. Every attempt is recorded, failed or
 * not, so both sides can see why values are missing.
 */
@Injectable()
export class MeasurementSourcesService {
  private readonly logger = new Logger(MeasurementSourcesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pilotsService: PilotsService,
    private readonly pilots: PilotsRepository,
    private readonly sources: SourcesRepository,
    private readonly measurements: MeasurementsRepository,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly config: PilotsConfig,
  ) {}

  async register(actor: Actor, pilotId: string, command: SourceCommand) {
    const pilot = await this.pilotsService.changeable(actor, pilotId);
    try {
      await checkOutboundTarget(command.url, this.config.sources);
    } catch (error) {
      if (error instanceof OutboundRefusedError)
        throw new ValidationError(`The source URL is refused: ${error.message}`, [
          { field: 'url', message: error.message },
        ]);
      throw error;
    }
    const source = await this.dataSource.transaction(async (manager) => {
      const saved = await this.sources.upsert(
        pilotId,
        command.url,
        command.token ? this.secrets.seal(command.token, sourceTokenContext(pilotId)) : null,
        actor.userId,
        manager,
      );
      await this.pilotsService.recordChange(
        actor,
        pilot,
        'pilot.source-registered',
        { url: command.url, hasToken: Boolean(command.token) },
        manager,
      );
      return saved;
    });
    return toSourceView(source, null);
  }

  /**
   * Seals again, in the current format, the tokens sealed before values were
   * bound to their rows (run at start; a value changed meanwhile is left as it is).
   */
  async resealLegacyTokens(): Promise<number> {
    let resealed = 0;
    for (const row of await this.sources.legacyTokens(this.secrets.currentPrefix)) {
      const context = sourceTokenContext(row.pilotId);
      resealed += await this.sources.replaceToken(
        row.id,
        row.sealedToken,
        this.secrets.seal(this.secrets.open(row.sealedToken, context), context),
      );
    }
    return resealed;
  }

  async get(actor: Actor, pilotId: string) {
    await this.pilotsService.readable(actor, pilotId);
    const source = await this.sources.ofPilot(pilotId);
    if (!source) throw new NotFoundError('Measurement source');
    return toSourceView(source, await this.sources.lastFetch(source.id));
  }

  async remove(actor: Actor, pilotId: string): Promise<void> {
    const pilot = await this.pilotsService.changeable(actor, pilotId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.sources.remove(pilotId, manager))) throw new NotFoundError('Measurement source');
      await this.pilotsService.recordChange(actor, pilot, 'pilot.source-removed', {}, manager);
    });
  }

  async fetches(actor: Actor, pilotId: string, limit: number, cursor?: string) {
    await this.pilotsService.readable(actor, pilotId);
    const source = await this.sources.ofPilot(pilotId);
    if (!source) throw new NotFoundError('Measurement source');
    const page = await this.sources.fetches(source.id, limit, cursor);
    return { items: page.items.map(toFetchView), nextCursor: page.nextCursor };
  }

  /**
   * Fetches the source once and records what it answered. A refused address
   * throws OutboundRefusedError (no retry can help); any other failure is
   * recorded and thrown, so the queue retries with backoff.
   */
  async pull(sourceId: string, attempt: number): Promise<PullResult> {
    const source = await this.sources.findById(sourceId);
    if (!source) return { recorded: 0, refused: 0 };
    const pilot = (await this.pilots.findById(source.pilotId))!;
    const startedAt = new Date();
    try {
      const token = source.sealedToken
        ? this.secrets.open(source.sealedToken, sourceTokenContext(source.pilotId))
        : null;
      const { status, body } = await fetchSource(source.url, token, this.config.sources);
      const { accepted, refused } = await this.sort(pilot, body);
      // The fetch is recorded once its values are in, so whoever reads it sees the final counts.
      const fetchId = randomUUID();
      const recorded = await this.measurements.insertPulled(pilot.id, accepted, fetchId);
      await this.sources.recordFetch(
        sourceId,
        {
          startedAt,
          durationMs: Date.now() - startedAt.getTime(),
          attempt,
          outcome: 'ok',
          httpStatus: status,
          recorded,
          refused,
          error: null,
        },
        fetchId,
      );
      return { recorded, refused };
    } catch (error) {
      const httpStatus = error instanceof OutboundFetchError ? error.httpStatus : null;
      await this.sources.recordFetch(sourceId, {
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
        attempt,
        outcome: 'failed',
        httpStatus,
        recorded: 0,
        refused: 0,
        error: (error as Error).message.slice(0, 500),
      });
      this.logger.warn(`source ${sourceId} of pilot ${pilot.id}, attempt ${attempt}: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Splits a source's answer (an array, or `{ measurements: [...] }`) into values to record and values refused. */
  private async sort(pilot: PilotRow, body: unknown) {
    const items = Array.isArray(body)
      ? body
      : Array.isArray((body as { measurements?: unknown })?.measurements)
        ? (body as { measurements: unknown[] }).measurements
        : null;
    if (items === null) throw new OutboundFetchError('answer is neither an array nor { "measurements": [...] }');
    const metrics = new Map((await this.pilots.metrics(pilot.id)).map((metric) => [metric.key, metric]));
    const now = this.clock.now();
    const accepted: Array<{ metricId: string; value: number; observedAt: Date }> = [];
    let refused = 0;
    for (const item of items as Array<Record<string, unknown>>) {
      const metric = metrics.get(String(item?.metricKey));
      const observedAt = new Date(typeof item?.observedAt === 'string' ? item.observedAt : Number.NaN);
      if (
        !metric ||
        measurementProblems(metric, pilot, item.value, observedAt, now, this.config.measurementGraceDays).length > 0
      )
        refused++;
      else accepted.push({ metricId: metric.id, value: item.value as number, observedAt });
    }
    return { accepted, refused };
  }
}
