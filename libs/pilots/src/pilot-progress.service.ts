import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@slussen/core';
import { PilotsConfig } from './pilots.config.js';
import { PilotsService } from './pilots.service.js';
import { ProgressRepository, type DuePull } from './repositories/progress.repository.js';

export interface ScanResult {
  started: number;
  evaluating: number;
  opened: number;
  overdueReminders: number;
  planReminders: number;
}

/**
 * What time does to pilots, run by the worker every PILOT_SCAN_EVERY_SECONDS:
 * start those whose slot began, move to evaluation those whose slot ended,
 * open the measurement requests that came due, and remind people of overdue
 * measurements and of plans not agreed a week before the start. Everything is
 * read from the database at the clock's time, so a missed scan catches up.
 */
@Injectable()
export class PilotProgressService {
  private readonly logger = new Logger(PilotProgressService.name);

  constructor(
    private readonly pilots: PilotsService,
    private readonly progress: ProgressRepository,
    private readonly clock: Clock,
    private readonly config: PilotsConfig,
  ) {}

  async scan(): Promise<ScanResult> {
    const { batchSize, planReminderDays, measurementReminderDays } = this.config;
    const now = this.clock.now();
    const started = await this.each(
      () => this.progress.dueToStart(now, batchSize),
      (id) => this.pilots.startDue(id),
      batchSize,
    );
    const evaluating = await this.each(
      () => this.progress.dueToEvaluate(now, batchSize),
      (id) => this.pilots.evaluateDue(id),
      batchSize,
    );
    const opened = await this.repeat(() => this.progress.openDueRequests(now, batchSize), batchSize);
    const overdueReminders = await this.progress.remindOverdue(now, measurementReminderDays, batchSize);
    const planReminders = await this.progress.remindUnagreedPlans(now, planReminderDays, batchSize);
    const result = { started, evaluating, opened, overdueReminders, planReminders };
    if (Object.values(result).some((count) => count > 0)) this.logger.log(result, 'pilot scan');
    return result;
  }

  /** The source fetches that came due, for the worker to queue. */
  pullsToQueue(): Promise<DuePull[]> {
    return this.progress.pullsToQueue(this.config.batchSize * 10);
  }

  markPullsQueued(pulls: DuePull[]): Promise<void> {
    return this.progress.markPullsQueued(
      pulls.flatMap((pull) => pull.requestIds),
      this.clock.now(),
    );
  }

  /** Moves each due pilot in its own transaction (with its event, audit entries and message), batch after batch. */
  private async each(
    due: () => Promise<Array<{ id: string }>>,
    move: (id: string) => Promise<boolean>,
    batchSize: number,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await due();
      let moved = 0;
      for (const { id } of batch) if (await move(id)) moved++;
      total += moved;
      if (batch.length < batchSize || moved === 0) return total;
    }
  }

  private async repeat(step: () => Promise<number>, batchSize: number): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await step();
      total += count;
      if (count < batchSize) return total;
    }
  }
}
