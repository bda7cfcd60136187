import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRows } from '@slussen/core';
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

  /**
   * Plans the deliveries of a batch of messages in one statement: one e-mail per
   * recipient and one POST per subscription, each under its unique key (a
   * retried job finds the rows of its first attempt). Returns every delivery of
   * these messages still to do: those just planned, pending ones, and e-mail a
   * dead worker claimed longer ago than the lease (a webhook taken that way is
   * the sweep's, which hands it to a job of its own).
   */
  planMany(
    emails: Array<{ outboxId: string; userId: string; email: string }>,
    webhooks: Array<{ outboxId: string; subscriptionId: string; url: string }>,
    outboxIds: string[],
    leaseSeconds: number,
  ): Promise<Array<{ id: string; outboxId: string; channel: 'email' | 'webhook' }>> {
    return queryRows(
      this.dataSource,
      `WITH email AS (
         INSERT INTO deliveries (outbox_id, channel, dedupe_key, recipient_user_id, recipient)
         SELECT r.outbox_id, 'email', r.outbox_id::text || ':email:' || r.user_id, r.user_id, r.email
           FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS r(outbox_id, user_id, email)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, outbox_id, channel, created_at
       ), webhook AS (
         INSERT INTO deliveries (outbox_id, channel, dedupe_key, subscription_id, recipient)
         SELECT s.outbox_id, 'webhook', s.outbox_id::text || ':webhook:' || s.id, s.id, s.url
           FROM unnest($4::uuid[], $5::uuid[], $6::text[]) AS s(outbox_id, id, url)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, outbox_id, channel, created_at
       )
       SELECT id, outbox_id AS "outboxId", channel FROM (
         SELECT id, outbox_id, channel, created_at FROM email
         UNION ALL SELECT id, outbox_id, channel, created_at FROM webhook
         UNION ALL SELECT id, outbox_id, channel, created_at FROM deliveries
          WHERE outbox_id = ANY($7::uuid[])
            AND (status = 'pending' OR (channel = 'email' AND status = 'sending' AND claimed_at < now() - make_interval(secs => $8)))
       ) todo
       ORDER BY created_at, id`,
      [
        emails.map((row) => row.outboxId),
        emails.map((row) => row.userId),
        emails.map((row) => row.email),
        webhooks.map((row) => row.outboxId),
        webhooks.map((row) => row.subscriptionId),
        webhooks.map((row) => row.url),
        outboxIds,
        leaseSeconds,
      ],
    );
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

  /**
   * Takes deliveries to send, in one statement: pending ones, ones whose lease
   * expired, or ones a sweep took back and handed to this job (`handedClaim`:
   * their attempts count then). Returns those it took.
   */
  claim(
    ids: string[],
    leaseSeconds: number,
    handedClaim: number | null,
  ): Promise<Array<DeliveryRow & { outboxId: string }>> {
    return queryRows(
      this.dataSource,
      `UPDATE deliveries SET status = 'sending', claimed_at = now(),
              attempts = CASE WHEN status = 'sending' AND attempts = $3 THEN attempts ELSE attempts + 1 END
        WHERE id = ANY($1::uuid[]) AND (status = 'pending' OR (status = 'sending' AND (claimed_at < now() - make_interval(secs => $2) OR attempts = $3)))
        RETURNING ${DELIVERY_COLUMNS}, outbox_id AS "outboxId"`,
      [ids, leaseSeconds, handedClaim],
    );
  }

  async sent(ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])`,
      [ids],
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
