// The notifications context's public surface.
export { NotificationsHttpModule } from './http/webhooks.controller.js';
export { NotificationsJobsModule } from './jobs/notifications-jobs.module.js';
export { NOTIFICATIONS_ENTITIES } from './notifications.entities.js';
export { NotificationsModule } from './notifications.module.js';
export { NOTIFICATIONS_CONFIG, NotificationsConfig } from './notifications.config.js';
export { signWebhook } from './webhooks.service.js';
export { escapeHtml, formatInstant, renderMail, type Language } from './messages/mail-layout.js';
export {
  audienceOf,
  Messages,
  NotificationsDirectory,
  type Audience,
  type Contact,
  type MessageOf,
  type Notice,
  type Recipient,
  type RenderedMail,
  type WebhookAuditEntry,
} from './messages/messages.js';
export { NoticeReads, type BatchRead, type OrganizationContact } from './messages/notice-reads.js';
export {
  NOTIFICATIONS_JOBS,
  NOTIFICATIONS_QUEUE,
  NotificationsJob,
  WEBHOOKS_QUEUE,
  WebhooksJob,
} from './notifications.jobs.js';
