import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Field reporting pages, each loaded only when visited (AppLayout's Suspense shows the loader). */
const ProjectReportingPage = lazy(() => import('./ProjectReportingPage.js'));
const RoundPage = lazy(() => import('./RoundPage.js'));
const SubmissionPage = lazy(() => import('./submission/SubmissionPage.js'));

export const reportingRoutes: RouteObject[] = [
  { path: 'projects/:id/reporting', element: <ProjectReportingPage /> },
  { path: 'rounds/:id', element: <RoundPage /> },
  { path: 'submissions/:id', element: <SubmissionPage /> },
];
