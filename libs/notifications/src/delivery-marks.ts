import { Injectable, Logger } from '@nestjs/common';
import { NotificationsConfig } from './notifications.config.js';
import { Coalescer } from './batching.js';
import { DeliveriesRepository, type DeliveryRow } from './repositories/deliveries.repository.js';

type ClaimedRow = DeliveryRow & { outboxId: string };

/**
 * Claims deliveries just before they are sent and records what became of a claimed delivery, so that a database that drops
 * its connection never causes a second send: after a send, only the mark is
 * retried; a failure that cannot be recorded leaves the row claimed, and the
 * sweeper takes it back once its lease has expired.
 */
@Injectable()
export class DeliveryMarks {
  private readonly logger = new Logger(DeliveryMarks.name);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly config: NotificationsConfig,
  ) {}

  /** Marks asked for while one is being written go together in the next statement. */
  private readonly sentMarks = new Coalescer<string>((ids) => this.markSent(ids));
  /** Claims asked for while one is under way, whichever job asked, go together in the next statement. */
  private readonly claims = new Coalescer<string, ClaimedRow>(
    async (ids) =>
      new Map(
        (await this.deliveries.claim(ids, this.config.mail.leaseSeconds, null)).map((row) => [row.id, row] as const),
      ),
  );

  /** Takes these deliveries to send (pending ones, and ones whose lease expired); returns those it took. */
  async claim(ids: string[]): Promise<ClaimedRow[]> {
    const rows = await Promise.all(ids.map((id) => this.claims.add(id)));
    return rows.filter((row) => row !== undefined);
  }

  /**
   * Marks a sent delivery, trying again (100 ms, doubling, at most 5 s apart)
   * for up to half the lease. Throws only if PostgreSQL stayed out of reach all
   * that time; the row then stays `sending` and may be sent again after its
   * lease: the one window, with the same Message-ID, that a crash can leave open.
   */
  async sent(id: string): Promise<void> {
    await this.sentMarks.add(id);
  }

  private async markSent(ids: string[]): Promise<void> {
    const deadline = Date.now() + (this.config.mail.leaseSeconds * 1000) / 2;
    const which = ids.length === 1 ? `delivery ${ids[0]}` : `${ids.length} deliveries (${ids[0]}, ...)`;
    for (let wait = 100; ; wait = Math.min(wait * 2, 5000)) {
      try {
        await this.deliveries.sent(ids);
        return;
      } catch (error) {
        if (Date.now() + wait > deadline) {
          this.logger.error(`${which} sent but could not be marked sent: ${(error as Error).message}`);
          throw error;
        }
        this.logger.warn(
          `${which} sent, but marking sent failed (${(error as Error).message}); trying the mark again in ${wait} ms`,
        );
        await new Promise((done) => setTimeout(done, wait));
      }
    }
  }

  /**
   * Puts a delivery whose send failed back for the next attempt, or marks it
   * failed for good. Never throws: if the database cannot be reached, the row
   * stays claimed and the sweeper takes it back after its lease.
   */
  async release(id: string, error: string, final: boolean): Promise<void> {
    try {
      await this.deliveries.failed(id, error, final);
    } catch (cause) {
      this.logger.warn(
        `delivery ${id} failed and could not be put back (${(cause as Error).message}); the sweeper takes it back after its lease`,
      );
    }
  }
}
