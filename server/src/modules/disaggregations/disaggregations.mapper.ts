import type { CategoryKind } from '@shared/domain/disaggregations.js';
import type { DisaggregationCategory, DisaggregationOption } from '@shared/schemas/index.js';
import type { Database } from '../../db/database.js';
import type { DisaggregationCategoriesTable, DisaggregationOptionsTable } from '../../db/schema.js';
import { indicatorUseCounts, listOptions } from './disaggregations.repository.js';

export const toOption = (r: DisaggregationOptionsTable): DisaggregationOption => ({
  id: r.id,
  code: r.code,
  label: r.label,
  labels: JSON.parse(r.labels_json) as Record<string, string>,
  position: r.position,
  minAge: r.min_age,
  maxAge: r.max_age,
});

/** Categories with their options and use counts, in the order given. `libraryUses` adds library entries' uses per category. */
export async function hydrateCategories(
  db: Database,
  rows: DisaggregationCategoriesTable[],
  libraryUses: Map<string, number> = new Map(),
): Promise<DisaggregationCategory[]> {
  const ids = rows.map((r) => r.id);
  const [options, uses] = await Promise.all([listOptions(db, ids), indicatorUseCounts(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    code: r.code,
    name: r.name,
    names: JSON.parse(r.names_json) as Record<string, string>,
    kind: r.kind as CategoryKind,
    position: r.position,
    options: options.filter((o) => o.category_id === r.id).map(toOption),
    usedBy: (uses.get(r.id) ?? 0) + (libraryUses.get(r.id) ?? 0),
    updatedAt: r.updated_at,
  }));
}
