import type { Database } from '../db/database.js';
import { buildOrganisation, buildResultNode, buildUser } from './factories.js';
import { buildReportingWorld } from './reporting-factories.js';

/**
 * The reporting world (lead, partner PTR and other OTH organisations on a project running
 * 2025-03-15 – 2026-12-31, a me_officer manager, a viewer, reporters of each organisation, two
 * places) with an activity-level result node `1.1.1` and an outsider who cannot see the project.
 */
export async function buildWorkPlanWorld(db: Database) {
  const w = await buildReportingWorld(db);
  await db.updateTable('projects').set({ start_date: '2025-03-15' }).where('id', '=', w.project.id).execute();
  const outcome = await buildResultNode(db, { projectId: w.project.id, level: 1, code: '1', title: 'Markets work for smallholders' });
  const output = await buildResultNode(db, { projectId: w.project.id, parentId: outcome.id, level: 2, code: '1.1', title: 'Market forums held' });
  const activityNode = await buildResultNode(db, { projectId: w.project.id, parentId: output.id, level: 3, code: '1.1.1', title: 'Run market forums' });
  const stranger = await buildOrganisation(db, { acronym: 'STR' });
  const outsider = await buildUser(db, { organisationId: stranger.id, grants: [] });
  return { ...w, outcome, output, activityNode, users: { ...w.users, outsider } };
}
export type WorkPlanWorld = Awaited<ReturnType<typeof buildWorkPlanWorld>>;
