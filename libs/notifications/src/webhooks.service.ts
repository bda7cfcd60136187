import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkOutboundTarget,
  ConflictError,
  NotFoundError,
  OutboundRefusedError,
  SecretBox,
  ValidationError,
  type Actor,
} from '@slussen/core';
import { ModuleRef } from '@nestjs/core';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotificationsConfig } from './notifications.config.js';
import { WebhookSubscription } from './entities/webhook-subscription.entity.js';
import { NotificationsDirectory } from './messages/messages.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';

export interface WebhookView {
  id: string;
  organizationId: string;
  url: string;
  events: string[];
  status: string;
  consecutiveFailures: number;
  /** Why the last delivery failed: `address-refused`, `timeout`, `connection-failed`, `http-status` or `too-large`; never what the receiver said. */
  lastFailure: string | null;
  lastFailureAt: string | null;
  createdAt: string;
}

const toView = (subscription: WebhookSubscription): WebhookView => ({
  id: subscription.id,
  organizationId: subscription.organizationId,
  url: subscription.url,
  events: subscription.events,
  status: subscription.status,
  consecutiveFailures: subscription.consecutiveFailures,
  lastFailure: subscription.lastFailure,
  lastFailureAt: subscription.lastFailureAt?.toISOString() ?? null,
  createdAt: subscription.createdAt.toISOString(),
});

export interface WebhookDeliveryView {
  id: string;
  /** The event's topic, such as `booking.confirmed`. */
  event: string;
  /** `pending` or `sending` (on its way, perhaps retried), `sent`, or `failed` (attempts spent). */
  status: string;
  attempts: number;
  /** Why the last attempt failed, as a short code (`timeout`, `http-status`, ...; `skipped` when the subscription was off); never what the receiver said. */
  failure: string | null;
  createdAt: string;
  sentAt: string | null;
}

const FAILURE_CODES = new Set(['address-refused', 'timeout', 'connection-failed', 'http-status', 'too-large']);

/** `Slussen-Signature: t=<unix>,v1=<hex hmac-sha256(secret, t + "." + body)>` */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

/** Where a subscription's signing secret is sealed: its row and column. */
const secretContext = (subscriptionId: string) => `webhook_subscriptions:${subscriptionId}:secret`;

/** A subscription's signing secret, opened (one stored in clear before secrets were sealed is used as it is). */
export function openWebhookSecret(secrets: SecretBox, subscription: { id: string; secret: string }): string {
  return subscription.secret.startsWith(PLAIN_PREFIX)
    ? subscription.secret
    : secrets.open(subscription.secret, secretContext(subscription.id));
}

const PLAIN_PREFIX = 'whsec_';

/** An organization's webhook subscriptions: made, listed, removed and enabled again by its admins, each change audited. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksRepository,
    private readonly moduleRef: ModuleRef,
    private readonly secrets: SecretBox,
    private readonly config: NotificationsConfig,
  ) {}

  /** Identity's side of webhooks (who manages an organization's, the audit log), provided in its module. */
  private get directory(): NotificationsDirectory {
    return this.moduleRef.get(NotificationsDirectory, { strict: false });
  }

  /** The secret is in this answer only; it is kept sealed, bound to its row. */
  async subscribe(
    actor: Actor,
    organizationId: string,
    command: { url: string; events: string[] },
  ): Promise<WebhookView & { secret: string }> {
    await this.directory.authorizeWebhooks(actor, organizationId);
    const url = await this.checkedUrl(command.url);
    const secret = `${PLAIN_PREFIX}${randomBytes(24).toString('base64url')}`;
    const id = randomUUID();
    const saved = await this.dataSource.transaction(async (manager) => {
      const made = await this.webhooks.createWithin(
        this.config.webhooks.maxPerOrganization,
        {
          id,
          organizationId,
          url,
          events: [...new Set(command.events)],
          secret: this.secrets.seal(secret, secretContext(id)),
        },
        manager,
      );
      if (!made)
        throw new ConflictError(
          `An organization may hold at most ${this.config.webhooks.maxPerOrganization} webhooks; remove one first`,
        );
      await this.directory.audit(
        actor,
        {
          action: 'webhook.create',
          organizationId,
          subjectType: 'webhook',
          subjectId: made.id,
          details: { url, events: made.events },
        },
        manager,
      );
      return made;
    });
    return { ...toView(saved), secret };
  }

  async list(actor: Actor, organizationId: string): Promise<{ items: WebhookView[] }> {
    await this.directory.authorizeWebhooks(actor, organizationId);
    return { items: (await this.webhooks.listFor(organizationId)).map(toView) };
  }

  async remove(actor: Actor, organizationId: string, id: string): Promise<void> {
    await this.directory.authorizeWebhooks(actor, organizationId);
    await this.dataSource.transaction(async (manager) => {
      const subscription = await this.webhooks.findInOrganization(organizationId, id, manager);
      if (!subscription) throw new NotFoundError('Webhook');
      await this.webhooks.remove(id, manager);
      await this.directory.audit(
        actor,
        {
          action: 'webhook.delete',
          organizationId,
          subjectType: 'webhook',
          subjectId: id,
          details: { url: subscription.url },
        },
        manager,
      );
    });
  }

  /** The subscription's most recent deliveries (at most 20), newest first: what was sent, what failed and why. */
  async recentDeliveries(actor: Actor, organizationId: string, id: string): Promise<{ items: WebhookDeliveryView[] }> {
    await this.directory.authorizeWebhooks(actor, organizationId);
    if (!(await this.webhooks.existsInOrganization(organizationId, id))) throw new NotFoundError('Webhook');
    const rows = await this.webhooks.recentDeliveries(id, 20);
    return {
      items: rows.map((row) => ({
        id: row.id,
        event: row.event,
        status: row.status,
        attempts: row.attempts,
        failure:
          row.lastError === null || row.status === 'sent'
            ? null
            : FAILURE_CODES.has(row.lastError)
              ? row.lastError
              : 'skipped',
        createdAt: new Date(row.createdAt).toISOString(),
        sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
      })),
    };
  }

  /** Enables a subscription that was disabled after failing, with its failure count reset. */
  async enable(actor: Actor, organizationId: string, id: string): Promise<WebhookView> {
    await this.directory.authorizeWebhooks(actor, organizationId);
    return this.dataSource.transaction(async (manager) => {
      const subscription = await this.webhooks.findInOrganization(organizationId, id, manager);
      if (!subscription) throw new NotFoundError('Webhook');
      if (subscription.status !== 'active') {
        // Checked again: the rules (or the name's addresses) may have changed since it was made.
        await this.checkedUrl(subscription.url);
        await this.webhooks.enable(id, manager);
        await this.directory.audit(
          actor,
          {
            action: 'webhook.enable',
            organizationId,
            subjectType: 'webhook',
            subjectId: id,
            details: { url: subscription.url },
          },
          manager,
        );
      }
      return toView((await this.webhooks.findInOrganization(organizationId, id, manager))!);
    });
  }

  /**
   * Seals the secrets stored in clear before they were sealed (run at start; a
   * value changed meanwhile is left as it is). Until then they still sign.
   */
  async sealPlainSecrets(): Promise<number> {
    let sealed = 0;
    for (const row of await this.webhooks.plainSecrets(PLAIN_PREFIX)) {
      sealed += await this.webhooks.replaceSecret(
        row.id,
        row.secret,
        this.secrets.seal(row.secret, secretContext(row.id)),
      );
    }
    return sealed;
  }

  /** https on a public address, unless the operator allows http or private addresses. */
  private async checkedUrl(raw: string): Promise<string> {
    try {
      return (await checkOutboundTarget(raw, this.config.webhooks)).toString();
    } catch (error) {
      if (error instanceof OutboundRefusedError)
        throw new ValidationError(`The webhook URL is refused: ${error.message}`, [
          { field: 'url', message: error.message },
        ]);
      throw error;
    }
  }
}
