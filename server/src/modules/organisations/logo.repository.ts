import type { Database } from '../../db/database.js';
import type { OrganisationLogosTable } from '../../db/schema.js';

export const findLogo = (db: Database, organisationId: string): Promise<OrganisationLogosTable | undefined> =>
  db.selectFrom('organisation_logos').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();

/** One logo per organisation: the new one replaces the old (delete then insert behaves the same on both databases). */
export async function replaceLogo(db: Database, row: OrganisationLogosTable): Promise<void> {
  await db.deleteFrom('organisation_logos').where('organisation_id', '=', row.organisation_id).execute();
  await db.insertInto('organisation_logos').values(row).execute();
}

export async function deleteLogo(db: Database, organisationId: string): Promise<boolean> {
  const res = await db.deleteFrom('organisation_logos').where('organisation_id', '=', organisationId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
