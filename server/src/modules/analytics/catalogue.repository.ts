import type { Database } from '../../db/database.js';
import { type IndicatorOwnerRow, inChunks, indicatorsWithOwners } from './pivot.repository.js';

/** Every indicator of the frameworks of these projects and programmes (null: of all). */
export function indicatorsOfOwners(db: Database, projectIds: string[] | null, programmeIds: string[] | null): Promise<IndicatorOwnerRow[]> {
  let q = indicatorsWithOwners(db);
  if (projectIds !== null || programmeIds !== null) {
    const none = [''];
    q = q.where((eb) =>
      eb.or([
        projectIds === null ? eb('f.project_id', 'is not', null) : eb('f.project_id', 'in', projectIds.length ? projectIds : none),
        programmeIds === null ? eb('f.programme_id', 'is not', null) : eb('f.programme_id', 'in', programmeIds.length ? programmeIds : none),
      ]),
    );
  }
  return q.execute();
}

/** Category ids of indicators, in each indicator's order. */
export const categoryLinksOf = (db: Database, indicatorIds: readonly string[]) =>
  inChunks(indicatorIds, (part) =>
    db
      .selectFrom('indicator_disaggregations')
      .select(['indicator_id', 'category_id', 'position'])
      .where('indicator_id', 'in', part)
      .orderBy('indicator_id')
      .orderBy('position')
      .execute(),
  );
