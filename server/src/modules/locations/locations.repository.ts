import type { Database } from '../../db/database.js';
import type { LocationsTable } from '../../db/schema.js';
import { containsText } from '../../lib/sql.js';

export interface LocationFilter {
  parentId?: string | undefined;
  level?: string | undefined;
  countryPcode?: string | undefined;
  q?: string | undefined;
}

const columns = ['l.id', 'l.parent_id', 'l.level', 'l.pcode', 'l.name', 'l.names_json', 'l.updated_at'] as const;

export async function listLocations(db: Database, f: LocationFilter, limit: number) {
  let q = db
    .selectFrom('locations as l')
    .select(columns)
    .select((eb) => [
      eb.case().when('l.geometry_json', 'is not', null).then(1).else(0).end().as('has_geometry'),
      eb.selectFrom('locations as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'l.id').as('child_count'),
    ]);
  if (f.parentId) q = q.where('l.parent_id', '=', f.parentId);
  if (f.level) q = q.where('l.level', '=', f.level);
  // P-codes start with the country's code (ML05…), except countries themselves, keyed by ISO alpha-3.
  if (f.countryPcode) {
    const country = await db.selectFrom('locations').select('id').where('pcode', '=', f.countryPcode).where('level', '=', 'country').executeTakeFirst();
    const ids = country ? await descendantIds(db, [country.id]) : [];
    q = q.where('l.id', 'in', ids.length ? ids : ['']);
  }
  if (f.q) {
    const term = f.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('l.name'), term), containsText(eb.ref('l.pcode'), term), containsText(eb.ref('l.names_json'), term)]));
  }
  return q.orderBy('l.pcode').limit(limit).execute();
}

export const findLocation = (db: Database, id: string) =>
  db
    .selectFrom('locations as l')
    .select(columns)
    .select((eb) => [
      eb.case().when('l.geometry_json', 'is not', null).then(1).else(0).end().as('has_geometry'),
      eb.selectFrom('locations as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'l.id').as('child_count'),
    ])
    .where('l.id', '=', id)
    .executeTakeFirst();

export async function findByPcodes(db: Database, pcodes: string[]) {
  const out: LocationsTable[] = [];
  // Chunk to stay under SQLite's bound-parameter limit on large imports.
  for (let i = 0; i < pcodes.length; i += 500) {
    out.push(...(await db.selectFrom('locations').selectAll().where('pcode', 'in', pcodes.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function childrenOf(db: Database, parentIds: string[]) {
  const out: { pcode: string; level: string; parent_id: string | null }[] = [];
  for (let i = 0; i < parentIds.length; i += 500) {
    out.push(...(await db.selectFrom('locations').select(['pcode', 'level', 'parent_id']).where('parent_id', 'in', parentIds.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function findByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('locations').select(['id', 'parent_id', 'level', 'pcode', 'name']).where('id', 'in', ids).execute();
}

/** All descendants of the given locations (the tree is at most five levels deep). */
export async function descendantIds(db: Database, rootIds: string[]): Promise<string[]> {
  const all: string[] = [];
  let frontier = rootIds;
  while (frontier.length) {
    const children = await db.selectFrom('locations').select('id').where('parent_id', 'in', frontier).execute();
    frontier = children.map((c) => c.id);
    all.push(...frontier);
  }
  return all;
}

/** For each known location, the P-code of the country it lies in (its own, for a country); unknown ids are left out. */
export async function countryOf(db: Database, ids: string[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  const byId = new Map<string, { id: string; parent_id: string | null; level: string; pcode: string }>();
  let pending = ids;
  while (pending.length) {
    const rows = await findByIds(db, pending.filter((id) => !byId.has(id)));
    rows.forEach((r) => byId.set(r.id, r));
    pending = rows.map((r) => r.parent_id).filter((p): p is string => !!p && !byId.has(p));
  }
  for (const id of ids) {
    if (!byId.has(id)) continue;
    let node = byId.get(id);
    while (node && node.level !== 'country' && node.parent_id) node = byId.get(node.parent_id);
    result.set(id, node?.level === 'country' ? node.pcode : null);
  }
  return result;
}

export const insertLocation = (db: Database, row: LocationsTable) => db.insertInto('locations').values(row).execute();

export const updateLocation = (db: Database, id: string, patch: Partial<LocationsTable>) =>
  db.updateTable('locations').set(patch).where('id', '=', id).execute();
