import { optionIdsOf } from '@shared/domain/disaggregations.js';
import { isApproved, type SubmissionStatus } from '@shared/domain/submission-status.js';
import type { IndicatorValuesQuery, ReportedValuesSchema } from '@shared/schemas/reporting.js';
import type { z } from 'zod';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { indicatorAccess } from '../results/framework-access.js';
import { projectReporting, submissionRights } from './reporting-access.js';
import * as repo from './reported-values.repository.js';

type ReportedValues = z.infer<typeof ReportedValuesSchema>;

/**
 * An indicator's reported values as later tables read them: approved values of every package the
 * reader may see and, on request, the others marked pending — only for readers who may see
 * packages before approval (managers, and reporters for their own organisation). A programme
 * indicator has no reported values of its own.
 */
export async function reportedValues(ctx: Ctx, indicatorId: string, q: z.infer<typeof IndicatorValuesQuery>): Promise<ReportedValues> {
  return inTransaction(ctx, async (tx) => {
    const { access: framework } = await indicatorAccess(tx, indicatorId, false);
    if (!framework.projectId) return { items: [], includesPending: false };
    const access = await projectReporting(tx, framework.projectId);
    const includesPending = q.includePending && (access.canManage || access.canReport);
    const rows = await repo.valuesOfIndicator(tx.db, indicatorId);
    const items = rows.flatMap((r) => {
      const approved = isApproved(r.status as SubmissionStatus);
      if (!approved && !includesPending) return [];
      if (!submissionRights(tx, access, r, r.round_status === 'open').canSee) return [];
      return [{
        submissionId: r.submission_id,
        roundId: r.round_id,
        periodKey: r.period_key,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        organisation: { id: r.organisation_id, name: r.organisation_name, acronym: r.organisation_acronym },
        locationId: r.location_id,
        optionIds: optionIdsOf(r.disaggregation_key),
        value: r.value === null ? null : Number(r.value),
        numerator: r.numerator === null ? null : Number(r.numerator),
        denominator: r.denominator === null ? null : Number(r.denominator),
        text: r.text_value,
        status: approved ? ('approved' as const) : ('pending' as const),
      }];
    });
    return { items, includesPending };
  });
}
