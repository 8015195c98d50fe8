import type { Locale } from '@shared/locales.js';
import { IpttQuery } from '@shared/schemas/monitoring.js';
import { REPORT_FORMATS, type ReportFormat } from '@shared/schemas/reports.js';
import type { SharedView } from '@shared/schemas/sharing.js';
import type { Granularity } from '@shared/schemas/monitoring.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { sha256 } from '../../lib/ids.js';
import type { Actor } from '../access/actor.js';
import { getIptt } from '../analytics/iptt.service.js';
import { readReportFile } from '../reports/reports.files.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getProject, loadVisibleProject } from '../projects/projects.service.js';
import { organisationName } from '../users/users.repository.js';
import { linkStatus } from './sharing.mapper.js';
import * as repo from './sharing.repository.js';
import { recordMiss, refuseWhenThrottled } from './sharing.throttle.js';

/**
 * What a share link shows to whoever holds it, without an account. An unknown, expired or revoked
 * token, or a report that is gone, is the same 404 as any missing thing (no oracle), and counts as a
 * miss towards the address's throttle. Every access is counted on the link and audited with the
 * visitor's address.
 *
 * The reading is done by the ordinary services acting as a synthetic actor holding exactly one
 * grant: viewer on the link's project. A viewer sees every organisation's approved figures of that
 * project and never pending ones (analytics-access.ts), and no other project exists for it.
 */

export interface Visit {
  db: Database;
  ip: string;
  requestId: string;
  locale: Locale;
}

const formatRank = (format: string) => (REPORT_FORMATS as readonly string[]).indexOf(format);

/** The only identity a link ever acts as: it owns no user row, so the audit keeps no user id for it. */
export const linkActor = (link: Pick<repo.ShareLinkRow, 'project_id' | 'label'>): Actor => ({
  userId: '',
  email: '',
  name: `Share link “${link.label}”`,
  organisationId: '',
  locale: null,
  grants: [{ role: 'viewer', scopeType: 'project', scopeId: link.project_id }],
});

/** The live link of a token (and, for a report link, its finished report), or a 404 counted as a miss. */
async function openLink(visit: Visit, token: string) {
  const now = new Date();
  await refuseWhenThrottled(visit.db, visit.ip, now);
  const link = await repo.findShareLinkByHash(visit.db, sha256(token));
  const report = link?.report_id ? await repo.findReport(visit.db, link.report_id) : undefined;
  const usable = !!link && linkStatus(link, now.toISOString()) === 'active' && (link.kind === 'project' || report?.status === 'done');
  if (!usable) {
    await recordMiss(visit.db, visit.ip, now);
    throw notFound();
  }
  const ctx: Ctx = { db: visit.db, actor: linkActor(link), requestId: visit.requestId, ip: visit.ip, locale: visit.locale };
  return { link, report, ctx };
}

async function countAccess(ctx: Ctx, link: repo.ShareLinkRow, organisationId: string, what: { file?: ReportFormat }) {
  await inTransaction(ctx, async (tx) => {
    await repo.countAccess(tx.db, link.id, nowIso());
    await recordAudit(tx, {
      action: 'share_link.accessed',
      entityType: 'share_link',
      entityId: link.id,
      organisationId,
      after: { kind: link.kind, label: link.label, projectId: link.project_id, reportId: link.report_id, ...(what.file ? { file: what.file } : {}) },
    });
  });
}

export async function getSharedView(visit: Visit, token: string, granularity: Granularity): Promise<SharedView> {
  const { link, report, ctx } = await openLink(visit, token);
  const row = await loadVisibleProject(ctx, link.project_id);
  const p = await getProject(ctx, link.project_id);
  const common = {
    organisationName: await organisationName(ctx.db, row.organisation_id),
    label: link.label,
    expiresAt: link.expires_at,
    project: {
      code: p.code, title: p.title, description: p.description, startDate: p.startDate, endDate: p.endDate, countries: p.countries,
      donor: p.donor, leadOrganisation: p.leadOrganisation, implementingOrganisations: p.implementingOrganisations,
    },
  };
  let view: SharedView;
  if (link.kind === 'report' && report) {
    // In the order the report pages list them: Word, Excel, PDF.
    const files = (await repo.listReportFiles(ctx.db, report.id)).sort((a, b) => formatRank(a.format) - formatRank(b.format));
    view = {
      kind: 'report',
      ...common,
      report: { title: report.title, periodStart: report.period_start, periodEnd: report.period_end, language: report.language, finishedAt: report.finished_at },
      files: files.map((f) => ({
        format: f.format as ReportFormat,
        fileName: f.file_name,
        size: f.size,
        downloadUrl: `/api/shared/${encodeURIComponent(token)}/files/${f.format}`,
      })),
    };
  } else {
    // Never pending values: the query asks for none, and the link's viewer grant could not see them anyway.
    const iptt = await getIptt(ctx, IpttQuery.parse({ scope: 'project', id: link.project_id, granularity, includePending: 'false' }));
    view = { kind: 'project', ...common, iptt };
  }
  await countAccess(ctx, link, row.organisation_id, {});
  return view;
}

export async function getSharedFile(visit: Visit, token: string, format: ReportFormat) {
  const { link, report, ctx } = await openLink(visit, token);
  const file = report ? await readReportFile(ctx.db, report.id, format) : null;
  if (!report || !file) throw notFound();
  const project = await loadVisibleProject(ctx, link.project_id);
  await countAccess(ctx, link, project.organisation_id, { file: format });
  return file;
}
