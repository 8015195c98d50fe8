import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Budget vs actual, loaded only when visited (AppLayout's Suspense shows the loader). */
const BudgetVsActualPage = lazy(() => import('./BudgetVsActualPage.js'));

export const budgetAnalysisRoutes: RouteObject[] = [{ path: 'projects/:id/budget-vs-actual', element: <BudgetVsActualPage /> }];
