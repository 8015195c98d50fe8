import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** The indicator library, loaded only when visited (AppLayout's Suspense shows the loader). */
const LibraryPage = lazy(() => import('./LibraryPage.js'));

export const libraryRoutes: RouteObject[] = [{ path: 'library', element: <LibraryPage /> }];
