import type { Database } from '../../db/database.js';
import { rebuildAnalytics } from '../../modules/analytics/facts.js';
import { recordAudit } from '../../modules/audit/audit.repository.js';
import { type Out, systemCtx } from '../runtime.js';

/**
 * Recomputes the analytics facts from every submitted and approved package, in one transaction:
 * readers see the old figures until it commits, never a half-built table. Audited.
 */
export async function rebuildAnalyticsCommand(db: Database, out: Out): Promise<{ packages: number; facts: number }> {
  const started = Date.now();
  let lastShown = 0;
  const result = await db.transaction().execute(async (trx) => {
    const r = await rebuildAnalytics(trx, (done, total) => {
      if (Date.now() - lastShown > 2000 || done === total) {
        lastShown = Date.now();
        out(`${done} of ${total} packages…`);
      }
    });
    await recordAudit(systemCtx(trx, 'rebuild-analytics'), { action: 'analytics.rebuild', entityType: 'analytics', entityId: null, organisationId: null, after: r });
    return r;
  });
  out(`Rebuilt ${result.facts} facts from ${result.packages} submitted or approved packages in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return result;
}
