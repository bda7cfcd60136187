import { declareJobs } from '@slussen/core';

/** E-mail deliveries and the sweep that takes back what a dead worker held. */
export const NOTIFICATIONS_QUEUE = 'notifications';
/** Webhook deliveries, on their own queue so a slow receiver never holds up e-mail. */
export const WEBHOOKS_QUEUE = 'webhooks';

export enum NotificationsJob {
  DeliverOutboxMessage = 'notifications.deliver-outbox-message',
  SweepDeliveries = 'notifications.sweep-deliveries',
}

export enum WebhooksJob {
  /** One delivery a sweep took back. */
  DeliverWebhook = 'webhooks.deliver',
  /** The deliveries a batch of outbox messages planned (at most DELIVERY_BATCH_SIZE). */
  DeliverWebhooks = 'webhooks.deliver-many',
}

declare module '@slussen/core' {
  interface JobQueues {
    notifications: NotificationsJob;
    webhooks: WebhooksJob;
  }
  interface JobPayloads {
    'notifications.deliver-outbox-message': { outboxId: string; requestId?: string };
    'notifications.sweep-deliveries': { requestId?: string };
    /** `claim`: the delivery's attempts count when a sweep took it back and handed it to this job. */
    'webhooks.deliver': { deliveryId: string; claim?: number; requestId?: string };
    'webhooks.deliver-many': { deliveryIds: string[]; requestId?: string };
  }
}

/** Notifications' jobs, for the worker's check that each has one processor. */
export const NOTIFICATIONS_JOBS = [
  declareJobs(NOTIFICATIONS_QUEUE, NotificationsJob),
  declareJobs(WEBHOOKS_QUEUE, WebhooksJob),
];
