import type { z } from 'zod';
import { isEditable, type SubmissionStatus } from '@shared/domain/submission-status.js';
import type { CreateRoundBody, Round, UpdateRoundBody } from '@shared/schemas/reporting.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { uniqueViolation } from '../../lib/db-errors.js';
import { AppError, conflict, type DetailInput, forbidden, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { projectReporting } from './reporting-access.js';
import { auditableRound } from './rounds.mapper.js';
import * as repo from './rounds.repository.js';
import { checkDueDate, checkIndicators, checkReporters, type ReporterSetting, samePlaces } from './rounds.rules.js';
import { loadRound, projectPeriods, roundViews } from './rounds.service.js';

const dedupe = (ids: string[]) => [...new Set(ids)];

/** What a round may name on its project: organisations taking part, places, framework indicators. */
async function projectSetting(ctx: Ctx, projectId: string, ownerId: string) {
  const [organisations, locations, indicators] = await Promise.all([
    repo.projectOrganisations(ctx.db, projectId, ownerId),
    repo.projectLocations(ctx.db, projectId),
    repo.frameworkIndicators(ctx.db, projectId),
  ]);
  return {
    organisationIds: new Set(organisations.map((o) => o.id)),
    locationIds: new Set(locations.map((l) => l.id)),
    indicatorIds: indicators.map((i) => i.id),
  };
}

/** A new draft package for an organisation, with its places. */
async function addPackage(ctx: Ctx, roundId: string, r: ReporterSetting, at: string): Promise<string> {
  const id = newId();
  await repo.insertSubmission(ctx.db, {
    id, round_id: roundId, organisation_id: r.organisationId, status: 'draft', version: 1,
    // The reporter may write narratives in another language; S2's save names it.
    source_language: 'en',
    submitted_at: null, submitted_by: null, decided_at: null, decided_by: null, created_at: at, updated_at: at,
  });
  await repo.replaceSubmissionLocations(ctx.db, id, r.locationIds);
  return id;
}

const reportersOf = (body: { reporters?: { organisationId: string; locationIds?: string[] }[] | undefined }): ReporterSetting[] =>
  (body.reporters ?? []).map((r) => ({ organisationId: r.organisationId, locationIds: dedupe(r.locationIds ?? []) }));

/** Opens a round: the round, its indicators and one draft package per reporting organisation, in one transaction. */
export async function createRound(ctx: Ctx, projectId: string, body: z.infer<typeof CreateRoundBody>): Promise<Round> {
  return inTransaction(ctx, async (tx) => {
    const access = await projectReporting(tx, projectId);
    if (!access.canManage) throw forbidden();
    const setting = await projectSetting(tx, projectId, access.project.organisation_id);
    const period = (await projectPeriods(tx, access.project)).find((p) => p.type === body.periodType && p.key === body.periodKey);
    const reporters = reportersOf(body);
    const indicatorIds = body.indicatorIds ? dedupe(body.indicatorIds) : setting.indicatorIds;
    const problems: DetailInput[] = [
      ...(period ? checkDueDate(body.dueDate, period.start) : [{ field: 'body.periodKey', reason: 'unknown_round_period', params: { period: body.periodKey } }]),
      ...checkIndicators(indicatorIds, new Set(setting.indicatorIds)),
      ...checkReporters(reporters, setting),
    ];
    if (problems.length || !period) throw invalid(...problems);
    if ((await repo.periodKeysOfProject(tx.db, projectId)).has(period.key)) throw conflict('body.periodKey');

    const now = nowIso();
    const row = {
      id: newId(), project_id: projectId, period_type: body.periodType, period_key: period.key, period_start: period.start, period_end: period.end,
      due_date: body.dueDate, title: body.title, status: 'open', created_by: ctx.actor.userId, created_at: now, updated_at: now,
    };
    try {
      await repo.insertRound(tx.db, row);
    } catch (err) {
      // Two managers opening the same period at once: the unique key answers for the slower one.
      if (uniqueViolation(err)) throw conflict('body.periodKey');
      throw err;
    }
    await repo.insertRoundIndicators(tx.db, row.id, indicatorIds);
    for (const r of reporters) await addPackage(tx, row.id, r, now);
    await recordAudit(tx, {
      action: 'reporting_round.create',
      entityType: 'reporting_round',
      entityId: row.id,
      organisationId: access.project.organisation_id,
      after: auditableRound(row, Object.fromEntries(reporters.map((r) => [r.organisationId, r.locationIds])), indicatorIds),
    });
    const [view] = await roundViews(tx, access, [{ ...row, project_code: access.project.code, project_title: access.project.title }]);
    return view!;
  });
}

/** A manager's round (403 when the reader sees it but does not manage it). */
async function loadManagedRound(ctx: Ctx, roundId: string) {
  const loaded = await loadRound(ctx, roundId);
  if (!loaded.access.canManage) throw forbidden();
  return loaded;
}

const placesByOrganisation = (view: Round) => Object.fromEntries(view.submissions.map((s) => [s.organisation.id, s.locationIds]));

/**
 * Changes a round's due date, title or status, adds organisations (new draft packages) or changes
 * the places of packages still editable. A package handed in keeps its places; a place holding
 * values cannot be taken away.
 */
export async function updateRound(ctx: Ctx, roundId: string, body: z.infer<typeof UpdateRoundBody>): Promise<Round> {
  return inTransaction(ctx, async (tx) => {
    const { row, access, view } = await loadManagedRound(tx, roundId);
    const setting = await projectSetting(tx, row.project_id, access.project.organisation_id);
    const reporters = reportersOf(body);
    const existing = new Map(view.submissions.map((s) => [s.organisation.id, s]));
    const problems: DetailInput[] = [...(body.dueDate ? checkDueDate(body.dueDate, row.period_start) : []), ...checkReporters(reporters, setting)];
    const changed: { id: string; r: ReporterSetting }[] = [];
    for (const [i, r] of reporters.entries()) {
      const current = existing.get(r.organisationId);
      if (!current || samePlaces(current.locationIds, r.locationIds)) continue;
      const field = `body.reporters.${i}.locationIds`;
      if (!isEditable(current.status as SubmissionStatus)) {
        problems.push({ field, reason: 'package_not_editable', params: { status: current.status } });
        continue;
      }
      const kept = new Set(r.locationIds);
      const stranded = (await repo.valueLocations(tx.db, current.id)).filter((l) => (l === null ? r.locationIds.length > 0 : !kept.has(l)));
      if (stranded.length) problems.push({ field, reason: 'location_has_values' });
      else changed.push({ id: current.id, r });
    }
    if (problems.length) throw invalid(...problems);

    const now = nowIso();
    const next = { due_date: body.dueDate ?? row.due_date, title: body.title ?? row.title, status: body.status ?? row.status };
    await repo.updateRound(tx.db, roundId, { ...next, updated_at: now });
    for (const { id, r } of changed) {
      await repo.replaceSubmissionLocations(tx.db, id, r.locationIds);
      await repo.touchSubmission(tx.db, id, now);
    }
    for (const r of reporters.filter((x) => !existing.has(x.organisationId))) await addPackage(tx, roundId, r, now);

    const [after] = await roundViews(tx, access, [{ ...row, ...next, updated_at: now }]);
    await recordAudit(tx, {
      action: 'reporting_round.update',
      entityType: 'reporting_round',
      entityId: roundId,
      organisationId: access.project.organisation_id,
      before: auditableRound(row, placesByOrganisation(view)),
      after: auditableRound({ ...row, ...next }, placesByOrganisation(after!)),
    });
    return after!;
  });
}

/** Deletes a round nobody has reported in yet (no values, never submitted). */
export async function deleteRound(ctx: Ctx, roundId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row, access, view } = await loadManagedRound(tx, roundId);
    if (await repo.roundHasData(tx.db, roundId)) throw new AppError('conflict', [{ field: 'round', reason: 'round_has_data' }]);
    await repo.deleteRound(tx.db, roundId);
    await recordAudit(tx, {
      action: 'reporting_round.delete',
      entityType: 'reporting_round',
      entityId: roundId,
      organisationId: access.project.organisation_id,
      before: auditableRound(row, placesByOrganisation(view), view.indicatorIds),
    });
  });
}
