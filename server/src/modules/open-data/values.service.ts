import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Job } from '@shared/schemas/jobs.js';
import { type CreateValuesExport, VALUES_EXPORT_JOB, type ValuesExportPayload, type ValuesHxlQuery } from '@shared/schemas/open-data.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { invalid, notFound } from '../../lib/errors.js';
import { factScopes } from '../analytics/analytics-access.js';
import { recordAudit } from '../audit/audit.repository.js';
import { enqueueJob, getJob } from '../jobs/jobs.service.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { valuesCsvStream } from './values.files.js';
import { prepareValuesExport, type ValuesPlan } from './values.rows.js';

/**
 * Who may export a project's values, and which: anyone who may see the project's figures (the
 * IPTT's and pivots' rule, analytics-access.ts), limited to their own organisation's packages when
 * that is all they may see; approved packages, and submitted ones only when asked for by a reader
 * allowed to see them, marked in the status column. A project the reader cannot see is a 404.
 */
export async function valuesPlan(
  ctx: Ctx,
  projectId: string,
  q: { from?: string | null | undefined; to?: string | null | undefined; includePending: boolean },
  where: 'querystring' | 'body',
): Promise<ValuesPlan & { projectCode: string; organisationOfProject: string }> {
  if (q.from && q.to && q.to < q.from) throw invalid({ field: `${where}.to`, reason: 'end_before_start' });
  const project = await loadVisibleProject(ctx, projectId);
  const [scope] = await factScopes(ctx, [projectId]);
  if (!scope) throw notFound();
  return {
    projectId,
    projectCode: project.code,
    organisationOfProject: project.organisation_id,
    locale: ctx.locale,
    organisationId: scope.organisationId,
    includePending: q.includePending && scope.pendingAllowed,
    from: q.from ?? null,
    to: q.to ?? null,
  };
}

/** A name any file system and any Content-Disposition reader accepts. */
export const safeName = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'project';

export const valuesFileName = (projectCode: string, extension: string, date: string) => `fieldbook-values-${safeName(projectCode)}-${date}.${extension}`;

/** `GET /projects/:id/values.hxl.csv`: the values as HXL CSV, streamed as they are read. */
export async function valuesHxlCsv(ctx: Ctx, projectId: string, q: z.infer<typeof ValuesHxlQuery>): Promise<{ filename: string; stream: Readable }> {
  const plan = await valuesPlan(ctx, projectId, q, 'querystring');
  const values = await prepareValuesExport(ctx.db, plan);
  return {
    filename: valuesFileName(plan.projectCode, 'hxl.csv', new Date().toISOString().slice(0, 10)),
    stream: valuesCsvStream(values.rows(), values.labels, true),
  };
}

/**
 * `POST /projects/:id/exports`: queues a `values.export` job for a reader who may see the project's
 * figures, in the same transaction as its audit entry. The job decides access again when it runs.
 */
export async function startValuesExport(ctx: Ctx, projectId: string, body: CreateValuesExport): Promise<Job> {
  const plan = await valuesPlan(ctx, projectId, body, 'body');
  const payload: ValuesExportPayload = { projectId, format: body.format, from: plan.from, to: plan.to, includePending: plan.includePending };
  return inTransaction(ctx, async (tx) => {
    const id = await enqueueJob(tx, { kind: VALUES_EXPORT_JOB, payload, organisationId: plan.organisationOfProject });
    await recordAudit(tx, { action: 'values_export.create', entityType: 'job', entityId: id, organisationId: plan.organisationOfProject, after: payload });
    return getJob(tx, id);
  });
}
