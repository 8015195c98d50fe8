import type { Database } from '../../db/database.js';
import type { ProgrammesTable } from '../../db/schema.js';
import { containsText } from '../../lib/sql.js';

const withCounts = (db: Database) =>
  db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.organisation_id')
    .selectAll('programmes')
    .select('organisations.name as organisation_name')
    .select((eb) =>
      eb.selectFrom('projects').select((e) => e.fn.countAll<number>().as('n')).whereRef('projects.programme_id', '=', 'programmes.id').as('project_count'),
    );

export type ProgrammeRow = ProgrammesTable & { organisation_name: string; project_count: number | null };

export const findProgramme = (db: Database, id: string): Promise<ProgrammeRow | undefined> =>
  withCounts(db).where('programmes.id', '=', id).executeTakeFirst();

export interface ProgrammeFilter {
  ids: string[] | null;
  q?: string | undefined;
  organisationId?: string | undefined;
}

function filtered(query: ReturnType<typeof withCounts>, f: ProgrammeFilter) {
  let q = query;
  if (f.ids) q = q.where('programmes.id', 'in', f.ids.length ? f.ids : ['']);
  if (f.organisationId) q = q.where('programmes.organisation_id', '=', f.organisationId);
  if (f.q) {
    const term = f.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('programmes.name'), term), containsText(eb.ref('programmes.code'), term)]));
  }
  return q;
}

export async function listProgrammes(db: Database, f: ProgrammeFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filtered(withCounts(db), f).orderBy('programmes.name').orderBy('programmes.id').limit(limit).offset(offset).execute(),
    filtered(withCounts(db), f).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findProgrammeByCode = (db: Database, organisationId: string, code: string) =>
  db.selectFrom('programmes').select('id').where('organisation_id', '=', organisationId).where('code', '=', code).executeTakeFirst();

export const insertProgramme = (db: Database, row: ProgrammesTable) => db.insertInto('programmes').values(row).execute();

export const updateProgramme = (db: Database, id: string, patch: Partial<ProgrammesTable>) =>
  db.updateTable('programmes').set(patch).where('id', '=', id).execute();
