import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** The report calendar, loaded only when visited (AppLayout's Suspense shows the loader). */
const ReportCalendarPage = lazy(() => import('./ReportCalendarPage.js'));

export const agreementRoutes: RouteObject[] = [{ path: 'report-calendar', element: <ReportCalendarPage /> }];
