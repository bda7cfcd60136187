// The browser session: the access token lives in this module's memory only;
// the refresh token is an httpOnly cookie the scripts never see.

const AUTH = '/api/v1/auth/session';
const CLIENT_HEADER = { 'X-Slussen-Client': 'web' };

export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
}

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function currentToken(): string | null {
  return accessToken;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setToken(token: string | null) {
  if (token === accessToken) return;
  accessToken = token;
  for (const listener of listeners) listener();
}

async function post(path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...CLIENT_HEADER, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** Signs in; the answer's problem (401, 429) is thrown as a Response for the page to explain. */
export async function signIn(email: string, password: string): Promise<Response> {
  const response = await post(AUTH, { email, password });
  if (response.ok) setToken(((await response.json()) as SessionTokens).accessToken);
  return response;
}

/** Trades the refresh cookie for a new access token; one at a time, however many callers ask. */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await post(`${AUTH}/refresh`);
      if (!response.ok) {
        setToken(null);
        return false;
      }
      setToken(((await response.json()) as SessionTokens).accessToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signOut(): Promise<void> {
  try {
    await post(`${AUTH}/logout`);
  } finally {
    setToken(null);
  }
}

/** Called by the client when the API says the person is not signed in even after a refresh. */
export function forget(): void {
  setToken(null);
}
