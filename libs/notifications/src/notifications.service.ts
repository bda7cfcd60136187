import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  Clock,
  InjectJobQueue,
  type EnqueuedJob,
  JobQueue,
  OutboxRepository,
  type StoredOutboxMessage,
} from '@slussen/core';
import { createHash } from 'node:crypto';
import { NotificationsConfig } from './notifications.config.js';
import { Batcher, sendClaimed, settle, Slots, type Settled } from './batching.js';
import { DeliveryMarks } from './delivery-marks.js';
import { MailerService } from './mailer.service.js';
import { MessageRegistry } from './messages/message-registry.js';
import type { Notice } from './messages/messages.js';
import { WEBHOOKS_QUEUE, WebhooksJob } from './notifications.jobs.js';
import { DeliveriesRepository } from './repositories/deliveries.repository.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';

/** Bodies made while planning that a worker keeps for its webhook jobs (for WEBHOOK_BODY_FRESH_MS at most). */
const FRESH_BODIES_KEPT = 20_000;

/**
 * Turns outbox messages into deliveries and sends them, each once: a
 * delivery is planned under a unique key, claimed before sending and marked
 * sent after, so a retried or replaced job sends only what is still unsent.
 * The messages whose jobs run at once are planned together (one read of the
 * messages, one of their webhook subscribers, one statement that plans every
 * delivery), each job still succeeding or failing on its own.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly batcher: Batcher<string, { sent: number }>;
  /** E-mails this worker sends at once (WORKER_CONCURRENCY). */
  private readonly mailSlots: Slots;
  /** E-mail deliveries planned by this worker whose sends have not ended yet. */
  private unsent = 0;
  /** Webhook bodies made while planning, by outbox message, oldest first. */
  private readonly freshBodies = new Map<string, { body: string | null; at: number }>();

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: OutboxRepository,
    private readonly registry: MessageRegistry,
    private readonly mailer: MailerService,
    private readonly marks: DeliveryMarks,
    private readonly webhooks: WebhooksRepository,
    @InjectJobQueue(WEBHOOKS_QUEUE) private readonly webhookQueue: JobQueue<typeof WEBHOOKS_QUEUE>,
    private readonly clock: Clock,
    private readonly config: NotificationsConfig,
    private readonly app: AppConfig,
  ) {
    this.mailSlots = new Slots(app.queue.concurrency);
    // Planning runs ahead of the sends by two rounds of WORKER_CONCURRENCY e-mails at most: the messages that
    // come meanwhile wait and are planned together, so a backlog is planned in large batches (fewer statements
    // per message) while a message to an idle worker is planned at once.
    this.batcher = new Batcher(
      () => config.mail.batchSize,
      (outboxIds) => this.planBatch(outboxIds),
      () => this.unsent < 2 * app.queue.concurrency,
    );
  }

  /** Plans an outbox message's deliveries (with the others whose jobs run now) and sends its e-mail. */
  deliver(outboxId: string): Promise<{ sent: number }> {
    return this.batcher.submit(outboxId);
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
    const emails = groupBy(
      batch.filter((row) => row.channel === 'email'),
      (row) => row.outboxId,
    );
    const messages = emails.size > 0 ? await this.outbox.messages([...emails.keys()]) : new Map();
    const notices = await Promise.all(this.notices([...emails.keys()].map((outboxId) => messages.get(outboxId))));
    for (const [index, rows] of [...emails.values()].entries()) {
      const outcome = await this.sendEmails(
        notices[index]!,
        rows.map((row) => row.id),
      );
      taken.emails += outcome.taken;
      failures.push(...outcome.failures);
    }
    const hooks = batch.filter((each) => each.channel === 'webhook').map((row) => row.id);
    const webhooks = hooks.length > 0 ? await this.deliveries.claim(hooks, lease, null) : [];
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

  /**
   * The JSON bodies of these outbox messages' webhook deliveries: the one made
   * while planning them moments ago, else read again from the current state;
   * null when there is nothing to say.
   */
  async webhookBodies(outboxIds: string[]): Promise<Map<string, string | null>> {
    const bodies = new Map<string, string | null>();
    const now = this.clock.now().getTime();
    for (const id of outboxIds) {
      const fresh = this.freshBodies.get(id);
      if (fresh && now - fresh.at < this.config.webhooks.bodyFreshMs) bodies.set(id, fresh.body);
    }
    const unread = outboxIds.filter((id) => !bodies.has(id));
    if (unread.length === 0) return bodies;
    const messages = await this.outbox.messages(unread);
    const told = unread
      .map((id) => messages.get(id))
      .map((message) => (message?.topic === 'webhook.disabled' ? undefined : message));
    const notices = await Promise.all(this.notices(told));
    unread.forEach((id, index) => {
      const message = told[index];
      const notice = notices[index];
      bodies.set(id, notice && message ? webhookBody(id, message, notice) : null);
    });
    return bodies;
  }

  /**
   * The notices of messages (undefined: none to read), asked of the contexts
   * that registered their topics all at once, so that a batch's lookups are
   * read together; each is null when there is nothing to send.
   */
  private notices(messages: Array<StoredOutboxMessage | undefined>): Array<Promise<Notice | null>> {
    const found = messages.filter((message) => message !== undefined);
    const asked = this.registry.notices(found);
    const noticeOf = new Map(found.map((message, index) => [message, asked[index]]));
    return messages.map(async (message) => {
      if (!message) return null;
      const notice = await noticeOf.get(message);
      if (notice === undefined) this.logger.warn(`no notification for outbox topic ${message.topic}`);
      return notice ?? null;
    });
  }

  /**
   * Plans a batch of messages together; should that fail, each is planned on
   * its own, so that only the jobs of the messages that fail are retried.
   */
  private async planBatch(outboxIds: string[]): Promise<Array<Promise<Settled<{ sent: number }>>>> {
    const unique = [...new Set(outboxIds)];
    let outcomes: Map<string, Promise<Settled<{ sent: number }>>>;
    try {
      outcomes = await this.plan(unique);
    } catch (error) {
      if (unique.length === 1) throw error;
      this.logger.warn(`planning ${unique.length} messages together failed (${(error as Error).message}); one by one`);
      outcomes = new Map();
      for (const id of unique) {
        const alone = await settle(this.plan([id]));
        outcomes.set(id, alone.ok ? alone.value.get(id)! : Promise.resolve(alone));
      }
    }
    return outboxIds.map((id) => outcomes.get(id)!);
  }

  /**
   * Reads the messages and each one's notice, plans every recipient's
   * delivery under a unique key in one statement, hands the webhook
   * deliveries to their own queue (a slow receiver never holds up e-mail),
   * then starts sending the e-mail still unsent; returns, per message, the
   * promise of its e-mail's outcome.
   */
  private async plan(outboxIds: string[]): Promise<Map<string, Promise<Settled<{ sent: number }>>>> {
    const messages = await this.outbox.messages(outboxIds);
    const asked = await Promise.all(this.notices(outboxIds.map((id) => messages.get(id))).map(settle));
    const notices = new Map(outboxIds.map((id, index) => [id, asked[index]!]));
    const ready = outboxIds.flatMap((id) => {
      const notice = notices.get(id)!;
      return notice.ok && notice.value ? [{ id, message: messages.get(id)!, notice: notice.value }] : [];
    });
    const wanted = ready.flatMap(({ message, notice }) =>
      notice.organizations.map((organizationId) => ({ organizationId, topic: message.topic })),
    );
    const subscribers = wanted.length > 0 ? await this.webhooks.subscribersOf(wanted) : [];
    const todo = await this.deliveries.planMany(
      ready.flatMap(({ id, notice }) =>
        [...notice.people.values()].map((person) => ({ outboxId: id, userId: person.userId, email: person.email })),
      ),
      ready.flatMap(({ id, message, notice }) =>
        subscribers
          .filter((each) => each.topic === message.topic && notice.organizations.includes(each.organizationId))
          .map((each) => ({ outboxId: id, subscriptionId: each.id, url: each.url })),
      ),
      ready.map(({ id }) => id),
      this.config.mail.leaseSeconds,
    );
    const hooks = todo.filter((row) => row.channel === 'webhook');
    if (hooks.length > 0) {
      this.keepBodies(ready.filter(({ id }) => hooks.some((row) => row.outboxId === id)));
      await this.enqueueWebhooks(hooks.map((row) => row.id));
    }
    const emails = groupBy(
      todo.filter((row) => row.channel === 'email'),
      (row) => row.outboxId,
    );
    return new Map(
      outboxIds.map((id) => {
        const notice = notices.get(id)!;
        if (!notice.ok) return [id, Promise.resolve(notice)];
        const ids = (emails.get(id) ?? []).map((row) => row.id);
        this.unsent += ids.length;
        const sending = this.sendEmails(notice.value, ids).finally(() => {
          this.unsent -= ids.length;
          this.batcher.wake();
        });
        return [
          id,
          settle(
            sending.then(({ sent, failures }) => {
              // Thrown after every recipient had its try, so BullMQ retries only what failed.
              if (failures.length) throw new Error(`${failures.length} delivery(ies) failed: ${failures.join('; ')}`);
              return { sent };
            }),
          ),
        ];
      }),
    );
  }

  /** The bodies of the messages whose webhooks were just planned, for their jobs moments from now. */
  private keepBodies(planned: Array<{ id: string; message: StoredOutboxMessage; notice: Notice }>): void {
    const now = this.clock.now().getTime();
    for (const { id, message, notice } of planned) {
      this.freshBodies.delete(id);
      this.freshBodies.set(id, {
        body: message.topic === 'webhook.disabled' ? null : webhookBody(id, message, notice),
        at: now,
      });
    }
    for (const [id, { at }] of this.freshBodies) {
      if (now - at < this.config.webhooks.bodyFreshMs && this.freshBodies.size <= FRESH_BODIES_KEPT) break;
      this.freshBodies.delete(id);
    }
  }

  /** One job per DELIVERY_BATCH_SIZE deliveries, its id named by them (the same deliveries again are one job). */
  private async enqueueWebhooks(ids: string[]): Promise<void> {
    const size = this.config.mail.batchSize;
    const jobs: Array<EnqueuedJob<WebhooksJob>> = [];
    for (let start = 0; start < ids.length; start += size) {
      const deliveryIds = ids.slice(start, start + size);
      const name = createHash('sha256').update(deliveryIds.join(',')).digest('base64url').slice(0, 22);
      jobs.push({
        job: WebhooksJob.DeliverWebhooks,
        payload: { deliveryIds },
        opts: { jobId: `webhooks-${name}` },
      });
    }
    await this.webhookQueue.enqueueBulk(jobs);
  }

  /**
   * Claims deliveries just before sending them (as many as there are free
   * places to send, so a long list does not outlive its lease), sends each with
   * a Message-ID fixed by the delivery, and then marks it sent. A send that
   * failed goes back for a retry; a mark that failed is retried alone, never
   * the send.
   */
  private async sendEmails(
    notice: Notice | null,
    ids: string[],
  ): Promise<{ sent: number; taken: number; failures: string[] }> {
    let sent = 0;
    let taken = 0;
    const failures: string[] = [];
    await sendClaimed(
      ids,
      this.mailSlots,
      (group) => this.marks.claim(group),
      async (delivery) => {
        taken++;
        const final = delivery.attempts >= this.app.queue.attempts;
        if (!notice) {
          await this.marks.release(delivery.id, 'nothing to send any more', true);
          return;
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
          return;
        }
        await this.marks.sent(delivery.id);
        sent++;
      },
    );
    return { sent, taken, failures };
  }
}

/** Fixed by the delivery, so a resend (the one window a crash can leave open) carries the same Message-ID and receivers can drop it. */
export const messageIdOf = (deliveryId: string) => `<${deliveryId}@slussen>`;

const webhookBody = (outboxId: string, message: StoredOutboxMessage, notice: Notice): string =>
  JSON.stringify({ id: outboxId, type: message.topic, data: notice.webhookData });

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
