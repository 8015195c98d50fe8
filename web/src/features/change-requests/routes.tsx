import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** A project's change requests, loaded only when visited. */
const ChangeRequestsPage = lazy(() => import('./ChangeRequestsPage.js'));

export const changeRequestRoutes: RouteObject[] = [{ path: 'projects/:id/change-requests', element: <ChangeRequestsPage /> }];
