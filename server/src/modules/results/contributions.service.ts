import type { z } from 'zod';
import type { IndicatorContributionsSchema } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { indicatorAccess } from './framework-access.js';
import { toProgrammeIndicatorRef } from './results.mapper.js';
import * as repo from './results.repository.js';

/** The project indicators rolling up into a programme indicator, among the projects the actor can see. */
export async function listContributions(ctx: Ctx, indicatorId: string): Promise<z.infer<typeof IndicatorContributionsSchema>> {
  return inTransaction(ctx, async (tx) => {
    await indicatorAccess(tx, indicatorId, false);
    const rows = await repo.contributionsTo(tx.db, indicatorId, await visibleProjectIds(tx.db, tx.actor));
    return {
      items: rows.map((r) => ({ indicator: toProgrammeIndicatorRef(r), project: { id: r.project_id, code: r.project_code, title: r.project_title } })),
    };
  });
}

/**
 * Clears the roll-up links of every project indicator that points at the given (programme)
 * indicators, which are about to be deleted, and audits each: otherwise the database would
 * clear them silently and the project indicators' histories would not say why.
 * Call inside the deleting transaction; `organisationId` is the programme's organisation.
 */
export async function clearContributionsTo(ctx: Ctx, indicatorIds: string[], organisationId: string, note: string): Promise<number> {
  const contributors = await repo.contributorsOf(ctx.db, indicatorIds);
  for (const c of contributors) {
    await repo.updateIndicator(ctx.db, c.id, { contributes_to_id: null, updated_at: nowIso() });
    await recordAudit(ctx, {
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: c.id,
      organisationId,
      before: { contributesToId: c.contributes_to_id },
      after: { contributesToId: null },
      note,
    });
  }
  return contributors.length;
}
