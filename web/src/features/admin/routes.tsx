import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';

// Each page is its own chunk: nothing here is downloaded until an administrator opens it.
const OrganisationsPage = lazy(() => import('./organisations/OrganisationsPage.js'));
const UsersPage = lazy(() => import('./users/UsersPage.js'));
const UserDetailPage = lazy(() => import('./users/UserDetailPage.js'));
const LocationsPage = lazy(() => import('./locations/LocationsPage.js'));
const AuditPage = lazy(() => import('./audit/AuditPage.js'));
const DisaggregationsPage = lazy(() => import('./disaggregations/DisaggregationsPage.js'));

/** Administration pages, each loaded only when visited (the layout's Suspense shows the loader). */
export const adminRoutes: RouteObject[] = [
  { path: 'admin', element: <Navigate to="/admin/organisations" replace /> },
  { path: 'admin/organisations', element: <OrganisationsPage /> },
  { path: 'admin/users', element: <UsersPage /> },
  { path: 'admin/users/:id', element: <UserDetailPage /> },
  { path: 'admin/locations', element: <LocationsPage /> },
  { path: 'admin/audit', element: <AuditPage /> },
  { path: 'admin/disaggregations', element: <DisaggregationsPage /> },
];
