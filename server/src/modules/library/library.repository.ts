import type { Database } from '../../db/database.js';
import type { LibraryIndicatorsTable } from '../../db/schema.js';
import { containsText } from '../../lib/sql.js';

export type LibraryRow = LibraryIndicatorsTable & { organisation_name: string };

const base = (db: Database) =>
  db
    .selectFrom('library_indicators')
    .innerJoin('organisations', 'organisations.id', 'library_indicators.organisation_id')
    .selectAll('library_indicators')
    .select('organisations.name as organisation_name');

export const findEntry = (db: Database, id: string): Promise<LibraryRow | undefined> => base(db).where('library_indicators.id', '=', id).executeTakeFirst();

export const findEntryByCode = (db: Database, organisationId: string, code: string) =>
  db.selectFrom('library_indicators').select('id').where('organisation_id', '=', organisationId).where('code', '=', code).executeTakeFirst();

export interface LibraryFilter {
  organisationIds: string[];
  q?: string | undefined;
  includeArchived: boolean;
}

/** Entries of some organisations, by organisation name then code. */
export function listEntries(db: Database, f: LibraryFilter): Promise<LibraryRow[]> {
  let q = base(db).where('library_indicators.organisation_id', 'in', f.organisationIds.length ? f.organisationIds : ['']);
  if (!f.includeArchived) q = q.where('library_indicators.archived', '=', 0);
  if (f.q) {
    const term = f.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('library_indicators.code'), term), containsText(eb.ref('library_indicators.name'), term)]));
  }
  return q.orderBy('organisations.name').orderBy('library_indicators.code').execute();
}

/** How many indicators (project and programme) stay linked to each entry. */
export async function adoptedCounts(db: Database, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('indicators')
    .select(['library_indicator_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('library_indicator_id', 'in', ids)
    .groupBy('library_indicator_id')
    .execute();
  return new Map(rows.map((r) => [r.library_indicator_id!, Number(r.n)]));
}

export const insertEntry = (db: Database, row: LibraryIndicatorsTable) => db.insertInto('library_indicators').values(row).execute();

export const updateEntry = (db: Database, id: string, patch: Partial<LibraryIndicatorsTable>) =>
  db.updateTable('library_indicators').set(patch).where('id', '=', id).execute();

export const deleteEntry = (db: Database, id: string) => db.deleteFrom('library_indicators').where('id', '=', id).execute();

/** The lead, implementing and donor organisations of a project. */
export const projectOrganisationIds = (db: Database, projectId: string) =>
  db
    .selectFrom('project_organisations')
    .select('organisation_id')
    .where('project_id', '=', projectId)
    .execute()
    .then((rows) => rows.map((r) => r.organisation_id));

/** The organisations taking part in any project of a programme. */
export const programmeOrganisationIds = (db: Database, programmeId: string) =>
  db
    .selectFrom('project_organisations')
    .innerJoin('projects', 'projects.id', 'project_organisations.project_id')
    .select('project_organisations.organisation_id')
    .distinct()
    .where('projects.programme_id', '=', programmeId)
    .execute()
    .then((rows) => rows.map((r) => r.organisation_id));
