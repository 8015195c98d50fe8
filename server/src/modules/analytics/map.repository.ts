import type { LocationLevel } from '@shared/schemas/locations.js';
import type { Database } from '../../db/database.js';

/** SQL of the indicator map: the areas of the projects' countries and their shapes (targets: iptt.repository). */

const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

/**
 * Every place at `level` inside the countries of some projects (the country itself for level
 * `country`), with its stored geometry, by name. One recursive walk down the tree on both databases.
 */
export const areasInProjectCountries = (db: Database, projectIds: readonly string[], level: LocationLevel) =>
  db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('locations')
        .select('locations.id')
        .where('locations.level', '=', 'country')
        .where('locations.pcode', 'in', qb.selectFrom('project_countries').select('country_code').where('project_id', 'in', orNone(projectIds)))
        .unionAll((u) => u.selectFrom('locations as l').innerJoin('tree', 'tree.id', 'l.parent_id').select('l.id')),
    )
    .selectFrom('locations')
    .innerJoin('tree', 'tree.id', 'locations.id')
    .select(['locations.id', 'locations.name', 'locations.names_json', 'locations.pcode', 'locations.geometry_json'])
    .where('locations.level', '=', level)
    .orderBy('locations.name')
    .orderBy('locations.pcode')
    .execute();

/** The category of an option, when it is one of the indicator's categories. */
export const categoryOfIndicatorOption = async (db: Database, indicatorId: string, optionId: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('disaggregation_options as o')
      .innerJoin('indicator_disaggregations as d', 'd.category_id', 'o.category_id')
      .select('o.category_id')
      .where('o.id', '=', optionId)
      .where('d.indicator_id', '=', indicatorId)
      .executeTakeFirst()
  )?.category_id;
