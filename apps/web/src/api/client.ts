import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { currentToken, forget, refresh } from './session';

type Listener = () => void;
const unauthenticated = new Set<Listener>();

/** The app listens here to send a person to sign-in (and back) when the session has ended. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticated.add(listener);
  return () => unauthenticated.delete(listener);
}

function withToken(request: Request): Request {
  const token = currentToken();
  const copy = new Request(request);
  if (token) copy.headers.set('Authorization', `Bearer ${token}`);
  copy.headers.set('X-Slussen-Client', 'web');
  return copy;
}

/** Times a change (anything but a read) is sent again after a 503 with Retry-After, and the longest wait (s) honoured. */
const BUSY_RETRIES = 2;
const BUSY_WAIT_LIMIT_S = 5;

/**
 * Sends a change again when the API answers 503 with Retry-After: it was too
 * busy to start it (its request queue was full) or a service it needs was away
 * for a moment, and in either case did nothing. A person booking in a rush
 * gets the booking a moment later instead of an error; a booking carries an
 * Idempotency-Key, so a retry books once whatever happened. Reads are retried
 * by the query cache.
 */
async function patientFetch(input: Request): Promise<Response> {
  const change = input.method !== 'GET' && input.method !== 'HEAD';
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(withToken(input.clone()));
    const wait = Number(response.headers.get('Retry-After'));
    if (!change || response.status !== 503 || attempt >= BUSY_RETRIES || !(wait > 0 && wait <= BUSY_WAIT_LIMIT_S))
      return response;
    await new Promise((done) => setTimeout(done, wait * 1000));
  }
}

/** Adds the access token; on a 401 refreshes once and tries again, then reports the end of the session. */
async function sessionFetch(input: Request): Promise<Response> {
  const hadToken = currentToken() !== null;
  const response = await patientFetch(input);
  if (response.status !== 401 || !hadToken) return response;
  if (await refresh()) return patientFetch(input);
  forget();
  for (const listener of unauthenticated) listener();
  return response;
}

/** The one client of the API, typed from its own OpenAPI document (`npm run api:types`). */
export const api = createClient<paths>({ baseUrl: '', fetch: sessionFetch });
