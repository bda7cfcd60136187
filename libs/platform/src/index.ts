// Every context, assembled: what the apps, the migration CLI and the tests need
// of all of them at once. Core declares the empty contracts (jobs, problem codes,
// config slices), each context fills in its own beside its code, and only this
// library and the apps know the whole list.
export { CONTEXT_CONFIG } from './config.js';
export { CONTEXT_JOBS, CONTEXT_QUEUES } from './jobs.js';
export { CONTEXT_PROBLEMS } from './problems.js';
export { WEBHOOK_EVENTS } from './webhook-events.js';
export { SCHEMA_ENTITIES } from './schema.js';
