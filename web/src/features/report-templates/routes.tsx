import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/** Report template pages, loaded only when visited (AppLayout's Suspense shows the loader). */
const ReportTemplatesPage = lazy(() => import('./ReportTemplatesPage.js'));
const TemplateEditorPage = lazy(() => import('./TemplateEditorPage.js'));

export const reportTemplateRoutes: RouteObject[] = [
  { path: 'report-templates', element: <ReportTemplatesPage /> },
  { path: 'report-templates/new', element: <TemplateEditorPage /> },
  { path: 'report-templates/:id', element: <TemplateEditorPage /> },
];
