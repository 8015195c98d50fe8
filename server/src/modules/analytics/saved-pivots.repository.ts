import type { Database } from '../../db/database.js';
import type { SavedPivotsTable } from '../../db/schema.js';

/** Saved pivots with their owner's name. */
const withOwner = (db: Database) =>
  db.selectFrom('saved_pivots as s').innerJoin('users as u', 'u.id', 's.owner_id').selectAll('s').select('u.name as owner_name');

export type SavedPivotRow = SavedPivotsTable & { owner_name: string };

export const findSavedPivot = (db: Database, id: string): Promise<SavedPivotRow | undefined> => withOwner(db).where('s.id', '=', id).executeTakeFirst();

/** The user's own pivots and those shared in their organisation, by name. */
export const listSavedPivots = (db: Database, userId: string, organisationId: string): Promise<SavedPivotRow[]> =>
  withOwner(db)
    .where((eb) => eb.or([eb('s.owner_id', '=', userId), eb.and([eb('s.organisation_id', '=', organisationId), eb('s.shared', '=', 1)])]))
    .orderBy('s.name')
    .orderBy('s.created_at')
    .execute();

export const insertSavedPivot = (db: Database, row: SavedPivotsTable) => db.insertInto('saved_pivots').values(row).execute();

export const updateSavedPivot = (db: Database, id: string, patch: Partial<SavedPivotsTable>) =>
  db.updateTable('saved_pivots').set(patch).where('id', '=', id).execute();

export const deleteSavedPivot = (db: Database, id: string) => db.deleteFrom('saved_pivots').where('id', '=', id).execute();
