import { Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, JobProcessor, OutboundRefusedError, type JobHandlers } from '@slussen/core';
import { UnrecoverableError } from 'bullmq';
import { WEBHOOKS_QUEUE, WebhooksJob } from '../notifications.jobs.js';
import { WebhookDeliveriesService } from '../webhook-deliveries.service.js';

/** Webhook deliveries on their own queue and concurrency, so a slow receiver never holds up e-mail. */
@Processor(WEBHOOKS_QUEUE, { concurrency: 10, lockDuration: 15_000, stalledInterval: 10_000 })
export class WebhooksProcessor extends JobProcessor implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers;

  constructor(
    webhooks: WebhookDeliveriesService,
    private readonly config: AppConfig,
  ) {
    super();
    this.handlers = {
      [WebhooksJob.DeliverWebhook]: (data, job) =>
        webhooks
          .deliver(data.deliveryId, data.claim ?? null, job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
          .catch((error: unknown) => {
            // A refused address stays refused: retrying would only knock again.
            throw error instanceof OutboundRefusedError ? new UnrecoverableError(error.message) : error;
          }),
    };
  }

  /** Deliveries wait on the network, not the CPU (the worker exists only once Nest has started it). */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.webhooks.concurrency;
  }
}
