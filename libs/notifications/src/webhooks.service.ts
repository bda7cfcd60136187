import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, NotFoundError, ValidationError, type Actor } from '@slussen/core';
import { OrganizationsService } from '@slussen/identity';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WebhookSubscription } from './entities/webhook-subscription.entity.js';

export const WEBHOOK_EVENTS = [
  'booking.requested', 'booking.confirmed', 'booking.rejected', 'booking.waitlisted', 'booking.promoted',
  'booking.cancelled', 'booking.expired', 'booking.rescheduled', 'booking.starts-soon', 'booking.decision-due',
  'pilot.plan-not-agreed', 'pilot.plan-approved', 'pilot.plan-agreed', 'pilot.measurement-requested', 'pilot.measurement-overdue', 'pilot.evaluating', '*',
] as const;

export interface WebhookView {
  id: string;
  organizationId: string;
  url: string;
  events: string[];
  status: string;
  consecutiveFailures: number;
  createdAt: string;
}

const toView = (subscription: WebhookSubscription): WebhookView => ({
  id: subscription.id,
  organizationId: subscription.organizationId,
  url: subscription.url,
  events: subscription.events,
  status: subscription.status,
  consecutiveFailures: subscription.consecutiveFailures,
  createdAt: subscription.createdAt.toISOString(),
});

/** `Slussen-Signature: t=<unix>,v1=<hex hmac-sha256(secret, t + "." + body)>` */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfig,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(WebhookSubscription);
  }

  /** The secret is in this answer only. */
  async subscribe(actor: Actor, organizationId: string, command: { url: string; events: string[] }): Promise<WebhookView & { secret: string }> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    const url = new URL(command.url);
    if (this.config.isProduction && url.protocol !== 'https:') throw new ValidationError('Webhook URLs must use https', [{ field: 'url', message: 'must be https' }]);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const saved = await this.repo.save(this.repo.create({ organizationId, url: url.toString(), events: [...new Set(command.events)], secret }));
    return { ...toView(saved), secret };
  }

  async list(actor: Actor, organizationId: string): Promise<{ items: WebhookView[] }> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    return { items: (await this.repo.find({ where: { organizationId }, order: { createdAt: 'ASC' } })).map(toView) };
  }

  async remove(actor: Actor, organizationId: string, id: string): Promise<void> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    const result = await this.repo.delete({ organizationId, id });
    if (!result.affected) throw new NotFoundError('Webhook');
  }

  /** Active subscriptions of these organizations that want this topic, with their secrets (for the worker). */
  subscribersOf(organizationIds: string[], topic: string): Promise<Array<{ id: string; organizationId: string; url: string; secret: string }>> {
    return this.dataSource.query(
      `SELECT id, organization_id AS "organizationId", url, secret FROM webhook_subscriptions
        WHERE organization_id = ANY($1::uuid[]) AND status = 'active' AND ($2 = ANY(events) OR '*' = ANY(events))`,
      [organizationIds, topic],
    );
  }

  async succeeded(subscriptionId: string): Promise<void> {
    await this.dataSource.query('UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = $1', [subscriptionId]);
  }

  /**
   * Counts a failed delivery; at the limit the subscription is disabled and an
   * outbox message tells the organization's admins, in one statement.
   */
  async failed(subscriptionId: string): Promise<void> {
    await this.dataSource.query(
      `WITH counted AS (
         UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1,
                status = CASE WHEN consecutive_failures + 1 >= $2 THEN 'disabled' ELSE status END,
                disabled_at = CASE WHEN consecutive_failures + 1 >= $2 AND status = 'active' THEN now() ELSE disabled_at END
          WHERE id = $1
          RETURNING id, organization_id, url, consecutive_failures = $2 AS just_disabled
       )
       INSERT INTO outbox_messages (topic, payload)
       SELECT 'webhook.disabled', json_build_object('subscriptionId', id, 'organizationId', organization_id, 'url', url) FROM counted WHERE just_disabled`,
      [subscriptionId, this.config.webhooks.disableAfter],
    );
  }
}
