import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** The pivot page, loaded only when visited (AppLayout's Suspense shows the loader). */
const PivotPage = lazy(() => import('./PivotPage.js'));

export const pivotRoutes: RouteObject[] = [
  { path: 'pivot', element: <PivotPage /> },
  { path: 'pivot/:id', element: <PivotPage /> },
];
