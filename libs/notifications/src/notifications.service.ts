import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, InjectJobQueue, JobQueue, OutboxRepository } from '@slussen/core';
import { DeliveryMarks } from './delivery-marks.js';
import { MailerService } from './mailer.service.js';
import { MessageRegistry } from './messages/message-registry.js';
import type { Notice } from './messages/messages.js';
import { WEBHOOKS_QUEUE, WebhooksJob } from './notifications.jobs.js';
import { DeliveriesRepository } from './repositories/deliveries.repository.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';

/**
 * Turns an outbox message into deliveries and sends them, each once: a
 * delivery is planned under a unique key, claimed before sending and marked
 * sent after, so a retried or replaced job sends only what is still unsent.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: OutboxRepository,
    private readonly registry: MessageRegistry,
    private readonly mailer: MailerService,
    private readonly marks: DeliveryMarks,
    private readonly webhooks: WebhooksRepository,
    @InjectJobQueue(WEBHOOKS_QUEUE) private readonly webhookQueue: JobQueue<typeof WEBHOOKS_QUEUE>,
    private readonly config: AppConfig,
  ) {}

  async deliver(outboxId: string): Promise<{ sent: number }> {
    const message = await this.outbox.message(outboxId);
    if (!message) return { sent: 0 };
    const notice = await this.notice(message.topic, message.payload);
    if (!notice) return { sent: 0 };
    return this.send(outboxId, message.topic, notice);
  }

  /**
   * Takes back every delivery whose lease expired (its worker died, or its job
   * was lost), whichever job held it, and sends it: e-mail here, a webhook by
   * handing it to a job of its own. Returns how many it took back.
   */
  async sweep(): Promise<{ emails: number; webhooks: number }> {
    const taken = { emails: 0, webhooks: 0 };
    const lease = this.config.mail.leaseSeconds;
    const batch = await this.deliveries.expired(lease, this.config.mail.sweepBatchSize);
    const failures: string[] = [];
    for (const [outboxId, rows] of groupBy(
      batch.filter((row) => row.channel === 'email'),
      (row) => row.outboxId,
    )) {
      const message = await this.outbox.message(outboxId);
      const notice = message ? await this.notice(message.topic, message.payload) : null;
      const outcome = await this.sendEmails(
        notice,
        rows.map((row) => row.id),
      );
      taken.emails += outcome.taken;
      failures.push(...outcome.failures);
    }
    const webhooks: Array<{ id: string; attempts: number }> = [];
    for (const row of batch.filter((each) => each.channel === 'webhook')) {
      const claimed = await this.deliveries.claimOne(row.id, lease, null);
      if (claimed) webhooks.push(claimed);
    }
    if (webhooks.length > 0) {
      // Each take-back is a new job (its id names the claim): a lost or failed job cannot block it.
      await this.webhookQueue.enqueueBulk(
        webhooks.map((row) => ({
          job: WebhooksJob.DeliverWebhook,
          payload: { deliveryId: row.id, claim: row.attempts },
          opts: { jobId: `webhook-${row.id}-${row.attempts}` },
        })),
      );
      taken.webhooks = webhooks.length;
    }
    if (taken.emails + taken.webhooks > 0)
      this.logger.log(
        `took back ${taken.emails} e-mail and ${taken.webhooks} webhook deliveries whose lease had expired`,
      );
    if (failures.length) throw new Error(`${failures.length} delivery(ies) failed: ${failures.join('; ')}`);
    return taken;
  }

  /** The JSON body of an outbox message's webhook deliveries, read again from the current state; null when there is nothing to say. */
  async webhookBody(outboxId: string): Promise<string | null> {
    const message = await this.outbox.message(outboxId);
    const notice =
      message && message.topic !== 'webhook.disabled' ? await this.notice(message.topic, message.payload) : null;
    return notice ? JSON.stringify({ id: outboxId, type: message!.topic, data: notice.webhookData }) : null;
  }

  /** The notice of a message from the context that registered its topic; null when there is nothing to send. */
  private async notice(topic: string, payload: Record<string, unknown>): Promise<Notice | null> {
    const notice = await this.registry.notice(topic, payload);
    if (notice === undefined) this.logger.warn(`no notification for outbox topic ${topic}`);
    return notice ?? null;
  }

  /**
   * Plans every recipient's delivery under a unique key, hands the webhook
   * deliveries to their own queue (a slow receiver never holds up e-mail),
   * then sends the e-mail still unsent.
   */
  private async send(outboxId: string, topic: string, notice: Notice): Promise<{ sent: number }> {
    await this.deliveries.plan(outboxId, [...notice.people.values()]);
    if (notice.organizations.length > 0) {
      await this.deliveries.planWebhooks(outboxId, await this.webhooks.subscribersOf(notice.organizations, topic));
      const webhooks = await this.deliveries.pendingWebhooks(outboxId);
      if (webhooks.length > 0) {
        await this.webhookQueue.enqueueBulk(
          webhooks.map((id) => ({
            job: WebhooksJob.DeliverWebhook,
            payload: { deliveryId: id },
            opts: { jobId: `webhook-${id}` },
          })),
        );
      }
    }
    const { sent, failures } = await this.sendEmails(
      notice,
      await this.deliveries.claimableEmails(outboxId, this.config.mail.leaseSeconds),
    );
    // Thrown after every recipient had its try, so BullMQ retries only what failed.
    if (failures.length) throw new Error(`${failures.length} delivery(ies) failed: ${failures.join('; ')}`);
    return { sent };
  }

  /**
   * Claims each delivery just before sending it (so a long list does not
   * outlive its lease), sends it with a Message-ID fixed by the delivery, and
   * then marks it sent. A send that failed goes back for a retry; a mark that
   * failed is retried alone, never the send.
   */
  private async sendEmails(
    notice: Notice | null,
    ids: string[],
  ): Promise<{ sent: number; taken: number; failures: string[] }> {
    let sent = 0;
    let taken = 0;
    const failures: string[] = [];
    for (const id of ids) {
      const delivery = await this.deliveries.claimOne(id, this.config.mail.leaseSeconds, null);
      if (!delivery) continue;
      taken++;
      const final = delivery.attempts >= this.config.queue.attempts;
      if (!notice) {
        await this.marks.release(delivery.id, 'nothing to send any more', true);
        continue;
      }
      const person = notice.people.get(delivery.recipientUserId ?? '') ?? {
        name: delivery.recipient,
        language: 'sv' as const,
        audience: null,
      };
      try {
        await this.mailer.send({
          to: delivery.recipient,
          ...notice.render(person),
          messageId: messageIdOf(delivery.id),
          attachments: notice.attachments,
        });
      } catch (error) {
        failures.push(`${delivery.recipient}: ${(error as Error).message}`);
        await this.marks.release(delivery.id, (error as Error).message, final);
        continue;
      }
      await this.marks.sent(delivery.id);
      sent++;
    }
    return { sent, taken, failures };
  }
}

/** Fixed by the delivery, so a resend (the one window a crash can leave open) carries the same Message-ID and receivers can drop it. */
export const messageIdOf = (deliveryId: string) => `<${deliveryId}@slussen>`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
