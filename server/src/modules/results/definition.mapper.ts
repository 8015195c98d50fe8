import type { Indicator } from '@shared/schemas/index.js';
import type { IndicatorsTable } from '../../db/schema.js';

/**
 * What an indicator measures and how its values add up: the fields a project indicator shares
 * with a library entry. Both tables name these columns alike, so one mapping serves both, and an
 * adopted indicator is the library entry's definition read as is.
 */
export type Definition = Pick<
  Indicator,
  | 'code' | 'name' | 'names' | 'definition' | 'definitions' | 'unit' | 'type' | 'direction' | 'timeAggregation'
  | 'locationAggregation' | 'cumulative' | 'meansOfVerification' | 'dataSource' | 'collectionMethod' | 'frequency'
>;

export type DefinitionColumns = Pick<
  IndicatorsTable,
  | 'code' | 'name' | 'names_json' | 'definition' | 'definitions_json' | 'unit' | 'type' | 'direction' | 'time_aggregation'
  | 'location_aggregation' | 'cumulative' | 'means_of_verification' | 'data_source' | 'collection_method' | 'frequency'
>;

export const toDefinition = (r: DefinitionColumns): Definition => ({
  code: r.code,
  name: r.name,
  names: JSON.parse(r.names_json) as Record<string, string>,
  definition: r.definition,
  definitions: JSON.parse(r.definitions_json) as Record<string, string>,
  unit: r.unit,
  type: r.type as Indicator['type'],
  direction: r.direction as Indicator['direction'],
  timeAggregation: r.time_aggregation as Indicator['timeAggregation'],
  locationAggregation: r.location_aggregation as Indicator['locationAggregation'],
  cumulative: r.cumulative === 1,
  meansOfVerification: r.means_of_verification,
  dataSource: r.data_source,
  collectionMethod: r.collection_method,
  frequency: r.frequency as Indicator['frequency'],
});

/** Definition fields (API names) to columns; fields left out stay out, so a partial update stays partial. */
export function definitionColumns(f: Partial<Definition>): Partial<DefinitionColumns> {
  const c: Partial<DefinitionColumns> = {};
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
  return c;
}
