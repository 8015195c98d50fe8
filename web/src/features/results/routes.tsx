import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Results framework pages, each loaded only when visited (AppLayout's Suspense shows the loader). */
const FrameworkPage = lazy(() => import('./FrameworkPage.js'));
const IndicatorPage = lazy(() => import('./IndicatorPage.js'));

export const resultsRoutes: RouteObject[] = [
  { path: 'projects/:id/framework', element: <FrameworkPage kind="project" /> },
  { path: 'programmes/:id/framework', element: <FrameworkPage kind="programme" /> },
  { path: 'indicators/:id', element: <IndicatorPage /> },
];
