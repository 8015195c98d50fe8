import type { CategoryKind } from '@shared/domain/disaggregations.js';
import type { DisaggregationCategory, DisaggregationOption } from '@shared/schemas/index.js';
import type { Database } from '../../db/database.js';
import type { DisaggregationCategoriesTable, DisaggregationOptionsTable } from '../../db/schema.js';
import { indicatorUseCounts, libraryUseCounts, listCategoriesByIds, listOptions } from './disaggregations.repository.js';

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

/** Library uses of the categories of every organisation the rows belong to. */
export async function libraryUsesOf(db: Database, rows: DisaggregationCategoriesTable[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const orgId of new Set(rows.map((r) => r.organisation_id))) for (const [id, n] of await libraryUseCounts(db, orgId)) out.set(id, n);
  return out;
}

/** Categories by id, hydrated, in the order of `ids` (an indicator's order); unknown ids are skipped. */
export async function categoriesInOrder(db: Database, ids: string[]): Promise<DisaggregationCategory[]> {
  const rows = await listCategoriesByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  return hydrateCategories(db, ordered, await libraryUsesOf(db, ordered));
}

/** What the audit log keeps of a category: its definition, without counts and timestamps. */
export const auditableCategory = (c: DisaggregationCategory) => ({
  code: c.code,
  name: c.name,
  names: c.names,
  kind: c.kind,
  options: c.options.map((o) => ({ code: o.code, label: o.label, labels: o.labels, minAge: o.minAge, maxAge: o.maxAge })),
});
