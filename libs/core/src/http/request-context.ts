import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of the request being served, for logs, the audit log and job payloads. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

/**
 * Gives every request an id (the caller's X-Request-Id when sane), echoes it
 * in the response, and keeps it for everything the request does.
 */
export function requestContextMiddleware(
  request: Request & { id?: unknown },
  response: Response,
  next: NextFunction,
): void {
  const given = request.headers['x-request-id'];
  const requestId = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  request.id = requestId;
  response.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}
