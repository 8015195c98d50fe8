import type { RouteObject } from 'react-router';

/** Programme and project pages, each loaded only when visited. */
export const projectRoutes: RouteObject[] = [];
