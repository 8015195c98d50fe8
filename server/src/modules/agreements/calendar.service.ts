import { MAX_CALENDAR_DAYS, MAX_REPORT_DUE_DAYS, type ReportCalendar, type ReportCalendarQuery } from '@shared/schemas/agreements.js';
import type { z } from 'zod';
import type { Ctx } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { hasRole, projectChain } from '../access/access.policy.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { todayUtc } from '../reporting/rounds.mapper.js';
import { termsOf, toCalendarItem, toReportDue } from './agreements.mapper.js';
import { AGREEMENT_MANAGERS } from './agreements.service.js';
import * as repo from './agreements.repository.js';
import { addDays, reportPeriods } from './report-periods.js';

/**
 * The report calendar: for every agreement of every project the reader can see (or of one
 * project), the reports whose period or due date falls in [from, to], with their status.
 */
export async function reportCalendar(ctx: Ctx, q: z.infer<typeof ReportCalendarQuery>): Promise<ReportCalendar> {
  if (q.to < q.from) throw invalid({ field: 'querystring.to', reason: 'end_before_start' });
  if (q.to > addDays(q.from, MAX_CALENDAR_DAYS)) throw invalid({ field: 'querystring.to', reason: 'range_too_long', params: { maximum: MAX_CALENDAR_DAYS } });

  let projectIds: string[] | null;
  if (q.projectId) {
    await loadVisibleProject(ctx, q.projectId);
    projectIds = [q.projectId];
  } else {
    projectIds = await visibleProjectIds(ctx.db, ctx.actor);
  }
  // A report due in the window may be for a period that ended up to MAX_REPORT_DUE_DAYS before it.
  const rows = await repo.agreementsOverlapping(ctx.db, projectIds, addDays(q.from, -MAX_REPORT_DUE_DAYS), q.to);
  const reports = await repo.finishedReports(ctx.db, rows);
  const today = todayUtc();
  const items = rows.flatMap((r) => {
    const own = reports.filter((x) => x.agreement_id === r.id);
    const canManage = hasRole(ctx.actor, AGREEMENT_MANAGERS, projectChain({ id: r.project_id, programmeId: r.programme_id, organisationId: r.owner_id }));
    return reportPeriods(termsOf(r), r.fy_start_month, q).map((p) => toCalendarItem(r, toReportDue(p, own, today), canManage));
  });
  items.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.project.code.localeCompare(b.project.code) ||
      a.agreementNumber.localeCompare(b.agreementNumber) ||
      a.periodStart.localeCompare(b.periodStart),
  );
  return { from: q.from, to: q.to, today, items };
}
