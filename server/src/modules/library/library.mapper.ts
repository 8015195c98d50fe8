import type { z } from 'zod';
import type { CreateLibraryIndicatorBody, LibraryIndicator } from '@shared/schemas/index.js';
import type { LibraryIndicatorsTable } from '../../db/schema.js';
import type { LibraryRow } from './library.repository.js';

export const toLibraryIndicator = (r: LibraryRow, adoptedCount: number): LibraryIndicator => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  code: r.code,
  name: r.name,
  names: JSON.parse(r.names_json) as Record<string, string>,
  definition: r.definition,
  definitions: JSON.parse(r.definitions_json) as Record<string, string>,
  unit: r.unit,
  type: r.type as LibraryIndicator['type'],
  direction: r.direction as LibraryIndicator['direction'],
  timeAggregation: r.time_aggregation as LibraryIndicator['timeAggregation'],
  locationAggregation: r.location_aggregation as LibraryIndicator['locationAggregation'],
  cumulative: r.cumulative === 1,
  meansOfVerification: r.means_of_verification,
  dataSource: r.data_source,
  collectionMethod: r.collection_method,
  frequency: r.frequency as LibraryIndicator['frequency'],
  source: r.source,
  categoryIds: JSON.parse(r.category_ids_json) as string[],
  archived: r.archived === 1,
  adoptedCount,
  updatedAt: r.updated_at,
});

type Fields = Partial<z.infer<typeof CreateLibraryIndicatorBody> & { archived: boolean }>;

/** Entry fields (API names) to columns. */
export function libraryColumns(f: Fields): Partial<LibraryIndicatorsTable> {
  const c: Partial<LibraryIndicatorsTable> = {};
  if (f.code !== undefined) c.code = f.code;
  if (f.name !== undefined) c.name = f.name;
  if (f.names !== undefined) c.names_json = JSON.stringify(f.names);
  if (f.definition !== undefined) c.definition = f.definition;
  if (f.definitions !== undefined) c.definitions_json = JSON.stringify(f.definitions);
  if (f.unit !== undefined) c.unit = f.unit;
  if (f.type !== undefined) c.type = f.type;
  if (f.direction !== undefined) c.direction = f.direction;
  if (f.timeAggregation !== undefined) c.time_aggregation = f.timeAggregation;
  if (f.locationAggregation !== undefined) c.location_aggregation = f.locationAggregation;
  if (f.cumulative !== undefined) c.cumulative = f.cumulative ? 1 : 0;
  if (f.meansOfVerification !== undefined) c.means_of_verification = f.meansOfVerification;
  if (f.dataSource !== undefined) c.data_source = f.dataSource;
  if (f.collectionMethod !== undefined) c.collection_method = f.collectionMethod;
  if (f.frequency !== undefined) c.frequency = f.frequency;
  if (f.source !== undefined) c.source = f.source;
  if (f.categoryIds !== undefined) c.category_ids_json = JSON.stringify(f.categoryIds);
  if (f.archived !== undefined) c.archived = f.archived ? 1 : 0;
  return c;
}

export type LibraryDefinition = Omit<LibraryIndicator, 'id' | 'organisationId' | 'organisationName' | 'adoptedCount' | 'updatedAt'>;

/** What a change compares and the audit log keeps: the definition, with categories by code (see auditableDefinition). */
export function libraryDefinition(e: LibraryIndicator, categoryCodes: ReadonlyMap<string, string>): LibraryDefinition {
  const { id: _id, organisationId: _org, organisationName: _name, adoptedCount: _n, updatedAt: _u, ...fields } = e;
  return { ...fields, categoryIds: fields.categoryIds.map((id) => categoryCodes.get(id) ?? id) };
}
