import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/**
 * Dashboards and the indicator map, loaded only when visited: the chart library (recharts) and
 * d3-geo come with these pages and never with the sign-in bundle. AppLayout's Suspense shows the loader.
 */
const DashboardPage = lazy(() => import('./DashboardPage.js'));
const MapPage = lazy(() => import('../map/MapPage.js'));

export const monitoringDashboardRoutes: RouteObject[] = [
  { path: 'projects/:id/dashboard', element: <DashboardPage scope="project" /> },
  { path: 'programmes/:id/dashboard', element: <DashboardPage scope="programme" /> },
  { path: 'indicators/:id/map', element: <MapPage /> },
];
