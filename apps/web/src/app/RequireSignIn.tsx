import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Page } from '../ui/Page';
import { Loading } from '../ui/Status';
import { useSession } from './session';

/** Pages for a signed-in person: others go to sign-in, and come back here after. */
export function RequireSignIn({ company = false, children }: { company?: boolean; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session.loading) return <Loading />;
  if (session.status !== 'signedIn') {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (company && !session.company) {
    return (
      <Page title={t('companyOnly.title')}>
        <p>{t('companyOnly.body')}</p>
      </Page>
    );
  }
  return <>{children}</>;
}
