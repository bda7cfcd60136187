import { Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { JobProcessor, OutboundRefusedError, type JobHandlers } from '@slussen/core';
import { UnrecoverableError, type Job } from 'bullmq';
import { NotificationsConfig } from '../notifications.config.js';
import { WEBHOOKS_QUEUE, WebhooksJob } from '../notifications.jobs.js';
import { WebhookDeliveriesService } from '../webhook-deliveries.service.js';

/** Webhook deliveries on their own queue and concurrency, so a slow receiver never holds up e-mail. */
@Processor(WEBHOOKS_QUEUE, { concurrency: 10, lockDuration: 15_000, stalledInterval: 10_000 })
export class WebhooksProcessor extends JobProcessor implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers;

  constructor(
    webhooks: WebhookDeliveriesService,
    private readonly config: NotificationsConfig,
  ) {
    super();
    const deliver = (deliveryIds: string[], claim: number | null, job: Job) =>
      webhooks.deliver(deliveryIds, claim, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)).catch((error: unknown) => {
        // A refused address stays refused: retrying would only knock again.
        throw error instanceof OutboundRefusedError ? new UnrecoverableError(error.message) : error;
      });
    this.handlers = {
      [WebhooksJob.DeliverWebhook]: (data, job) => deliver([data.deliveryId], data.claim ?? null, job),
      [WebhooksJob.DeliverWebhooks]: (data, job) => deliver(data.deliveryIds, null, job),
    };
  }

  /** POSTs wait on the network, not the CPU; WEBHOOK_CONCURRENCY bounds them, and the jobs under way (the worker exists only once Nest has started it). */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.webhooks.concurrency;
  }
}
