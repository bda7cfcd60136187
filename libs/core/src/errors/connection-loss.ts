/**
 * Errors that mean "a connection Slussen depends on went away", not "this request
 * is wrong" nor "our code is wrong": the caller should simply try again shortly.
 * PostgreSQL's SQLSTATEs for a terminated backend or a server that is starting
 * or stopping, node-postgres's messages for a socket that closed under a query,
 * pool timeouts, and the socket errors of an unreachable host.
 */
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);

const SOCKET_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

const CONNECTION_MESSAGES = [
  /Connection terminated/i, // node-postgres: "Connection terminated unexpectedly", "... due to connection timeout"
  /not queryable/i, // node-postgres: "Client has encountered a connection error and is not queryable"
  /timeout exceeded when trying to connect/i, // pg-pool: no connection free within connectionTimeoutMillis
  /Client was closed and is not queryable/i,
  /terminating connection due to administrator command/i,
  // TypeORM, when the connection of a transaction died under it and was released before the next statement (often COMMIT)
  /Query runner already released/i,
  /connection provided by a query runner was already released/i,
];

/** True when the error, or the driver error or cause it wraps, is a lost or unreachable connection. */
export function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (CONNECTION_SQLSTATES.has(code) || SOCKET_ERRNOS.has(code))) return true;
  // A server error with any other SQLSTATE (a constraint, a syntax error) is not a lost connection, whatever its text.
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return false;
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return isConnectionLoss(driverError, depth + 1) || isConnectionLoss(cause, depth + 1);
}
