import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem } from './problems';

/** Shown while something loads; announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </p>
  );
}

/** Something went wrong, said in words, with a way forward. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{describeProblem(t, error)}</p>
      {retry ? (
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('tryAgain')}
        </button>
      ) : null}
    </div>
  );
}

/** A query's state while it has no data: loading, or its error with a way to try again. */
export function QueryState({
  query,
  label,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  label?: string;
}) {
  if (query.isError) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  return query.isPending ? <Loading label={label} /> : null;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' }) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}

/**
 * What a step did, where the focus goes once it is done: the control that took the
 * step is often gone with what it acted on (a decided request, a revoked token, a
 * cancelled slot), and the focus would otherwise fall back to the top of the page.
 */
export function DoneNotice({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After a closing dialog has handed the focus back: its trigger may be gone with the item it acted on, and the
    // dialog may close a render after this notice appears, so take the focus again for a moment whenever it is lost.
    const take = () => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) box.current?.focus();
    };
    const frame = requestAnimationFrame(() => box.current?.focus());
    const later = [50, 150, 300, 600].map((ms) => setTimeout(take, ms));
    return () => {
      cancelAnimationFrame(frame);
      later.forEach(clearTimeout);
    };
  }, [children]);
  return (
    <div ref={box} tabIndex={-1} className="done-notice">
      <Notice tone="success">{children}</Notice>
    </div>
  );
}
