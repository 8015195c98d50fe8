import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Results framework pages, each loaded only when visited (AppLayout's Suspense shows the loader). */
const FrameworkPage = lazy(() => import('./FrameworkPage.js'));
const IndicatorPage = lazy(() => import('./IndicatorPage.js'));

export const resultsRoutes: RouteObject[] = [
  { path: 'projects/:id/framework', element: <FrameworkPage /> },
  { path: 'indicators/:id', element: <IndicatorPage /> },
];
