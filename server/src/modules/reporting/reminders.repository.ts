import type { Database } from '../../db/database.js';

const EDITABLE = ['draft', 'returned', 'reopened'];
const orNone = (ids: string[]) => (ids.length ? ids : ['']);

/** Packages not yet handed in, in open rounds due on or before `horizon`, with what a reminder names. */
export const packagesToRemind = (db: Database, horizon: string) =>
  db
    .selectFrom('submissions as s')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id as submission_id', 's.organisation_id', 'o.name as organisation_name', 'r.id as round_id', 'r.period_key', 'r.due_date',
      'p.id as project_id', 'p.code as project_code', 'p.title as project_title', 'p.programme_id', 'pg.organisation_id as owner_id',
    ])
    .where('r.status', '=', 'open')
    .where('s.status', 'in', EDITABLE)
    .where('r.due_date', '<=', horizon)
    .orderBy('r.due_date')
    .orderBy('s.id')
    .execute();
export type PackageToRemind = Awaited<ReturnType<typeof packagesToRemind>>[number];

/** Reminders already sent for some rounds, as `round|organisation|kind`. */
export async function sentReminders(db: Database, roundIds: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('round_reminders').select(['round_id', 'organisation_id', 'kind']).where('round_id', 'in', orNone([...new Set(roundIds)])).execute();
  return new Set(rows.map((r) => `${r.round_id}|${r.organisation_id}|${r.kind}`));
}

/**
 * Claims a reminder: the insert is the lock, so of several app servers sweeping at once exactly
 * one gets it (the primary key refuses the others, quietly on both databases).
 */
export async function claimReminder(db: Database, r: { round_id: string; organisation_id: string; kind: string; sent_at: string }): Promise<boolean> {
  const result = await db.insertInto('round_reminders').values({ ...r, emailed: 0 }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const setEmailed = (db: Database, r: { round_id: string; organisation_id: string; kind: string }, emailed: number) =>
  db
    .updateTable('round_reminders')
    .set({ emailed })
    .where('round_id', '=', r.round_id)
    .where('organisation_id', '=', r.organisation_id)
    .where('kind', '=', r.kind)
    .execute();

/** Active users of some organisations with a reporting role, and the grants that give it. */
export const reportingUsers = (db: Database, organisationIds: string[], roles: readonly string[]) =>
  db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale', 'u.organisation_id', 'm.role', 'm.scope_type', 'm.scope_id'])
    .where('u.organisation_id', 'in', orNone([...new Set(organisationIds)]))
    .where('u.disabled', '=', 0)
    .where('m.role', 'in', [...roles])
    .orderBy('u.email')
    .execute();
