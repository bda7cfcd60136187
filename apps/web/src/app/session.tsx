import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { call } from '../api/problem';
import { currentToken, onSessionChange, refresh, signIn as startSession, signOut as endSession } from '../api/session';
import { chooseLanguage, hasChosenLanguage } from '../i18n';

export interface Membership {
  organizationId: string;
  organizationName: string;
  kind: 'region' | 'municipality' | 'company' | 'agency';
  role: 'admin' | 'manager' | 'member';
}

export interface Me {
  id: string;
  email: string;
  name: string;
  language?: 'sv' | 'en';
  platformAdmin: boolean;
  memberships: Membership[];
}

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
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>(() => (currentToken() ? 'signedIn' : 'checking'));

  useEffect(() => {
    // A reload keeps the person signed in: the refresh cookie buys a new access token.
    if (status === 'checking') void refresh().then((ok) => setStatus(ok ? 'signedIn' : 'signedOut'));
    return onSessionChange(() => setStatus(currentToken() ? 'signedIn' : 'signedOut'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const me = useQuery({
    queryKey: ['me'],
    enabled: status === 'signedIn',
    staleTime: 5 * 60_000,
    queryFn: () => call<Me>(api.GET('/api/v1/me')),
  });

  useEffect(() => {
    if (me.data?.language && !hasChosenLanguage()) chooseLanguage(me.data.language);
  }, [me.data?.language]);

  const signIn = useCallback(async (email: string, password: string) => {
    const response = await startSession(email, password);
    if (response.ok) {
      queryClient.removeQueries();
      setStatus('signedIn');
    }
    return response;
  }, [queryClient]);

  const signOut = useCallback(async () => {
    await endSession();
    queryClient.removeQueries();
    setStatus('signedOut');
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({
      status,
      loading: status === 'checking' || (status === 'signedIn' && me.isPending),
      me: status === 'signedIn' ? me.data : undefined,
      company: status === 'signedIn' ? me.data?.memberships.find((m) => m.kind === 'company') : undefined,
      signIn,
      signOut,
    }),
    [status, me.data, me.isPending, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
