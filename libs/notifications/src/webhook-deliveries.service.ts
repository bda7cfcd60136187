import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  guardedRequest,
  OutboundFetchError,
  outboundFailure,
  OutboundRefusedError,
  SecretBox,
} from '@slussen/core';
import { DeliveryMarks } from './delivery-marks.js';
import { NotificationsService } from './notifications.service.js';
import { DeliveriesRepository } from './repositories/deliveries.repository.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';
import { openWebhookSecret, signWebhook } from './webhooks.service.js';

/**
 * Sends one webhook delivery through the guarded outbound client: the
 * receiver's name is resolved at connect time and non-public addresses are
 * refused (unless the operator allows them), no redirects are followed, one
 * deadline covers the exchange and the answer's size is capped. What the
 * subscription shows of a failure is a short code, never the receiver's words.
 */
@Injectable()
export class WebhookDeliveriesService {
  private readonly logger = new Logger(WebhookDeliveriesService.name);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly marks: DeliveryMarks,
    private readonly webhooks: WebhooksRepository,
    private readonly notifications: NotificationsService,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
  ) {}

  /** Returns whether it was sent; throws when it failed (OutboundRefusedError when no retry can help). */
  async deliver(deliveryId: string, handedClaim: number | null, finalAttempt: boolean): Promise<{ sent: number }> {
    const delivery = await this.deliveries.claimOne(deliveryId, this.config.mail.leaseSeconds, handedClaim);
    if (!delivery) return { sent: 0 };
    const subscription = delivery.subscriptionId ? await this.webhooks.activeWithSecret(delivery.subscriptionId) : null;
    const body = subscription ? await this.notifications.webhookBody(delivery.outboxId) : null;
    if (!subscription || body === null) {
      await this.marks.release(
        delivery.id,
        subscription ? 'nothing to send' : 'the subscription is gone or disabled',
        true,
      );
      return { sent: 0 };
    }
    let status: number;
    try {
      ({ status } = await guardedRequest(
        subscription.url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Slussen-Webhooks/1',
            'Slussen-Signature': signWebhook(
              openWebhookSecret(this.secrets, subscription),
              body,
              Math.floor(Date.now() / 1000),
            ),
            'Slussen-Delivery': delivery.id,
          },
          body,
        },
        this.config.webhooks,
      ));
      if (status < 200 || status >= 300) throw new OutboundFetchError(`answered ${status}`, status);
    } catch (error) {
      const reason = outboundFailure(error);
      const final = finalAttempt || error instanceof OutboundRefusedError;
      this.logger.warn(`webhook delivery ${delivery.id} failed (${reason}): ${(error as Error).message}`);
      await this.marks.release(delivery.id, reason, final);
      await this.webhooks.failed(subscription.id, reason, this.config.webhooks.disableAfter);
      throw error;
    }
    // Once the receiver took it, only the marks are retried, never the POST.
    await this.marks.sent(delivery.id);
    await this.webhooks.succeeded(subscription.id);
    return { sent: 1 };
  }
}
