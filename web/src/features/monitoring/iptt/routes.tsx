import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** The IPTT pages, loaded only when visited (AppLayout's Suspense shows the loader). */
const IpttPage = lazy(() => import('./IpttPage.js'));

export const ipttRoutes: RouteObject[] = [
  { path: 'projects/:id/iptt', element: <IpttPage scope="project" /> },
  { path: 'programmes/:id/iptt', element: <IpttPage scope="programme" /> },
  // Consolidated tables: /iptt?scope=country&id=COD or /iptt?scope=organisation&id=<uuid>.
  { path: 'iptt', element: <IpttPage /> },
];
