import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@slussen/catalogue';
import { OutboxRelayModule, workerQueue } from '@slussen/core';
import { IdentityModule } from '@slussen/identity';
import { PilotsModule } from '@slussen/pilots';
import { ReportingModule } from '@slussen/reporting';
import { SchedulingModule } from '@slussen/scheduling';
import { MailerService } from '../mailer.service.js';
import { NOTIFICATIONS_ENTITIES } from '../notifications.entities.js';
import { NotificationsModule } from '../notifications.module.js';
import { NotificationsService } from '../notifications.service.js';
import { DeliveriesRepository } from '../repositories/deliveries.repository.js';
import { WebhookDeliveriesService } from '../webhook-deliveries.service.js';
import { DeliveryMarks } from '../delivery-marks.js';
import { NOTIFICATIONS_QUEUE, NotificationsJob, WEBHOOKS_QUEUE } from '../notifications.jobs.js';
import { NotificationsProcessor, SweepAtStart } from './notifications.processor.js';
import { WebhooksProcessor } from './webhooks.processor.js';

/** The worker's part of notifications: the outbox relay and the deliveries it feeds. */
@Module({
  imports: [
    TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES),
    // The delivery sweep; the worker's keeper registers it, and again whenever Redis lost it.
    workerQueue(NOTIFICATIONS_QUEUE, (config) => [
      { job: NotificationsJob.SweepDeliveries, repeat: { every: config.mail.sweepEverySeconds * 1000 } },
    ]),
    workerQueue(WEBHOOKS_QUEUE),
    OutboxRelayModule,
    IdentityModule,
    NotificationsModule,
    CatalogueModule,
    SchedulingModule,
    PilotsModule,
    ReportingModule,
  ],
  providers: [
    DeliveriesRepository,
    DeliveryMarks,
    MailerService,
    NotificationsService,
    WebhookDeliveriesService,
    NotificationsProcessor,
    SweepAtStart,
    WebhooksProcessor,
  ],
})
export class NotificationsJobsModule {}
