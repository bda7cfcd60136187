import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/NotFoundPage';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { Loading } from '../../ui/Status';
import { readsReports } from './access';

/** Report pages are for those who read reports; to anyone else they do not exist. */
export function RequireReports({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn>
      <ReadersOnly>{children}</ReadersOnly>
    </RequireSignIn>
  );
}

function ReadersOnly({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (!me) return <Loading />;
  return readsReports(me) ? <>{children}</> : <NotFoundPage />;
}
