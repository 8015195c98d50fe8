import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** A project's budgets, loaded only when visited (AppLayout's Suspense shows the loader). */
const BudgetPage = lazy(() => import('./BudgetPage.js'));

export const budgetRoutes: RouteObject[] = [{ path: 'projects/:id/budget', element: <BudgetPage /> }];
