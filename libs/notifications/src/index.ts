// The notifications context's public surface.
export { NotificationsJobsModule } from './jobs/notifications-jobs.module.js';
export { NOTIFICATIONS_ENTITIES } from './notifications.entities.js';
