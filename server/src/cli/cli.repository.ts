import type { Database } from '../db/database.js';

/** Lookups by the names an operator types: ids, names, acronyms and codes. */

export const organisationsMatching = (db: Database, key: string) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym'])
    .where((eb) =>
      eb.or([
        eb('id', '=', key),
        eb(eb.fn('lower', ['name']), '=', key.toLowerCase()),
        eb(eb.fn('lower', ['acronym']), '=', key.toLowerCase()),
      ]),
    )
    .orderBy('name')
    .execute();

export const programmesMatching = (db: Database, key: string) =>
  db
    .selectFrom('programmes')
    .select(['id', 'name', 'code'])
    .where((eb) => eb.or([eb('id', '=', key), eb('code', '=', key)]))
    .orderBy('name')
    .execute();

export const projectsMatching = (db: Database, key: string) =>
  db
    .selectFrom('projects')
    .select(['id', 'title as name', 'code'])
    .where((eb) => eb.or([eb('id', '=', key), eb('code', '=', key)]))
    .orderBy('title')
    .execute();
