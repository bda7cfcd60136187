// The public surface of the core library; contexts import from here only.
export { AppConfig, type ServiceUrls } from './config/app-config.js';
export { ConfigurationError, EnvironmentVariables, validateEnvironment } from './config/environment.js';
export { CoreModule } from './core.module.js';
export { ENTITIES, dataSourceOptions } from './database/data-source-options.js';
export { runPendingMigrations } from './database/migrate.js';
export { registerConstraintProblems, type ConstraintProblem } from './errors/constraint-problems.js';
export { ConflictError, DomainError, NotFoundError, ValidationError } from './errors/domain-error.js';
export { PROBLEMS, type FieldError, type ProblemCode } from './errors/problem-codes.js';
export { IdParam } from './http/id-param.decorator.js';
export { ProblemFilter } from './http/problem.filter.js';
export { toProblem, type Problem } from './http/problem.js';
export { createValidationPipe } from './http/validation.pipe.js';
export { judgeEvictionPolicy, readMaxmemoryPolicy } from './queue/eviction-policy.js';
export { QueueModule } from './queue/queue.module.js';
export { createRedisClient, queueConnectionOptions } from './queue/redis-connection.js';
export { ensureLocalServices, LocalServiceError, type LocalServices } from './runtime/local-services.js';
export { startProcess } from './runtime/start-process.js';
