import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { onUnauthenticated } from '../api/client';
import { readsReports } from '../features/reports/access';
import { useSession } from './session';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useSession();
  const other = i18n.language === 'en' ? 'sv' : 'en';
  // Switched at once; keeping it with the API for a signed-in person may fail quietly (the switch still holds here).
  return (
    <button
      type="button"
      className="link-button"
      lang={other}
      onClick={() => void setLanguage(other).catch(() => undefined)}
    >
      {t('switchLanguage')}
    </button>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // The test-bed workspace is offered only to managers and admins of regions and municipalities.
  const managesTestbeds = (session.me?.memberships ?? []).some(
    (m) => (m.kind === 'region' || m.kind === 'municipality') && (m.role === 'admin' || m.role === 'manager'),
  );

  // When the API says the session has ended, go to sign-in and come back here after.
  useEffect(
    () =>
      onUnauthenticated(() => {
        const next = window.location.pathname + window.location.search;
        if (!window.location.pathname.startsWith('/sign-in'))
          void navigate(`/sign-in?next=${encodeURIComponent(next)}&expired=1`);
      }),
    [navigate],
  );

  const signOut = async () => {
    await session.signOut();
    void navigate('/');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div className="site-header__top">
            <Link to="/" className="brand">
              <span className="brand__mark" aria-hidden="true" />
              {t('appName')}
            </Link>
            {/* The person's own links sit apart from the pages, so the page links fit one line for every role. */}
            <nav aria-label={t('nav.personalLabel')}>
              <ul className="nav nav--personal">
                {session.status === 'signedIn' ? (
                  <>
                    <li>
                      <NavLink to="/account">{t('nav.account')}</NavLink>
                    </li>
                    <li>
                      <button type="button" className="link-button" onClick={() => void signOut()}>
                        {t('nav.signOut')}
                      </button>
                    </li>
                  </>
                ) : session.status === 'signedOut' ? (
                  <>
                    <li>
                      <NavLink to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
                        {t('nav.signIn')}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>
                    </li>
                  </>
                ) : null}
                <li>
                  <LanguageSwitch />
                </li>
              </ul>
            </nav>
          </div>
          <nav aria-label={t('nav.label')}>
            <ul className="nav">
              <li>
                <NavLink to="/search">{t('nav.search')}</NavLink>
              </li>
              <li>
                <NavLink to="/results">{t('nav.results')}</NavLink>
              </li>
              <li>
                <NavLink to="/sluices">{t('nav.sluices')}</NavLink>
              </li>
              {session.status === 'signedIn' ? (
                <>
                  {session.company ? (
                    <li>
                      <NavLink to="/bookings">{t('nav.bookings')}</NavLink>
                    </li>
                  ) : null}
                  {managesTestbeds ? (
                    <li>
                      <NavLink to="/manage">{t('nav.manage')}</NavLink>
                    </li>
                  ) : null}
                  <li>
                    <NavLink to="/ideas">{t('nav.ideas')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/pilots">{t('nav.pilots')}</NavLink>
                  </li>
                  {readsReports(session.me) ? (
                    <li>
                      <NavLink to="/reports">{t('nav.reports')}</NavLink>
                    </li>
                  ) : null}
                  {session.me?.memberships.some((membership) => membership.role === 'admin') ? (
                    <li>
                      <NavLink to="/organization">{t('nav.organization')}</NavLink>
                    </li>
                  ) : null}
                  {session.me?.platformAdmin ? (
                    <li>
                      <NavLink to="/platform">{t('nav.platform')}</NavLink>
                    </li>
                  ) : null}
                </>
              ) : null}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('footer.about')}</p>
          <ul className="footer-links">
            <li>
              <Link to="/accessibility">{t('footer.accessibility')}</Link>
            </li>
            <li>
              <a href="/docs">{t('footer.api')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
