import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Programme and project pages, each loaded only when visited (AppLayout's Suspense shows the loader). */
const ProgrammesPage = lazy(() => import('./ProgrammesPage.js'));
const ProgrammeDetailPage = lazy(() => import('./ProgrammeDetailPage.js'));
const ProjectsPage = lazy(() => import('./ProjectsPage.js'));
const ProjectFormPage = lazy(() => import('./ProjectFormPage.js'));
const ProjectDetailPage = lazy(() => import('./ProjectDetailPage.js'));

export const projectRoutes: RouteObject[] = [
  { path: 'programmes', element: <ProgrammesPage /> },
  { path: 'programmes/:id', element: <ProgrammeDetailPage /> },
  { path: 'projects', element: <ProjectsPage /> },
  { path: 'projects/new', element: <ProjectFormPage /> },
  { path: 'projects/:id', element: <ProjectDetailPage /> },
  { path: 'projects/:id/edit', element: <ProjectFormPage /> },
];
