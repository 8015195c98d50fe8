import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** The project's work plan (Gantt and list), loaded only when visited (AppLayout's Suspense shows the loader). */
const WorkPlanPage = lazy(() => import('./WorkPlanPage.js'));

export const workPlanRoutes: RouteObject[] = [{ path: 'projects/:id/work-plan', element: <WorkPlanPage /> }];
