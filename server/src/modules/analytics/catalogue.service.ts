import type { PivotCatalogue } from '@shared/schemas/monitoring.js';
import type { Ctx } from '../../lib/context.js';
import { visibleProgrammeIds, visibleProjectIds } from '../access/visibility.repository.js';
import { factScopes } from './analytics-access.js';
import { categoryLinksOf, indicatorsOfOwners } from './catalogue.repository.js';
import { translated } from './pivot.members.js';
import { categoriesByIds, optionsOfCategories } from './pivot.repository.js';

/**
 * What the reader can put in a pivot: every indicator of every project and programme framework
 * they can see, with the categories those indicators are broken down by (names in the reader's
 * language). Ordered by programme, then project (programme indicators first), then code.
 */
export async function pivotCatalogue(ctx: Ctx): Promise<PivotCatalogue> {
  const [projects, programmes, scopes] = await Promise.all([visibleProjectIds(ctx.db, ctx.actor), visibleProgrammeIds(ctx.db, ctx.actor), factScopes(ctx)]);
  const rows = await indicatorsOfOwners(ctx.db, projects, programmes);
  const links = await categoryLinksOf(ctx.db, rows.map((r) => r.id));
  const categoryIds = [...new Set(links.map((l) => l.category_id))];
  const [categories, options] = await Promise.all([categoriesByIds(ctx.db, categoryIds), optionsOfCategories(ctx.db, categoryIds)]);

  const collator = new Intl.Collator(ctx.locale, { numeric: true, sensitivity: 'base' });
  rows.sort(
    (a, b) =>
      collator.compare(a.programme_code, b.programme_code) ||
      collator.compare(a.project_code ?? '', b.project_code ?? '') ||
      collator.compare(a.code, b.code) ||
      (a.id < b.id ? -1 : 1),
  );
  const categoriesOf = new Map<string, string[]>();
  for (const l of links) categoriesOf.set(l.indicator_id, [...(categoriesOf.get(l.indicator_id) ?? []), l.category_id]);
  const named = categories.map((c) => ({ ...c, label: translated(c.names_json, ctx.locale, c.name) }));
  named.sort((a, b) => a.position - b.position || collator.compare(a.label, b.label));

  return {
    indicators: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: translated(r.names_json, ctx.locale, r.name),
      unit: r.unit,
      type: r.type,
      project: r.project_id ? { id: r.project_id, code: r.project_code!, title: r.project_title! } : null,
      programme: { id: r.programme_id, code: r.programme_code, name: r.programme_name },
      categoryIds: categoriesOf.get(r.id) ?? [],
    })),
    categories: named.map((c) => ({
      id: c.id,
      name: c.label,
      options: options.filter((o) => o.category_id === c.id).map((o) => ({ id: o.id, label: translated(o.labels_json, ctx.locale, o.label) })),
    })),
    canIncludePending: scopes.some((s) => s.pendingAllowed),
  };
}
