import type { RouteObject } from 'react-router';

/** Administration pages, each loaded only when visited. */
export const adminRoutes: RouteObject[] = [];
