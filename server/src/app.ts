import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database, DatabaseHandle, Dialect } from './db/database.js';
import { dashboardRoutes } from './modules/analytics/dashboard.routes.js';
import { mapRoutes } from './modules/analytics/map.routes.js';
import { iatiRoutes } from './modules/iati/iati.routes.js';
import { pivotRoutes } from './modules/analytics/pivot.routes.js';
import { savedPivotRoutes } from './modules/analytics/saved-pivots.routes.js';
import { agreementRoutes } from './modules/agreements/agreements.routes.js';
import { workPlanRoutes } from './modules/workplans/workplans.routes.js';
import { changeRequestRoutes } from './modules/change-requests/change-requests.routes.js';
import { expenditureRoutes } from './modules/expenditures/expenditures.routes.js';
import { budgetAnalysisRoutes } from './modules/budget-analysis/budget-analysis.routes.js';
import { budgetRoutes } from './modules/budgets/budgets.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { apiTokenRoutes } from './modules/api-tokens/api-tokens.routes.js';
import { sharingRoutes } from './modules/sharing/sharing.routes.js';
import { codelistRoutes } from './modules/codelists/codelists.routes.js';
import { disaggregationRoutes } from './modules/disaggregations/disaggregations.routes.js';
import { frameworkIoRoutes } from './modules/framework-io/framework-io.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { jobRoutes } from './modules/jobs/jobs.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { ipttRoutes } from './modules/analytics/iptt.routes.js';
import { libraryRoutes } from './modules/library/library.routes.js';
import { locationRoutes } from './modules/locations/locations.routes.js';
import { openDataRoutes } from './modules/open-data/open-data.routes.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { organisationLogoRoutes } from './modules/organisations/logo.routes.js';
import { reportTemplateRoutes } from './modules/report-templates/report-templates.routes.js';
import { programmeRoutes } from './modules/programmes/programmes.routes.js';
import { projectRoutes } from './modules/projects/projects.routes.js';
import { narrativeRoutes } from './modules/reporting/narratives.routes.js';
import { translationRoutes } from './modules/reporting/translations.routes.js';
import { attachmentRoutes } from './modules/reporting/attachments.routes.js';
import { myReportingRoutes } from './modules/reporting/my-reporting.routes.js';
import { roundRoutes } from './modules/reporting/rounds.routes.js';
import { submissionRoutes } from './modules/reporting/submissions.routes.js';
import { valueRoutes } from './modules/reporting/values.routes.js';
import { reviewRoutes } from './modules/reporting/review.routes.js';
import { reportedValueRoutes } from './modules/reporting/reported-values.routes.js';
import { importValuesRoutes } from './modules/reporting/import/import.routes.js';
import { valuesTemplateRoutes } from './modules/reporting/template.routes.js';
import { resultsRoutes } from './modules/results/results.routes.js';
import { targetRoutes } from './modules/results/targets.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { VERSION } from './version.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    dialect: Dialect;
    config: Config;
  }
}

export type App = FastifyInstance;
const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_ROOT = path.resolve(here, '../../web/dist');

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Folder of the built web app; omitted in API tests. */
  webRoot?: string | null;
  logger?: boolean | object;
}

/** Trusts the first `hops` addresses counted from the socket: the proxies in front of us. */
const trustNearest = (hops: number | false) => (hops === false ? false : (_address: string, hop: number) => hop < hops);

/** Plugin order: external plugins → app plugins → modules (STYLE.md). */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Trust only the configured number of proxies nearest to us, never every hop: the leftmost
    // X-Forwarded-For entries are whatever the client wrote. (Fastify refuses a bare hop count.)
    trustProxy: trustNearest(opts.config.TRUST_PROXY),
    // Every request is small, signed in or not; the location import raises its own limit.
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.database.db);
  app.decorate('dialect', opts.database.dialect);
  app.decorate('config', opts.config);

  // Field offices work on slow links: compress JSON, CSV and the web bundle (br, else gzip).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(securityPlugin);
  await app.register(openapiPlugin, { version: VERSION });
  await app.register(errorsPlugin);
  await app.register(authPlugin, { config: opts.config });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(organisationRoutes);
      await api.register(organisationLogoRoutes);
      await api.register(reportTemplateRoutes);
      await api.register(userRoutes);
      await api.register(locationRoutes);
      await api.register(programmeRoutes);
      await api.register(projectRoutes);
      await api.register(resultsRoutes);
      await api.register(libraryRoutes);
      await api.register(targetRoutes);
      await api.register(frameworkIoRoutes);
      await api.register(disaggregationRoutes);
      await api.register(narrativeRoutes);
      await api.register(translationRoutes);
      await api.register(attachmentRoutes);
      await api.register(roundRoutes);
      await api.register(submissionRoutes);
      await api.register(valueRoutes);
      await api.register(reviewRoutes);
      await api.register(reportedValueRoutes);
      await api.register(valuesTemplateRoutes);
      await api.register(importValuesRoutes);
      await api.register(myReportingRoutes);
      await api.register(pivotRoutes);
      await api.register(savedPivotRoutes);
      await api.register(ipttRoutes);
      await api.register(dashboardRoutes);
      await api.register(mapRoutes);
      await api.register(openDataRoutes);
      await api.register(iatiRoutes);
      await api.register(agreementRoutes);
      await api.register(workPlanRoutes);
      await api.register(changeRequestRoutes);
      await api.register(expenditureRoutes);
      await api.register(budgetAnalysisRoutes);
      await api.register(budgetRoutes);
      await api.register(auditRoutes);
      await api.register(jobRoutes);
      await api.register(reportRoutes);
      await api.register(codelistRoutes);
      await api.register(apiTokenRoutes);
      await api.register(sharingRoutes);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  if (opts.webRoot) await app.register(webPlugin, { root: opts.webRoot });
  return app;
}
