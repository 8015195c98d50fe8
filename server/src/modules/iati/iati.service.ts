import type { Role } from '@shared/roles.js';
import type { Locale } from '@shared/locales.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { IatiCheck, IatiProjectCheck } from '@shared/schemas/iati.js';
import { nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { hasRole, projectChain } from '../access/access.policy.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import { toActivity } from './iati.activity.js';
import { checkBundle, type CheckProblem } from './iati.check.js';
import { loadBundles, type ProjectBundle } from './iati.load.js';
import * as repo from './iati.repository.js';
import { iatiMoney } from './iati.budgets.js';
import { activityResults } from './iati.results.js';
import { iatiActivitiesXml } from './iati.xml.js';

/**
 * Who publishes a project as IATI open data: its managers and M&E officers. Open data is published
 * by the organisation, so viewers, donors' readers and partners — who may read the project — may
 * not export it (403), and whoever cannot see a project gets 404 as for any project read.
 */
export const IATI_EXPORTERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];

async function exportable(ctx: Ctx, ids: readonly string[]): Promise<void> {
  const [visible, rows] = await Promise.all([visibleProjectIds(ctx.db, ctx.actor), repo.projectsByIds(ctx.db, ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id) || (visible !== null && !visible.includes(id)))) throw notFound();
  for (const r of rows) {
    if (!hasRole(ctx.actor, IATI_EXPORTERS, projectChain({ id: r.id, programmeId: r.programme_id, organisationId: r.organisation_id }))) throw forbidden();
  }
}

function projectCheck(b: ProjectBundle, problems: CheckProblem[], locale: Locale): IatiProjectCheck {
  return {
    projectId: b.project.id,
    code: b.project.code,
    title: b.project.title,
    iatiIdentifier: b.lead?.iati_identifier ? `${b.lead.iati_identifier}-${b.project.code}` : null,
    ready: !problems.some((p) => p.severity === 'error'),
    problems: problems.map((p) => ({ ...p, message: errorMessage(p.reason, locale, p.params) })),
  };
}

/** Per project, what IATI needs and it lacks (errors block the export; warnings do not). */
export async function checkIati(ctx: Ctx, ids: readonly string[]): Promise<IatiCheck> {
  await exportable(ctx, ids);
  const projects = (await loadBundles(ctx.db, ids)).map((b) => projectCheck(b, checkBundle(b), ctx.locale));
  return { ready: projects.every((p) => p.ready), projects };
}

export interface IatiFile {
  filename: string;
  content: string;
}

/**
 * One iati-activities document with an activity per project, or a validation error listing every
 * blocking problem (field `projects.<id>.<path>`) so that no invalid file leaves the server.
 */
export async function exportIati(ctx: Ctx, ids: readonly string[], language: Locale): Promise<IatiFile> {
  await exportable(ctx, ids);
  const bundles = await loadBundles(ctx.db, ids);
  const blocking = bundles.flatMap((b) =>
    checkBundle(b)
      .filter((p) => p.severity === 'error')
      .map((p) => ({ field: `projects.${b.project.id}.${p.field}`, reason: p.reason, params: { ...p.params, project: b.project.code } })),
  );
  if (blocking.length) throw new AppError('validation_failed', blocking);

  const generatedAt = nowIso();
  const today = generatedAt.slice(0, 10);
  const activities = [];
  for (const b of bundles) activities.push(toActivity(b, await activityResults(ctx, b, language, today), language, today, await iatiMoney(ctx.db, b.project.id, today)));
  const name = bundles.length === 1 ? safeName(bundles[0]!.project.code) : `${bundles.length}-activities`;
  return { filename: `fieldbook-iati-${name}-${today}.xml`, content: iatiActivitiesXml(activities, generatedAt) };
}

/** A name any file system and any Content-Disposition reader accepts. */
const safeName = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'project';
