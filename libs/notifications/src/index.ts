// The notifications context's public surface.
export { NotificationsHttpModule } from './http/webhooks.controller.js';
export { NotificationsJobsModule } from './jobs/notifications-jobs.module.js';
export { NOTIFICATIONS_ENTITIES } from './notifications.entities.js';
export { NotificationsModule } from './notifications.module.js';
export { signWebhook } from './webhooks.service.js';
export {
  NOTIFICATIONS_JOBS,
  NOTIFICATIONS_QUEUE,
  NotificationsJob,
  WEBHOOKS_QUEUE,
  WebhooksJob,
} from './notifications.jobs.js';
