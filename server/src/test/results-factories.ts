import type { Database } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { newId } from '../lib/ids.js';

/**
 * Factories for programme frameworks, disaggregation categories and library entries, written
 * straight to the database like those in factories.ts.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A category with one option per code, e.g. `buildCategory(db, { organisationId, code: 'sex', options: ['female', 'male'] })`. */
export async function buildCategory(db: Database, o: { organisationId: string; code?: string; options?: string[] }) {
  const now = nowIso();
  const code = o.code ?? `c${unique()}`;
  const row = { id: newId(), organisation_id: o.organisationId, code, name: code, names_json: '{}', kind: 'custom', position: 0, created_at: now, updated_at: now };
  await db.insertInto('disaggregation_categories').values(row).execute();
  const options = (o.options ?? ['a', 'b']).map((c, position) => ({
    id: newId(), category_id: row.id, code: c, label: c, labels_json: '{}', position, min_age: null, max_age: null, created_at: now, updated_at: now,
  }));
  await db.insertInto('disaggregation_options').values(options).execute();
  return { ...row, options };
}

/** The programme's results framework, made when missing. */
export async function buildProgrammeFramework(db: Database, programmeId: string) {
  const existing = await db.selectFrom('results_frameworks').selectAll().where('programme_id', '=', programmeId).executeTakeFirst();
  if (existing) return existing;
  const now = nowIso();
  const row = { id: newId(), project_id: null, programme_id: programmeId, template: 'custom', level_labels_json: '[]', created_at: now, updated_at: now };
  await db.insertInto('results_frameworks').values(row).execute();
  return row;
}

export async function buildProgrammeNode(db: Database, o: { programmeId: string; code?: string }) {
  const framework = await buildProgrammeFramework(db, o.programmeId);
  const now = nowIso();
  const row = {
    id: newId(), framework_id: framework.id, parent_id: null, level: 0, code: o.code ?? `PN${unique()}`, title: `Programme result ${unique()}`,
    titles_json: '{}', description: '', position: 0, created_at: now, updated_at: now,
  };
  await db.insertInto('result_nodes').values(row).execute();
  return row;
}

export async function buildLibraryIndicator(
  db: Database,
  o: { organisationId: string; code?: string; type?: string; categoryIds?: string[]; archived?: boolean },
) {
  const now = nowIso();
  const row = {
    id: newId(), organisation_id: o.organisationId, code: o.code ?? `L${unique()}`, name: `Library indicator ${unique()}`, names_json: '{}',
    definition: '', definitions_json: '{}', unit: 'people', type: o.type ?? 'number', direction: 'increase', time_aggregation: 'sum',
    location_aggregation: 'sum', cumulative: 0, means_of_verification: '', data_source: '', collection_method: '', frequency: 'quarter',
    source: '', category_ids_json: JSON.stringify(o.categoryIds ?? []), archived: o.archived ? 1 : 0, created_at: now, updated_at: now,
  };
  await db.insertInto('library_indicators').values(row).execute();
  return row;
}

/** Links an indicator to a library entry, as adopting does. */
export const linkToLibrary = (db: Database, indicatorId: string, libraryIndicatorId: string) =>
  db.updateTable('indicators').set({ library_indicator_id: libraryIndicatorId }).where('id', '=', indicatorId).execute();
