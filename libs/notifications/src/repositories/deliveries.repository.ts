import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface DeliveryRow {
  id: string;
  channel: 'email' | 'webhook';
  subscriptionId: string | null;
  recipientUserId: string | null;
  recipient: string;
  attempts: number;
}

const DELIVERY_COLUMNS = `id, channel, subscription_id AS "subscriptionId", recipient_user_id AS "recipientUserId", recipient, attempts`;

@Injectable()
export class DeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per recipient; a retried job finds the rows of its first attempt. */
  async plan(outboxId: string, recipients: Array<{ userId: string; email: string }>): Promise<void> {
    if (recipients.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO deliveries (outbox_id, channel, dedupe_key, recipient_user_id, recipient)
       SELECT $1::uuid, 'email', $1::text || ':email:' || r.user_id, r.user_id, r.email
         FROM unnest($2::uuid[], $3::text[]) AS r(user_id, email)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [outboxId, recipients.map((recipient) => recipient.userId), recipients.map((recipient) => recipient.email)],
    );
  }

  async planWebhooks(outboxId: string, subscriptions: Array<{ id: string; url: string }>): Promise<void> {
    if (subscriptions.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO deliveries (outbox_id, channel, dedupe_key, subscription_id, recipient)
       SELECT $1::uuid, 'webhook', $1::text || ':webhook:' || s.id, s.id, s.url
         FROM unnest($2::uuid[], $3::text[]) AS s(id, url)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        outboxId,
        subscriptions.map((subscription) => subscription.id),
        subscriptions.map((subscription) => subscription.url),
      ],
    );
  }

  /** The e-mail deliveries of a message still to send: pending ones, and those a dead worker claimed longer ago than the lease. */
  async claimableEmails(outboxId: string, leaseSeconds: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM deliveries
        WHERE outbox_id = $1 AND channel = 'email' AND (status = 'pending' OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $2)))
        ORDER BY created_at, id`,
      [outboxId, leaseSeconds],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Deliveries nobody is working on, whichever job planned them: claimed
   * longer ago than the lease (the worker died, or could not record a failure),
   * or pending that long (their job was lost). Oldest first.
   */
  expired(
    leaseSeconds: number,
    limit: number,
  ): Promise<Array<{ id: string; outboxId: string; channel: 'email' | 'webhook' }>> {
    return this.dataSource.query(
      `SELECT id, outbox_id AS "outboxId", channel FROM deliveries
        WHERE status IN ('pending', 'sending') AND coalesce(claimed_at, created_at) < now() - make_interval(secs => $1)
        ORDER BY coalesce(claimed_at, created_at) LIMIT $2`,
      [leaseSeconds, limit],
    );
  }

  /** The webhook deliveries of a message not yet taken by any job. */
  async pendingWebhooks(outboxId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM deliveries WHERE outbox_id = $1 AND channel = 'webhook' AND status = 'pending'`,
      [outboxId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Takes one delivery to send: a pending one, one whose lease expired, or one
   * a sweep took back and handed to this job (`handedClaim`: its attempts count then).
   */
  async claimOne(
    id: string,
    leaseSeconds: number,
    handedClaim: number | null,
  ): Promise<(DeliveryRow & { outboxId: string }) | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE deliveries SET status = 'sending', claimed_at = now(),
              attempts = CASE WHEN status = 'sending' AND attempts = $3 THEN attempts ELSE attempts + 1 END
        WHERE id = $1 AND (status = 'pending' OR (status = 'sending' AND (claimed_at < now() - make_interval(secs => $2) OR attempts = $3)))
        RETURNING ${DELIVERY_COLUMNS}, outbox_id AS "outboxId"`,
      [id, leaseSeconds, handedClaim],
    )) as [Array<DeliveryRow & { outboxId: string }>, number];
    return rows[0] ?? null;
  }

  async sent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Back to pending for the job's next attempt, or failed when attempts are spent. */
  async failed(id: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(`UPDATE deliveries SET status = $2, last_error = $3 WHERE id = $1`, [
      id,
      final ? 'failed' : 'pending',
      error.slice(0, 2000),
    ]);
  }
}
