import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { call } from '../api/problem';
import { currentToken, onSessionChange, refresh, signIn as startSession, signOut as endSession } from '../api/session';
import type { Schema } from '../api/types';
import { chooseLanguage, followLanguage, hasChosenLanguage, type Language } from '../i18n';

export type Membership = Schema<'MeMembershipDto'>;
export type Me = Schema<'MeDto'>;

type Status = 'checking' | 'signedIn' | 'signedOut';

interface Session {
  status: Status;
  /** True until we know who the person is (the first refresh, then /me). */
  loading: boolean;
  me: Me | undefined;
  /** The company the person acts for, if they belong to one. */
  company: Membership | undefined;
  signIn: (email: string, password: string) => Promise<Response>;
  signOut: () => Promise<void>;
  /** Ends every session of the person with the API (all browsers and programs, this one too); then leave the page and signOut(). */
  signOutEverywhere: () => Promise<void>;
  /** Switches the app's language; a signed-in person's choice is kept by the API (their e-mails follow it). */
  setLanguage: (language: Language) => Promise<void>;
  /** Keeps the person's name and language; answers the updated person. */
  updateMe: (changes: { name?: string; language?: Language }) => Promise<Me>;
}

const SessionContext = createContext<Session | null>(null);

const SESSION_NOTE = 'slussen.signedIn';

/** Whether this browser was signed in when it last knew (storage refused: assume it may be). */
function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SESSION_NOTE) === '1';
  } catch {
    return true;
  }
}

function noteSession(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SESSION_NOTE, '1');
    else localStorage.removeItem(SESSION_NOTE);
  } catch {
    // Private modes may refuse storage: the next load then asks for a refresh as before.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>(() => (currentToken() ? 'signedIn' : 'checking'));

  useEffect(() => {
    // A reload keeps the person signed in: the refresh cookie buys a new access token. The cookie is httpOnly, so a note in
    // this browser says whether there may be one; without it, an anonymous visitor's page asks for no refresh (and shows no 401).
    if (status === 'checking') {
      if (mayHaveSession()) void refresh().then((ok) => setStatus(ok ? 'signedIn' : 'signedOut'));
      else setStatus('signedOut');
    }
    return onSessionChange(() => {
      noteSession(Boolean(currentToken()));
      setStatus(currentToken() ? 'signedIn' : 'signedOut');
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const me = useQuery({
    queryKey: ['me'],
    enabled: status === 'signedIn',
    staleTime: 5 * 60_000,
    queryFn: () => call(api.GET('/api/v1/me')),
  });

  // Signed in, the app speaks the language the person keeps with the API (chosen on any device),
  // unless they chose one in this very browser: that choice, made here, stays.
  useEffect(() => {
    if (me.data?.language && !hasChosenLanguage()) followLanguage(me.data.language);
  }, [me.data?.language]);

  const updateMe = useCallback(
    async (changes: { name?: string; language?: Language }) => {
      const updated = await call(api.PATCH('/api/v1/me', { body: changes }));
      queryClient.setQueryData(['me'], updated);
      return updated;
    },
    [queryClient],
  );

  const setLanguage = useCallback(
    async (language: Language) => {
      chooseLanguage(language);
      if (status === 'signedIn' && me.data && me.data.language !== language) await updateMe({ language });
    },
    [status, me.data, updateMe],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const response = await startSession(email, password);
      if (response.ok) {
        queryClient.removeQueries();
        setStatus('signedIn');
      }
      return response;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await endSession();
    queryClient.removeQueries();
    setStatus('signedOut');
  }, [queryClient]);

  const signOutEverywhere = useCallback(async () => {
    await call(api.DELETE('/api/v1/me/sessions'));
  }, []);

  const value = useMemo<Session>(
    () => ({
      status,
      loading: status === 'checking' || (status === 'signedIn' && me.isPending),
      me: status === 'signedIn' ? me.data : undefined,
      company: status === 'signedIn' ? me.data?.memberships.find((m) => m.kind === 'company') : undefined,
      signIn,
      signOut,
      signOutEverywhere,
      setLanguage,
      updateMe,
    }),
    [status, me.data, me.isPending, signIn, signOut, signOutEverywhere, setLanguage, updateMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
