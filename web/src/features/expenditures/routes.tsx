import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** A project's expenditures, loaded only when visited (AppLayout's Suspense shows the loader). */
const ExpendituresPage = lazy(() => import('./ExpendituresPage.js'));

export const expenditureRoutes: RouteObject[] = [{ path: 'projects/:id/expenditures', element: <ExpendituresPage /> }];
