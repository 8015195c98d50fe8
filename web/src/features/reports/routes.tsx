import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Donor report pages, loaded only when visited (AppLayout's Suspense shows the loader). */
const ReportsPage = lazy(() => import('./ReportsPage.js'));

export const reportsRoutes: RouteObject[] = [
  { path: 'projects/:id/reports', element: <ReportsPage scope="project" /> },
  { path: 'programmes/:id/reports', element: <ReportsPage scope="programme" /> },
  // Consolidated over the reader's projects in one country: /reports?country=MLI.
  { path: 'reports', element: <ReportsPage scope="country" /> },
];
