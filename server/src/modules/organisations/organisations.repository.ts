import type { Database } from '../../db/database.js';
import type { OrganisationsTable } from '../../db/schema.js';
import { containsText } from '../../lib/sql.js';

export const findOrganisation = (db: Database, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export async function listOrganisations(db: Database, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('organisations');
  if (q) query = query.where((eb) => eb.or([containsText(eb.ref('name'), q), containsText(eb.ref('acronym'), q)]));
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('name').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Another organisation with this name, compared as the unique index does (lower(name)) on each database. */
export const findOrganisationByName = (db: Database, name: string, exceptId?: string) => {
  let q = db.selectFrom('organisations').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
};

export const insertOrganisation = (db: Database, row: OrganisationsTable) => db.insertInto('organisations').values(row).execute();

export const updateOrganisation = (db: Database, id: string, patch: Partial<OrganisationsTable>) =>
  db.updateTable('organisations').set(patch).where('id', '=', id).execute();

export async function existingOrganisationIds(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
