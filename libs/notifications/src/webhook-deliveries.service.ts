import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  guardedRequest,
  OutboundConnections,
  OutboundFetchError,
  outboundFailure,
  OutboundRefusedError,
  SecretBox,
} from '@slussen/core';
import { NotificationsConfig } from './notifications.config.js';
import { Coalescer, sendClaimed, Slots } from './batching.js';
import { DeliveryMarks } from './delivery-marks.js';
import { NotificationsService } from './notifications.service.js';
import { DeliveriesRepository } from './repositories/deliveries.repository.js';
import { WebhooksRepository, type SubscriberRow } from './repositories/webhooks.repository.js';
import { openWebhookSecret, signWebhook } from './webhooks.service.js';

/**
 * Sends webhook deliveries through the guarded outbound client: the
 * receiver's name is resolved at connect time and non-public addresses are
 * refused (unless the operator allows them), no redirects are followed, one
 * deadline covers the exchange and the answer's size is capped. Connections
 * are kept alive per resolved address (WEBHOOK_KEEP_ALIVE_MS), each POST
 * resolved and checked anew before it may use one. What the subscription
 * shows of a failure is a short code, never the receiver's words.
 */
@Injectable()
export class WebhookDeliveriesService implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveriesService.name);
  /** POSTs this worker has under way at once (WEBHOOK_CONCURRENCY). */
  private readonly slots: Slots;
  /** Subscriptions whose delivery went through: their failures in a row start again from none. */
  private readonly succeeded = new Coalescer<string>((ids) => this.webhooks.succeeded(ids));
  /** Kept-alive connections to receivers, none when WEBHOOK_KEEP_ALIVE_MS is 0. */
  private readonly connections: OutboundConnections | undefined;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly marks: DeliveryMarks,
    private readonly webhooks: WebhooksRepository,
    private readonly notifications: NotificationsService,
    private readonly secrets: SecretBox,
    private readonly config: NotificationsConfig,
  ) {
    this.slots = new Slots(config.webhooks.concurrency);
    if (config.webhooks.keepAliveMs > 0)
      this.connections = new OutboundConnections({
        idleMs: config.webhooks.keepAliveMs,
        socketsPerAddress: config.webhooks.concurrency,
        addresses: config.webhooks.keepAliveAddresses,
      });
  }

  onModuleDestroy(): void {
    this.connections?.close();
  }

  /**
   * Sends these deliveries, each claimed just before it is sent (with its
   * subscription and body read for the group claimed together). Returns how
   * many were sent; throws when one failed, after every other had its try
   * (OutboundRefusedError when no retry can help any of the failed ones).
   */
  async deliver(deliveryIds: string[], handedClaim: number | null, finalAttempt: boolean): Promise<{ sent: number }> {
    let sent = 0;
    const failures: Error[] = [];
    const subscriptions = new Map<string, SubscriberRow | null>();
    const bodies = new Map<string, string | null>();
    /** Signing secrets opened, once per subscription in this job (opening one costs more than signing). */
    const secrets = new Map<string, string>();
    await sendClaimed(
      deliveryIds,
      this.slots,
      async (group) => {
        const claimed =
          handedClaim === null
            ? await this.marks.claim(group)
            : await this.deliveries.claim(group, this.config.mail.leaseSeconds, handedClaim);
        const unknown = [...new Set(claimed.flatMap((row) => row.subscriptionId ?? []))].filter(
          (id) => !subscriptions.has(id),
        );
        if (unknown.length > 0) {
          const found = new Map((await this.webhooks.activeWithSecrets(unknown)).map((row) => [row.id, row]));
          for (const id of unknown) subscriptions.set(id, found.get(id) ?? null);
        }
        const unread = [...new Set(claimed.map((row) => row.outboxId))].filter((id) => !bodies.has(id));
        if (unread.length > 0)
          for (const [id, body] of await this.notifications.webhookBodies(unread)) bodies.set(id, body);
        return claimed;
      },
      async (delivery) => {
        const subscription = subscriptions.get(delivery.subscriptionId ?? '') ?? null;
        const body = subscription ? (bodies.get(delivery.outboxId) ?? null) : null;
        if (!subscription || body === null) {
          await this.marks.release(
            delivery.id,
            subscription ? 'nothing to send' : 'the subscription is gone or disabled',
            true,
          );
          return;
        }
        let status: number;
        try {
          let secret = secrets.get(subscription.id);
          if (secret === undefined)
            secrets.set(subscription.id, (secret = openWebhookSecret(this.secrets, subscription)));
          ({ status } = await guardedRequest(
            subscription.url,
            {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'user-agent': 'Slussen-Webhooks/1',
                'Slussen-Signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
                'Slussen-Delivery': delivery.id,
              },
              body,
            },
            this.config.webhooks,
            this.connections,
          ));
          if (status < 200 || status >= 300) throw new OutboundFetchError(`answered ${status}`, status);
        } catch (error) {
          const reason = outboundFailure(error);
          const final = finalAttempt || error instanceof OutboundRefusedError;
          this.logger.warn(`webhook delivery ${delivery.id} failed (${reason}): ${(error as Error).message}`);
          failures.push(error as Error);
          await this.marks.release(delivery.id, reason, final);
          await this.webhooks.failed(subscription.id, reason, this.config.webhooks.disableAfter);
          return;
        }
        // Once the receiver took it, only the marks are retried, never the POST.
        await this.marks.sent(delivery.id);
        await this.succeeded.add(subscription.id);
        sent++;
      },
    );
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      const refused = failures.every((error) => error instanceof OutboundRefusedError);
      const message = `${failures.length} webhook deliveries failed: ${failures.map((error) => error.message).join('; ')}`;
      throw refused ? new OutboundRefusedError(message) : new Error(message);
    }
    return { sent };
  }
}
