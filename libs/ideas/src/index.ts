// The ideas context's public surface.
export { IdeasHttpModule } from './http/ideas-http.module.js';
export { IdeasJobsModule } from './jobs/ideas-jobs.module.js';
export {
  IDEA_KINDS,
  IDEA_STATUSES,
  SUBMITTERS,
  type IdeaKind,
  type IdeaStatus,
  type Submitter,
} from './idea-status.js';
export { IDEAS_ENTITIES } from './ideas.entities.js';
export { IdeasModule } from './ideas.module.js';
export { IdeasService } from './ideas.service.js';
export { SluicesService } from './sluices.service.js';
export { ConversationService } from './conversation.service.js';
export type { IdeaView, SluiceView } from './idea.view.js';
export { IDEAS_JOBS, IDEAS_QUEUE, IdeasJob } from './ideas.jobs.js';
export { IDEAS_PROBLEMS } from './ideas.errors.js';
export { IDEAS_CONFIG, IdeasConfig } from './ideas.config.js';
export { IDEAS_TOPICS } from './messages/ideas.topics.js';
