import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { ConnectionProblem } from './components/ConnectionProblem.js';
import { PageLoader } from './components/PageLoader.js';
import { agreementRoutes } from './features/agreements/routes.js';
import { budgetRoutes } from './features/budgets/routes.js';
import { changeRequestRoutes } from './features/change-requests/routes.js';
import { expenditureRoutes } from './features/expenditures/routes.js';
import { budgetAnalysisRoutes } from './features/budget-analysis/routes.js';
import { adminRoutes } from './features/admin/routes.js';
import { useSession } from './features/auth/session.js';
import { libraryRoutes } from './features/library/routes.js';
import { monitoringDashboardRoutes } from './features/monitoring/dashboard/routes.js';
import { pivotRoutes } from './features/monitoring/pivot/routes.js';
import { ipttRoutes } from './features/monitoring/iptt/routes.js';
import { projectRoutes } from './features/projects/routes.js';
import { reportingRoutes } from './features/reporting/routes.js';
import { reportTemplateRoutes } from './features/report-templates/routes.js';
import { reportsRoutes } from './features/reports/routes.js';
import { resultsRoutes } from './features/results/routes.js';
import { sharedRoutes } from './features/sharing/routes.js';
import { workPlanRoutes } from './features/workplans/routes.js';

// The sign-in page and the home page are the light path; everything else loads when visited.
import SignInPage from './features/auth/SignInPage.js';
import HomePage from './features/home/HomePage.js';
const ProfilePage = lazy(() => import('./features/profile/ProfilePage.js'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage.js'));

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  // No answer (or a failure) is not "signed out": sending a field user to sign in, offline, helps nobody.
  if (session.error) return <ConnectionProblem error={session.error} onRetry={() => void session.refetch()} retrying={session.isFetching} />;
  if (!session.data) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  // What a share link opens: signed out, outside the signed-in layout.
  ...sharedRoutes,
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      ...projectRoutes,
      ...resultsRoutes,
      ...reportingRoutes,
      ...monitoringDashboardRoutes,
      ...ipttRoutes,
      ...reportsRoutes,
      ...reportTemplateRoutes,
      ...libraryRoutes,
      ...agreementRoutes,
      ...budgetRoutes,
      ...changeRequestRoutes,
      ...expenditureRoutes,
      ...budgetAnalysisRoutes,
      ...pivotRoutes,
      ...workPlanRoutes,
      ...adminRoutes,
      { path: '*', element: <Suspense fallback={<PageLoader />}><NotFoundPage /></Suspense> },
    ],
  },
]);
