import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoader } from '../../components/PageLoader.js';

/** The public page a share link opens, outside the signed-in layout; loaded only when visited. */
const SharedPage = lazy(() => import('./SharedPage.js'));

export const sharedRoutes: RouteObject[] = [
  {
    path: '/shared/:token',
    element: (
      <Suspense fallback={<PageLoader />}>
        <SharedPage />
      </Suspense>
    ),
  },
];
