import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxRelayModule, workerQueue } from '@slussen/core';
import { NotificationsConfig } from '../notifications.config.js';
import { MailerService } from '../mailer.service.js';
import { NOTIFICATIONS_ENTITIES } from '../notifications.entities.js';
import { NotificationsModule } from '../notifications.module.js';
import { NotificationsService } from '../notifications.service.js';
import { DeliveriesRepository } from '../repositories/deliveries.repository.js';
import { WebhookDeliveriesService } from '../webhook-deliveries.service.js';
import { DeliveryMarks } from '../delivery-marks.js';
import { MessageRegistry } from '../messages/message-registry.js';
import { NotificationsMessages } from '../messages/notifications.messages.js';
import { NOTIFICATIONS_QUEUE, NotificationsJob, WEBHOOKS_QUEUE } from '../notifications.jobs.js';
import { NotificationsProcessor, SweepAtStart } from './notifications.processor.js';
import { WebhooksProcessor } from './webhooks.processor.js';

/**
 * The worker's part of notifications: the outbox relay and the deliveries it
 * feeds. It imports no context: each registers its messages in its own module
 * (the worker composes them), and the registry finds them by topic.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES),
    // The delivery sweep; the worker's keeper registers it, and again whenever Redis lost it.
    workerQueue(NOTIFICATIONS_QUEUE, (config) => [
      {
        job: NotificationsJob.SweepDeliveries,
        repeat: { every: config.slice(NotificationsConfig).mail.sweepEverySeconds * 1000 },
      },
    ]),
    workerQueue(WEBHOOKS_QUEUE),
    OutboxRelayModule.forTarget({ queue: NOTIFICATIONS_QUEUE, job: NotificationsJob.DeliverOutboxMessage }),
    DiscoveryModule,
    NotificationsModule,
  ],
  providers: [
    DeliveriesRepository,
    DeliveryMarks,
    MailerService,
    MessageRegistry,
    NotificationsMessages,
    NotificationsService,
    WebhookDeliveriesService,
    NotificationsProcessor,
    SweepAtStart,
    WebhooksProcessor,
  ],
})
export class NotificationsJobsModule {}
