import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { outboxInsert, queryRows } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type {} from '../messages/notifications.topics.js';
import { WebhookSubscription } from '../entities/webhook-subscription.entity.js';

export interface SubscriberRow {
  id: string;
  organizationId: string;
  url: string;
  secret: string;
}

@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(WebhookSubscription);
  }

  /**
   * Saves a subscription unless the organization already holds `max`: counted
   * under a transaction lock per organization, so two at once cannot both pass.
   */
  async createWithin(
    max: number,
    values: Pick<WebhookSubscription, 'id' | 'organizationId' | 'url' | 'events' | 'secret'>,
    manager: EntityManager,
  ): Promise<WebhookSubscription | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('webhook_subscriptions:' || $1, 0))`, [
      values.organizationId,
    ]);
    const [{ count }] = await manager.query(
      'SELECT count(*)::int AS count FROM webhook_subscriptions WHERE organization_id = $1',
      [values.organizationId],
    );
    if (count >= max) return null;
    return this.repo(manager).save(this.repo(manager).create(values));
  }

  listFor(organizationId: string): Promise<WebhookSubscription[]> {
    return this.repo().find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  findInOrganization(organizationId: string, id: string, manager: EntityManager): Promise<WebhookSubscription | null> {
    return this.repo(manager).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async remove(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  async enable(id: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE webhook_subscriptions SET status = 'active', consecutive_failures = 0, disabled_at = NULL WHERE id = $1`,
      [id],
    );
  }

  /** For each (organization, topic) asked about, the organization's active subscriptions that want the topic. */
  subscribersOf(
    wanted: Array<{ organizationId: string; topic: string }>,
  ): Promise<Array<{ id: string; url: string; organizationId: string; topic: string }>> {
    return queryRows(
      this.dataSource,
      `SELECT DISTINCT s.id, s.url, s.organization_id AS "organizationId", w.topic
         FROM unnest($1::uuid[], $2::text[]) AS w(organization_id, topic)
         JOIN webhook_subscriptions s ON s.organization_id = w.organization_id
        WHERE s.status = 'active' AND (w.topic = ANY(s.events) OR '*' = ANY(s.events))`,
      [wanted.map((each) => each.organizationId), wanted.map((each) => each.topic)],
    );
  }

  /** These subscriptions, those still active, with their stored secrets (for the worker that signs deliveries). */
  activeWithSecrets(ids: string[]): Promise<SubscriberRow[]> {
    return queryRows(
      this.dataSource,
      `SELECT id, organization_id AS "organizationId", url, secret FROM webhook_subscriptions WHERE id = ANY($1::uuid[]) AND status = 'active'`,
      [ids],
    );
  }

  /** Subscriptions whose secret is still stored in clear. */
  plainSecrets(plainPrefix: string): Promise<Array<{ id: string; secret: string }>> {
    return this.dataSource.query('SELECT id, secret FROM webhook_subscriptions WHERE starts_with(secret, $1)', [
      plainPrefix,
    ]);
  }

  /** Replaces a stored secret only if it is still the one read. */
  async replaceSecret(id: string, was: string, secret: string): Promise<number> {
    const [, count] = await this.dataSource.query(
      'UPDATE webhook_subscriptions SET secret = $3 WHERE id = $1 AND secret = $2',
      [id, was, secret],
    );
    return count as number;
  }

  /** A delivery of each went through: their failures in a row start again from none (a row already at none is not written). */
  async succeeded(ids: string[]): Promise<void> {
    await this.dataSource.query(
      'UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = ANY($1::uuid[]) AND consecutive_failures <> 0',
      [ids],
    );
  }

  /**
   * Counts a failed delivery; at the limit the subscription is disabled and an
   * outbox message tells the organization's admins, in one statement.
   */
  async failed(id: string, reason: string, disableAfter: number): Promise<void> {
    await this.dataSource.query(
      `WITH counted AS (
         UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, last_failure = $3, last_failure_at = now(),
                status = CASE WHEN consecutive_failures + 1 >= $2 THEN 'disabled' ELSE status END,
                disabled_at = CASE WHEN consecutive_failures + 1 >= $2 AND status = 'active' THEN now() ELSE disabled_at END
          WHERE id = $1
          RETURNING id, organization_id, url, consecutive_failures = $2 AS just_disabled
       )
       ${outboxInsert({
         from: 'counted WHERE just_disabled',
         topic: 'webhook.disabled',
         payload: { subscriptionId: 'id', organizationId: 'organization_id', url: 'url' },
       })}`,
      [id, disableAfter, reason],
    );
  }

  existsInOrganization(organizationId: string, id: string): Promise<boolean> {
    return this.repo().existsBy({ organizationId, id });
  }

  /** A subscription's newest deliveries with their event, newest first. */
  recentDeliveries(
    subscriptionId: string,
    limit: number,
  ): Promise<
    Array<{
      id: string;
      event: string;
      status: string;
      attempts: number;
      lastError: string | null;
      createdAt: Date;
      sentAt: Date | null;
    }>
  > {
    return this.dataSource.query(
      `SELECT d.id, o.topic AS event, d.status, d.attempts, d.last_error AS "lastError", d.created_at AS "createdAt", d.sent_at AS "sentAt"
         FROM deliveries d JOIN outbox_messages o ON o.id = d.outbox_id
        WHERE d.subscription_id = $1
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $2`,
      [subscriptionId, limit],
    );
  }
}
