import type { Role, ScopeType } from '@shared/roles.js';
import type { Database } from '../../db/database.js';
import type { MembershipsTable, UsersTable } from '../../db/schema.js';
import { containsText } from '../../lib/sql.js';

export const findUserById = (db: Database, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Database, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const insertUser = (db: Database, row: UsersTable) => db.insertInto('users').values(row).execute();

export const updateUser = (db: Database, id: string, patch: Partial<UsersTable>) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute();

export interface UserFilter {
  q?: string | undefined;
  organisationIds?: string[] | undefined;
  role?: Role | undefined;
  includeDisabled: boolean;
}

function filteredUsers(db: Database, f: UserFilter) {
  let q = db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id');
  if (f.organisationIds) q = q.where('users.organisation_id', 'in', f.organisationIds.length ? f.organisationIds : ['']);
  if (!f.includeDisabled) q = q.where('users.disabled', '=', 0);
  if (f.q) {
    const term = f.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('users.name'), term), containsText(eb.ref('users.email'), term)]));
  }
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('memberships').select('memberships.id').whereRef('memberships.user_id', '=', 'users.id').where('memberships.role', '=', role)),
    );
  }
  return q;
}

export async function listUsers(db: Database, f: UserFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filteredUsers(db, f)
      .selectAll('users')
      .select('organisations.name as organisation_name')
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredUsers(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const organisationName = async (db: Database, id: string) =>
  (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';

export interface MembershipRow extends MembershipsTable {
  scope_name: string | null;
}

/** Memberships of the given users, each with the name of the scope it applies to. */
export async function listMemberships(db: Database, userIds: string[]): Promise<MembershipRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .leftJoin('organisations as o', (j) => j.onRef('o.id', '=', 'm.scope_id').on('m.scope_type', '=', 'organisation'))
    .leftJoin('programmes as pg', (j) => j.onRef('pg.id', '=', 'm.scope_id').on('m.scope_type', '=', 'programme'))
    .leftJoin('projects as pj', (j) => j.onRef('pj.id', '=', 'm.scope_id').on('m.scope_type', '=', 'project'))
    .selectAll('m')
    .select((eb) => eb.fn.coalesce('o.name', 'pg.name', 'pj.title').as('scope_name'))
    .where('m.user_id', 'in', userIds)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return rows as MembershipRow[];
}

export const findMembership = (db: Database, id: string) =>
  db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();

export const findGrant = (db: Database, userId: string, role: string, scopeType: string, scopeId: string | null) => {
  const q = db.selectFrom('memberships').select('id').where('user_id', '=', userId).where('role', '=', role).where('scope_type', '=', scopeType);
  return (scopeId === null ? q.where('scope_id', 'is', null) : q.where('scope_id', '=', scopeId)).executeTakeFirst();
};

export const insertMembership = (db: Database, row: MembershipsTable) => db.insertInto('memberships').values(row).execute();

export const deleteMembership = (db: Database, id: string) => db.deleteFrom('memberships').where('id', '=', id).execute();

export async function countActiveInstallationAdmins(db: Database): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
    .where('memberships.role', '=', 'admin')
    .where('memberships.scope_type', '=', 'installation')
    .where('users.disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Checks that a scope exists; returns the organisation it belongs to (null for the installation). */
export async function scopeOrganisation(db: Database, type: ScopeType, id: string | null): Promise<string | null | undefined> {
  switch (type) {
    case 'installation':
      return null;
    case 'organisation':
      return (await db.selectFrom('organisations').select('id').where('id', '=', id as string).executeTakeFirst())?.id;
    case 'programme':
      return (await db.selectFrom('programmes').select('organisation_id').where('id', '=', id as string).executeTakeFirst())
        ?.organisation_id;
    case 'project':
      return (
        await db
          .selectFrom('projects')
          .innerJoin('programmes', 'programmes.id', 'projects.programme_id')
          .select('programmes.organisation_id')
          .where('projects.id', '=', id as string)
          .executeTakeFirst()
      )?.organisation_id;
  }
}
