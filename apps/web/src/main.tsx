import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { isProblem } from './api/problem';
import { ErrorBoundary } from './app/ErrorBoundary';
import { router } from './app/router';
import { SessionProvider } from './app/session';
import { i18nReady } from './i18n';
import './ui/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A problem the API explained (4xx) will not go away by asking again.
      retry: (failures, error) => failures < 2 && !(isProblem(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** React Aria's dates and numbers follow the page's language, not the browser's (a Swedish page shows åååå-mm-dd). */
function WidgetLocale({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return <I18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'sv-SE'}>{children}</I18nProvider>;
}

// The page's language arrives in its own chunk (preloaded beside this bundle); rendering waits for it rather than showing bare keys.
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <WidgetLocale>
              <RouterProvider router={router} />
            </WidgetLocale>
          </SessionProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  ),
);
