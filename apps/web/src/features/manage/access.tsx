import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useSession, type Membership } from '../../app/session';
import { Loading } from '../../ui/Status';

/** The regions and municipalities the person runs test beds for (as admin or manager). */
export function useManagedOrganizations(): Membership[] {
  const { me } = useSession();
  return (me?.memberships ?? []).filter(
    (m) => (m.kind === 'region' || m.kind === 'municipality') && (m.role === 'admin' || m.role === 'manager'),
  );
}

/** The organization the workspace shows: `?org=` when the person runs several, else the first. */
export function useCurrentOrganization(): Membership | undefined {
  const managed = useManagedOrganizations();
  const [params] = useSearchParams();
  const asked = params.get('org');
  return managed.find((m) => m.organizationId === asked) ?? managed[0];
}

/**
 * The workspace is for managers and admins of regions and municipalities: others
 * are sent to sign-in, or see the page-not-found answer, as for any unknown address.
 */
export function RequireManager({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const managed = useManagedOrganizations();
  if (session.loading) return <Loading />;
  if (session.status !== 'signedIn')
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (managed.length === 0) return <NotFoundPage />;
  return <>{children}</>;
}
