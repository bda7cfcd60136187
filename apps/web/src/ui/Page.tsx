import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigationType } from 'react-router';

/**
 * A page's heading and title. After a navigation inside the app, focus moves to
 * the new heading so screen readers announce the page and keyboard users start
 * at its top, also when the new address shows the same page for something else;
 * the first page of a visit (and back/forward) keeps the browser's own focus.
 */
export function Page({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const navigation = useNavigationType();
  // A new address can keep this page mounted (another organization, another report): the focus moves there too.
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} – ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    if (navigation !== 'POP') heading.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}
