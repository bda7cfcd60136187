// The public surface of the core library; contexts import from here only.
export { AppConfig, type ServiceUrls } from './config/app-config.js';
export {
  ConfigurationError,
  CoreVariables,
  validateEnvironment,
  type EnvironmentVariables,
} from './config/environment.js';
export {
  defineConfigSlice,
  variableNames,
  type ConfigSlice,
  type ConfigSliceName,
  type ConfigSlices,
} from './config/config-slice.js';
export { BoolSetting, IntSetting } from './config/setting.decorators.js';
export { CoreModule } from './core.module.js';
export { dataSourceOptions } from './database/data-source-options.js';
export { namedStatement, NamedStatement, queryRow, queryRows, type SqlRunner } from './database/typed-query.js';
export { runPendingMigrations } from './database/migrate.js';
export { defineProblems, type ConstraintProblem, type ContextProblems } from './errors/constraint-problems.js';
export { problemCatalogue, ProblemCatalogue, ProblemsModule, registerProblems } from './errors/problem-catalogue.js';
export { ConflictError, DomainError, NotFoundError, ReplayedProblem, ValidationError } from './errors/domain-error.js';
export {
  PROBLEMS,
  type FieldError,
  type ProblemCode,
  type ProblemCodes,
  type ProblemType,
} from './errors/problem-codes.js';
export { readCookie } from './http/cookies.js';
export { IdParam } from './http/id-param.decorator.js';
export { ProblemFilter } from './http/problem.filter.js';
export { toProblem, type Problem } from './http/problem.js';
export { createValidationPipe } from './http/validation.pipe.js';
export { judgeEvictionPolicy, readMaxmemoryPolicy } from './queue/eviction-policy.js';
export { QueueModule } from './queue/queue.module.js';
export { JobSchedulesKeeper, JobSchedulesModule, workerQueue, type JobSchedule } from './queue/job-schedules.js';
export { InjectJobQueue, JobQueue } from './queue/job-queue.js';
export { createRedisClient, logQueueErrors, queueConnectionOptions } from './queue/redis-connection.js';
export { ensureLocalServices, LocalServiceError, type LocalServices } from './runtime/local-services.js';
export { startProcess } from './runtime/start-process.js';
export { FrameworkQuietLogger } from './logging/framework-quiet-logger.js';
export {
  ORGANIZATION_KINDS,
  ROLES,
  hasRole,
  isMemberOf,
  isPlatformAdmin,
  roleIn,
  twoSidedScope,
  type Actor,
  type ActorMembership,
  type OrganizationKind,
  type Role,
  type TwoSidedScope,
} from './auth/actor.js';
export { ActorResolver } from './auth/actor-resolver.js';
export { CurrentActor, PersonOnly, Public, PUBLIC_OPERATION } from './auth/auth.decorators.js';
export { AuthGuard } from './auth/auth.guard.js';
export { PolicyService, type PolicyAction, type PolicyRule, type PolicySubjects } from './auth/policy.service.js';
export {
  PASSWORD_ATTEMPTS,
  PasswordAttempts,
  RateLimitGuard,
  RateLimitModule,
  ThrottleBucket,
} from './http/rate-limit.js';
export { currentRequestId, requestContextMiddleware } from './http/request-context.js';
export { decodeCursor, encodeCursor, PageQueryDto, toPage, type Page } from './http/pagination.js';
export { JobProcessor, type JobHandlers } from './queue/job-processor.js';
export {
  declareJobs,
  uncoveredJobs,
  type JobName,
  type QueueName,
  type EnqueuedJob,
  type JobData,
  type JobDeclarations,
  type JobPayloads,
  type JobQueues,
  type JobsOf,
} from './queue/jobs.js';
export { hashToken, newOpaqueToken } from './auth/opaque-token.js';
export { OUTBOX_CONFIG, OutboxConfig } from './outbox/outbox.config.js';
export { OutboxRelay } from './outbox/outbox-relay.service.js';
export { OutboxRelayModule, type OutboxTarget } from './outbox/outbox.module.js';
export { CORE_ENTITIES } from './outbox/outbox.entities.js';
export { outbox, outboxInsert, OutboxRepository, type StoredOutboxMessage } from './outbox/outbox.repository.js';
export type {
  OutboxPayload,
  OutboxTopic,
  OutboxTopicChoice,
  OutboxTopics,
  TopicReach,
} from './outbox/outbox-topics.js';
export { Clock, ClockModule, ManualClock } from './time/clock.js';
export { iso } from './time/iso.js';
export { withTimeout } from './time/with-timeout.js';
export { SecretBox } from './crypto/secret-box.js';
export { MultilineText, checkRequestText, plainText, singleLine, textProblem } from './http/control-characters.js';
export {
  checkOutboundTarget,
  checkOutboundUrl,
  guardedRequest,
  isPublicAddress,
  OutboundConnections,
  OutboundFetchError,
  outboundFailure,
  OutboundRefusedError,
  type OutboundFailure,
  type OutboundLimits,
  type KeptConnectionsOptions,
  type OutboundPolicy,
  type Resolver,
} from './net/guarded-http.js';
export { spreadsheetSafe } from './http/spreadsheet-safe.js';
export { answerClientErrorsWithProblems } from './http/client-errors.js';
export { apiLoadShedder, LoadShedder, type LoadSheddingLimits } from './http/load-shedding.js';
