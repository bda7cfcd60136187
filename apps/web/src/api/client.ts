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

/** Adds the access token; on a 401 refreshes once and tries again, then reports the end of the session. */
async function sessionFetch(input: Request): Promise<Response> {
  const hadToken = currentToken() !== null;
  const retry = input.clone();
  const response = await fetch(withToken(input));
  if (response.status !== 401 || !hadToken) return response;
  if (await refresh()) return fetch(withToken(retry));
  forget();
  for (const listener of unauthenticated) listener();
  return response;
}

/** The one client of the API, typed from its own OpenAPI document (`npm run api:types`). */
export const api = createClient<paths>({ baseUrl: '', fetch: sessionFetch });
