import type { LocationLevel } from '@shared/schemas/locations.js';
import { combinations } from '@shared/domain/disaggregations.js';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { FactScope } from './engine.types.js';
import { keyNumbers } from './keys.repository.js';

/**
 * What the engine looks up before it reads facts: the integer numbers of the ids it was given, the
 * places under some areas, and the disaggregation cells of the indicators. Nothing here creates a
 * key: an id without a number has no facts.
 */

/** Facts of these projects [of one organisation] [approved only]. */
export interface ScopeClass {
  projectNos: number[];
  organisationNo: number | null;
  approvedOnly: boolean;
}

/**
 * The scopes as a few classes (projects sharing the same organisation restriction and pending
 * rule), so the SQL holds one condition per class rather than one per project.
 */
export async function scopeClasses(db: Database, scopes: FactScope[], includePending: boolean): Promise<{ classes: ScopeClass[]; projectIds: Map<number, string> }> {
  const [projects, organisations] = await Promise.all([
    keyNumbers(db, 'project', scopes.map((s) => s.projectId)),
    keyNumbers(db, 'organisation', scopes.flatMap((s) => (s.organisationId ? [s.organisationId] : []))),
  ]);
  const classes = new Map<string, ScopeClass>();
  const projectIds = new Map<number, string>();
  for (const s of scopes) {
    const projectNo = projects.get(s.projectId);
    const organisationNo = s.organisationId === null ? null : organisations.get(s.organisationId);
    if (projectNo === undefined || organisationNo === undefined) continue; // nothing was ever reported there
    const approvedOnly = !(includePending && s.pendingAllowed);
    const id = `${organisationNo}/${approvedOnly}`;
    const c = classes.get(id) ?? { projectNos: [], organisationNo, approvedOnly };
    c.projectNos.push(projectNo);
    classes.set(id, c);
    projectIds.set(projectNo, s.projectId);
  }
  return { classes: [...classes.values()], projectIds };
}

/**
 * The reported places (their analytics numbers) lying under some roots, the roots included, each
 * with the root it falls under: either every location of a level (for grouping by area) or some
 * given locations (for a filter). Walks the tree down from the roots in one recursive query.
 */
export async function placesUnder(db: Database, roots: { level: LocationLevel } | { ids: string[] }): Promise<Map<number, string>> {
  if ('ids' in roots && roots.ids.length === 0) return new Map();
  const start = 'level' in roots ? sql`level = ${roots.level}` : sql`id in (${sql.join(roots.ids)})`;
  const { rows } = await sql<{ no: number; root: string }>`
    with recursive d(root, id) as (
      select id, id from locations where ${start}
      union all
      select d.root, c.id from d join locations c on c.parent_id = d.id
    )
    select k.no as no, d.root as root from d join analytics_keys k on k.kind = 'location' and k.key = d.id`.execute(db);
  return new Map(rows.map((r) => [Number(r.no), r.root]));
}

/** An indicator's disaggregation categories (in its order) and its full-combination cells that have facts. */
export interface SourceCells {
  categoryIds: string[];
  /** combo number → the option id of each category, aligned with categoryIds. */
  combos: Map<number, string[]>;
}

/**
 * The full-combination cells of some indicators. The combinations are enumerated from the current
 * options (sex × age = 10 keys) and looked up in the key dictionary; a key never stored has no facts.
 */
export async function sourceCells(db: Database, indicatorIds: string[]): Promise<Map<string, SourceCells>> {
  const out = new Map<string, SourceCells>();
  if (indicatorIds.length === 0) return out;
  const rows = await db
    .selectFrom('indicator_disaggregations as d')
    .innerJoin('disaggregation_options as o', 'o.category_id', 'd.category_id')
    .select(['d.indicator_id', 'd.category_id', 'o.id as option_id'])
    .where('d.indicator_id', 'in', indicatorIds)
    .orderBy('d.indicator_id')
    .orderBy('d.position')
    .orderBy('o.position')
    .execute();
  const categoriesOf = new Map<string, { id: string; options: { id: string }[] }[]>();
  for (const r of rows) {
    const list = categoriesOf.get(r.indicator_id) ?? [];
    let c = list[list.length - 1];
    if (c?.id !== r.category_id) list.push((c = { id: r.category_id, options: [] }));
    c.options.push({ id: r.option_id });
    categoriesOf.set(r.indicator_id, list);
  }
  const combosOf = new Map([...categoriesOf].map(([id, categories]) => [id, combinations(categories)]));
  const numbers = await keyNumbers(db, 'combo', [...combosOf.values()].flatMap((cs) => cs.map((c) => c.join('|'))));
  for (const id of indicatorIds) {
    const combos = new Map<number, string[]>();
    for (const c of combosOf.get(id) ?? []) {
      const no = numbers.get(c.join('|'));
      if (no !== undefined) combos.set(no, c);
    }
    out.set(id, { categoryIds: (categoriesOf.get(id) ?? []).map((c) => c.id), combos });
  }
  return out;
}
