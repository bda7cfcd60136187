// The pilots context's public surface.
export { PilotsHttpModule } from './http/pilots-http.module.js';
export { cadencePoints } from './cadence.js';
export { PilotsJobsModule } from './jobs/pilots-jobs.module.js';
export { MeasurementSourcesService } from './measurement-sources.service.js';
export { MeasurementsService } from './measurements.service.js';
export {
  PILOT_EVENT_CAUSES,
  PILOT_EVENT_TYPES,
  pilotEventDetail,
  type PilotEventCause,
  type PilotEventFacts,
} from './pilot-event-facts.js';
export { PILOT_STAGES, OUTCOME_RESULTS, type OutcomeResult, type PilotStage } from './pilot-stage.js';
export { PILOTS_ENTITIES } from './pilots.entities.js';
export { PilotsModule } from './pilots.module.js';
export { PilotsService } from './pilots.service.js';
export type { PilotView } from './pilot.view.js';
export { PILOTS_JOBS, PILOTS_QUEUE, PilotsJob } from './pilots.jobs.js';
export { PILOTS_PROBLEMS } from './pilots.errors.js';
export { PILOTS_CONFIG, PilotsConfig } from './pilots.config.js';
export { PILOTS_TOPICS } from './messages/pilots.topics.js';
