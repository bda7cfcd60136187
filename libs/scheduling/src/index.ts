// The scheduling context's public surface.
export { BOOKING_STATUSES, type BookingStatus } from './booking-state.js';
export { BookingsService, type BookingView } from './bookings.service.js';
export { SchedulingHttpModule } from './http/scheduling-http.module.js';
export { expandRecurrence, MAX_OCCURRENCES, type Period, type Recurrence } from './recurrence.js';
export { SCHEDULING_ENTITIES } from './scheduling.entities.js';
export { SchedulingModule } from './scheduling.module.js';
export { SlotsService, type SlotView } from './slots.service.js';
export { SchedulingJobsModule } from './jobs/scheduling-jobs.module.js';
export { SCHEDULING_JOBS, SCHEDULING_QUEUE, SchedulingJob } from './scheduling.jobs.js';
export { SCHEDULING_PROBLEMS } from './scheduling.errors.js';
export { SCHEDULING_CONFIG, SchedulingConfig } from './scheduling.config.js';
export { SCHEDULING_TOPICS } from './messages/scheduling.topics.js';
