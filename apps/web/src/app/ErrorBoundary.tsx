import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

function Crashed() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      <p>
        <a href="/">{t('crash.home')}</a>
      </p>
    </div>
  );
}

/** A route that throws while rendering or loading shows words and a way home, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return <Crashed />;
}

/** The last guard, around everything (the router included). */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <Crashed /> : this.props.children;
  }
}
