import { periodsBetween } from '@shared/domain/periods.js';
import type { SubmissionStatus } from '@shared/domain/submission-status.js';
import type { Database } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { buildIndicator, buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from './factories.js';

/**
 * Field-reporting factories (issue 4), written straight to the database like factories.ts, so a
 * test builds rounds and packages in any status without going through the review routes.
 */

export interface ReporterInput {
  organisationId: string;
  locationIds?: string[];
  status?: SubmissionStatus;
  /** Who submitted it (set with any status past draft). */
  submittedBy?: string | null;
  decidedBy?: string | null;
}

export interface BuildRoundOptions {
  projectId: string;
  reporters: ReporterInput[];
  periodType?: 'month' | 'quarter' | 'semester' | 'year';
  /** Default: the first period of the type in the project's dates (calendar fiscal year). */
  periodKey?: string;
  dueDate?: string;
  title?: string;
  status?: 'open' | 'closed';
  /** Default: every indicator of the project's framework. */
  indicatorIds?: string[];
  createdBy?: string;
  fyStartMonth?: number;
}

/** A round with its indicators and one package per reporter (with its locations). */
export async function buildRound(db: Database, o: BuildRoundOptions) {
  const project = await db.selectFrom('projects').select(['start_date', 'end_date']).where('id', '=', o.projectId).executeTakeFirstOrThrow();
  const periodType = o.periodType ?? 'quarter';
  const periods = periodsBetween(project.start_date, project.end_date, periodType, o.fyStartMonth ?? 1);
  const period = o.periodKey ? periods.find((p) => p.key === o.periodKey) : periods[0];
  if (!period) throw new Error(`No ${periodType} period ${o.periodKey ?? ''} in the project's dates`);
  const now = nowIso();
  const round = {
    id: newId(), project_id: o.projectId, period_type: periodType, period_key: period.key, period_start: period.start, period_end: period.end,
    due_date: o.dueDate ?? period.end, title: o.title ?? '', status: o.status ?? 'open', created_by: o.createdBy ?? newId(), created_at: now, updated_at: now,
  };
  await db.insertInto('reporting_rounds').values(round).execute();
  const indicatorIds =
    o.indicatorIds ??
    (
      await db
        .selectFrom('indicators')
        .innerJoin('results_frameworks', 'results_frameworks.id', 'indicators.framework_id')
        .select('indicators.id')
        .where('results_frameworks.project_id', '=', o.projectId)
        .execute()
    ).map((r) => r.id);
  if (indicatorIds.length) await db.insertInto('round_indicators').values(indicatorIds.map((id) => ({ round_id: round.id, indicator_id: id }))).execute();
  const submissions = [];
  for (const r of o.reporters) {
    const status = r.status ?? 'draft';
    const past = status !== 'draft';
    const row = {
      id: newId(), round_id: round.id, organisation_id: r.organisationId, status, version: 1, source_language: 'en',
      submitted_at: past ? now : null, submitted_by: past ? (r.submittedBy ?? null) : null,
      decided_at: status === 'approved' || status === 'returned' || status === 'reopened' ? now : null, decided_by: r.decidedBy ?? null,
      created_at: now, updated_at: now,
    };
    await db.insertInto('submissions').values(row).execute();
    const locationIds = r.locationIds ?? [];
    if (locationIds.length) await db.insertInto('submission_locations').values(locationIds.map((id) => ({ submission_id: row.id, location_id: id }))).execute();
    submissions.push({ ...row, locationIds });
  }
  return { round, indicatorIds, submissions };
}

/** One stored value (a total unless `disaggregationKey` is given). */
export async function buildValue(
  db: Database,
  o: { submissionId: string; indicatorId: string; locationId?: string | null; disaggregationKey?: string; value?: number | null; userId?: string },
) {
  const row = {
    id: newId(), submission_id: o.submissionId, indicator_id: o.indicatorId, location_id: o.locationId ?? null, disaggregation_key: o.disaggregationKey ?? '',
    value: o.value === undefined ? 1 : o.value, numerator: null, denominator: null, text_value: null, comment: '', updated_by: o.userId ?? newId(), updated_at: nowIso(),
  };
  await db.insertInto('indicator_values').values(row).execute();
  return row;
}

/** A status-change event on a package (the factory does not change the package's status). */
export async function buildSubmissionEvent(db: Database, o: { submissionId: string; userId: string; action?: string; from?: string; to?: string }) {
  const row = { id: newId(), submission_id: o.submissionId, action: o.action ?? 'submit', from_status: o.from ?? 'draft', to_status: o.to ?? 'submitted', comment: '', user_id: o.userId, at: nowIso() };
  await db.insertInto('submission_events').values(row).execute();
  return row;
}

/** A review comment on a package (or a value, with indicatorId). */
export async function buildReviewComment(db: Database, o: { submissionId: string; authorId: string; indicatorId?: string; resolved?: boolean }) {
  const now = nowIso();
  const row = {
    id: newId(), submission_id: o.submissionId, indicator_id: o.indicatorId ?? null, location_id: null, disaggregation_key: o.indicatorId ? '' : null,
    body: 'Please check', author_id: o.authorId, created_at: now, resolved_at: o.resolved ? now : null, resolved_by: o.resolved ? o.authorId : null,
  };
  await db.insertInto('review_comments').values(row).execute();
  return row;
}

/**
 * A ready-made reporting world: a lead organisation with a manager (M&E officer on the project)
 * and a viewer, an implementing partner with a partner reporter, a second partner with its own
 * reporter, two project locations (admin2 districts) and two indicators in the framework.
 */
export async function buildReportingWorld(db: Database) {
  const lead = await buildOrganisation(db);
  const partner = await buildOrganisation(db, { acronym: 'PTR' });
  const other = await buildOrganisation(db, { acronym: 'OTH' });
  const programme = await buildProgramme(db, { organisationId: lead.id });
  const project = await buildProject(db, { programmeId: programme.id, leadOrganisationId: lead.id, implementingOrganisationIds: [partner.id, other.id] });
  const onProject = (role: 'me_officer' | 'viewer' | 'partner_reporter' | 'reporter') => [{ role, scopeType: 'project' as const, scopeId: project.id }];
  const manager = await buildUser(db, { organisationId: lead.id, grants: onProject('me_officer') });
  const viewer = await buildUser(db, { organisationId: lead.id, grants: onProject('viewer') });
  const leadReporter = await buildUser(db, { organisationId: lead.id, grants: onProject('reporter') });
  const partnerReporter = await buildUser(db, { organisationId: partner.id, grants: onProject('partner_reporter') });
  const otherReporter = await buildUser(db, { organisationId: other.id, grants: onProject('partner_reporter') });
  const placeA = (await buildLocationTree(db)).admin2;
  const placeB = (await buildLocationTree(db)).admin2;
  await db.insertInto('project_locations').values([placeA, placeB].map((l) => ({ project_id: project.id, location_id: l.id }))).execute();
  const node = await buildResultNode(db, { projectId: project.id });
  const indicators = [await buildIndicator(db, { nodeId: node.id }), await buildIndicator(db, { nodeId: node.id })];
  return {
    lead, partner, other, programme, project, node, indicators, locations: [placeA, placeB],
    users: { manager, viewer, leadReporter, partnerReporter, otherReporter },
  };
}
export type ReportingWorld = Awaited<ReturnType<typeof buildReportingWorld>>;
