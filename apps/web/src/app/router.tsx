import { createBrowserRouter } from 'react-router';
import { Loading } from '../ui/Status';
import { RouteError } from './ErrorBoundary';
import { Layout } from './Layout';

// Each page is its own chunk: the first page loads only what it shows.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    // Shown while the first page's chunk loads, before the router starts.
    hydrateFallbackElement: <Loading />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            lazy: () => import('../features/catalogue/StartPage').then((m) => ({ Component: m.StartPage })),
          },
          {
            path: 'search',
            lazy: () => import('../features/catalogue/SearchPage').then((m) => ({ Component: m.SearchPage })),
          },
          {
            path: 'testbeds/:id',
            lazy: () => import('../features/catalogue/TestbedPage').then((m) => ({ Component: m.TestbedPage })),
          },
          {
            path: 'sign-in',
            lazy: () => import('../features/identity/SignInPage').then((m) => ({ Component: m.SignInPage })),
          },
          {
            path: 'forgot-password',
            lazy: () =>
              import('../features/identity/ForgotPasswordPage').then((m) => ({ Component: m.ForgotPasswordPage })),
          },
          {
            path: 'reset-password',
            lazy: () =>
              import('../features/identity/ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })),
          },
          {
            path: 'sign-up',
            lazy: () => import('../features/identity/SignUpPage').then((m) => ({ Component: m.SignUpPage })),
          },
          {
            path: 'account',
            lazy: () => import('../features/identity/AccountPage').then((m) => ({ Component: m.AccountPage })),
          },
          {
            path: 'bookings',
            lazy: () => import('../features/booking/MyBookingsPage').then((m) => ({ Component: m.MyBookingsPage })),
          },
          {
            path: 'bookings/:id',
            lazy: () => import('../features/booking/BookingPage').then((m) => ({ Component: m.BookingPage })),
          },
          {
            path: 'pilots',
            lazy: () => import('../features/pilots/PilotsPage').then((m) => ({ Component: m.PilotsPage })),
          },
          {
            path: 'pilots/:id',
            lazy: () => import('../features/pilots/PilotPage').then((m) => ({ Component: m.PilotPage })),
          },
          {
            path: 'results',
            lazy: () => import('../features/library/ResultsPage').then((m) => ({ Component: m.ResultsPage })),
          },
          {
            path: 'results/spread',
            lazy: () => import('../features/library/SpreadPage').then((m) => ({ Component: m.SpreadPage })),
          },
          {
            path: 'results/:id',
            lazy: () => import('../features/library/ResultPage').then((m) => ({ Component: m.ResultPage })),
          },
          {
            path: 'organization',
            lazy: () =>
              import('../features/organization/OrganizationAdminPage').then((m) => ({
                Component: m.OrganizationIndexPage,
              })),
          },
          {
            path: 'organization/:id',
            lazy: () =>
              import('../features/organization/OrganizationAdminPage').then((m) => ({
                Component: m.OrganizationAdminPage,
              })),
          },
          {
            path: 'platform',
            lazy: () => import('../features/platform/PlatformPage').then((m) => ({ Component: m.PlatformPage })),
          },
          {
            path: 'invitations/:token',
            lazy: () => import('../features/invitations/InvitationPage').then((m) => ({ Component: m.InvitationPage })),
          },
          {
            path: 'reports',
            lazy: () => import('../features/reports/ReportsPage').then((m) => ({ Component: m.ReportsPage })),
          },
          {
            path: 'reports/runs/:id',
            lazy: () => import('../features/reports/RunPage').then((m) => ({ Component: m.RunPage })),
          },
          {
            path: 'reports/:id',
            lazy: () => import('../features/reports/ReportPage').then((m) => ({ Component: m.ReportPage })),
          },
          {
            path: 'manage',
            lazy: () => import('../features/manage/ManageHomePage').then((m) => ({ Component: m.ManageHomePage })),
          },
          {
            path: 'manage/testbeds/new',
            lazy: () => import('../features/manage/TestbedFormPage').then((m) => ({ Component: m.TestbedFormPage })),
          },
          {
            path: 'manage/testbeds/:id',
            lazy: () =>
              import('../features/manage/TestbedManagePage').then((m) => ({ Component: m.TestbedManagePage })),
          },
          {
            path: 'manage/testbeds/:id/edit',
            lazy: () => import('../features/manage/TestbedFormPage').then((m) => ({ Component: m.TestbedFormPage })),
          },
          {
            path: 'manage/testbeds/:id/preview',
            lazy: () => import('../features/manage/PreviewPage').then((m) => ({ Component: m.PreviewPage })),
          },
          {
            path: 'manage/calendar',
            lazy: () => import('../features/manage/CalendarPage').then((m) => ({ Component: m.CalendarPage })),
          },
          {
            path: 'manage/requests',
            lazy: () => import('../features/manage/RequestsPage').then((m) => ({ Component: m.RequestsPage })),
          },
          {
            path: 'sluices',
            lazy: () => import('../features/ideas/SluicesPage').then((m) => ({ Component: m.SluicesPage })),
          },
          {
            path: 'sluices/:id',
            lazy: () => import('../features/ideas/SluicePage').then((m) => ({ Component: m.SluicePage })),
          },
          {
            path: 'sluices/:id/submit',
            lazy: () => import('../features/ideas/SubmitPage').then((m) => ({ Component: m.SubmitPage })),
          },
          {
            path: 'sluices/:id/screening',
            lazy: () => import('../features/ideas/ScreeningPage').then((m) => ({ Component: m.ScreeningPage })),
          },
          {
            path: 'ideas',
            lazy: () => import('../features/ideas/IdeasPage').then((m) => ({ Component: m.IdeasPage })),
          },
          {
            path: 'ideas/:id',
            lazy: () => import('../features/ideas/IdeaPage').then((m) => ({ Component: m.IdeaPage })),
          },
          {
            path: 'accessibility',
            lazy: () => import('../features/statement/StatementPage').then((m) => ({ Component: m.StatementPage })),
          },
          { path: '*', lazy: () => import('./NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
        ],
      },
    ],
  },
]);
