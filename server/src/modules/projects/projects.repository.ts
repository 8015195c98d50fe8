import type { Database } from '../../db/database.js';
import type { ProjectsTable } from '../../db/schema.js';
import { containsText } from '../../lib/sql.js';

export type ProjectRow = ProjectsTable & { programme_name: string; organisation_id: string };

const base = (db: Database) =>
  db
    .selectFrom('projects')
    .innerJoin('programmes', 'programmes.id', 'projects.programme_id')
    .selectAll('projects')
    .select(['programmes.name as programme_name', 'programmes.organisation_id']);

export const findProject = (db: Database, id: string): Promise<ProjectRow | undefined> =>
  base(db).where('projects.id', '=', id).executeTakeFirst();

export interface ProjectFilter {
  ids: string[] | null;
  q?: string | undefined;
  programmeId?: string | undefined;
  status?: string | undefined;
  country?: string | undefined;
  organisationId?: string | undefined;
}

function filtered(db: Database, f: ProjectFilter) {
  let q = base(db);
  if (f.ids) q = q.where('projects.id', 'in', f.ids.length ? f.ids : ['']);
  if (f.programmeId) q = q.where('projects.programme_id', '=', f.programmeId);
  if (f.status) q = q.where('projects.status', '=', f.status);
  if (f.q) {
    const term = f.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('projects.title'), term), containsText(eb.ref('projects.code'), term)]));
  }
  if (f.country) {
    const country = f.country;
    q = q.where('projects.id', 'in', (eb) => eb.selectFrom('project_countries').select('project_id').where('country_code', '=', country));
  }
  if (f.organisationId) {
    const org = f.organisationId;
    q = q.where('projects.id', 'in', (eb) => eb.selectFrom('project_organisations').select('project_id').where('organisation_id', '=', org));
  }
  return q;
}

export async function listProjects(db: Database, f: ProjectFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filtered(db, f).orderBy('projects.title').orderBy('projects.id').limit(limit).offset(offset).execute(),
    filtered(db, f).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Countries, locations, sectors and organisations of several projects in four queries. */
export async function loadProjectLinks(db: Database, ids: string[]) {
  const none = ids.length ? ids : [''];
  const [countries, locations, sectors, organisations] = await Promise.all([
    db.selectFrom('project_countries').selectAll().where('project_id', 'in', none).orderBy('country_code').execute(),
    db
      .selectFrom('project_locations')
      .innerJoin('locations', 'locations.id', 'project_locations.location_id')
      .select(['project_locations.project_id', 'locations.id', 'locations.pcode', 'locations.name', 'locations.level'])
      .where('project_id', 'in', none)
      .orderBy('locations.pcode')
      .execute(),
    db.selectFrom('project_sectors').selectAll().where('project_id', 'in', none).orderBy('sector_code').execute(),
    db
      .selectFrom('project_organisations')
      .innerJoin('organisations', 'organisations.id', 'project_organisations.organisation_id')
      .select(['project_organisations.project_id', 'project_organisations.role', 'organisations.id', 'organisations.name', 'organisations.acronym'])
      .where('project_id', 'in', none)
      .orderBy('organisations.name')
      .execute(),
  ]);
  return { countries, locations, sectors, organisations };
}

export const findProjectByCode = (db: Database, programmeId: string, code: string) =>
  db.selectFrom('projects').select('id').where('programme_id', '=', programmeId).where('code', '=', code).executeTakeFirst();

export const insertProject = (db: Database, row: ProjectsTable) => db.insertInto('projects').values(row).execute();

export const updateProject = (db: Database, id: string, patch: Partial<ProjectsTable>) =>
  db.updateTable('projects').set(patch).where('id', '=', id).execute();

/** Replaces a project's links; called inside the project's transaction. */
export async function replaceProjectLinks(
  db: Database,
  id: string,
  links: {
    countries?: string[] | undefined;
    locationIds?: string[] | undefined;
    sectors?: string[] | undefined;
    organisations?: { organisationId: string; role: string }[] | undefined;
  },
) {
  if (links.countries) {
    await db.deleteFrom('project_countries').where('project_id', '=', id).execute();
    if (links.countries.length) await db.insertInto('project_countries').values(links.countries.map((c) => ({ project_id: id, country_code: c }))).execute();
  }
  if (links.locationIds) {
    await db.deleteFrom('project_locations').where('project_id', '=', id).execute();
    if (links.locationIds.length) await db.insertInto('project_locations').values(links.locationIds.map((l) => ({ project_id: id, location_id: l }))).execute();
  }
  if (links.sectors) {
    await db.deleteFrom('project_sectors').where('project_id', '=', id).execute();
    if (links.sectors.length) await db.insertInto('project_sectors').values(links.sectors.map((s) => ({ project_id: id, sector_code: s }))).execute();
  }
  if (links.organisations) {
    await db.deleteFrom('project_organisations').where('project_id', '=', id).execute();
    if (links.organisations.length) {
      await db
        .insertInto('project_organisations')
        .values(links.organisations.map((o) => ({ project_id: id, organisation_id: o.organisationId, role: o.role })))
        .execute();
    }
  }
}
