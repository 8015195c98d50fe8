import { type FrameworkTemplate, type LevelLabel, TEMPLATE_LEVELS } from '@shared/domain/framework-templates.js';
import type { Indicator, ProgrammeIndicatorRef, ResultNode } from '@shared/schemas/index.js';
import { definitionColumns, toDefinition } from './definition.mapper.js';
import type { IndicatorsTable, ResultNodesTable } from '../../db/schema.js';

/** The template's level names with the framework's own renamings laid over them. */
export function levelLabels(template: string, overridesJson: string): LevelLabel[] {
  const overrides = JSON.parse(overridesJson) as Partial<LevelLabel>[];
  return TEMPLATE_LEVELS[template as FrameworkTemplate].map((base, i) => ({ ...base, ...stripEmpty(overrides[i] ?? {}) }));
}

const stripEmpty = (o: Partial<LevelLabel>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v));

export const toNode = (r: ResultNodesTable): ResultNode => ({
  id: r.id,
  parentId: r.parent_id,
  level: r.level,
  code: r.code,
  title: r.title,
  titles: JSON.parse(r.titles_json) as Record<string, string>,
  description: r.description,
  position: r.position,
  updatedAt: r.updated_at,
});

/** `owner` says whose framework holds it; `categoryIds` are its disaggregation categories in order. */
export const toIndicator = (r: IndicatorsTable, owner: { projectId: string | null; programmeId: string | null }, categoryIds: string[] = []): Indicator => ({
  id: r.id,
  projectId: owner.projectId,
  programmeId: owner.programmeId,
  resultNodeId: r.result_node_id,
  position: r.position,
  ...toDefinition(r),
  baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
  baselineDate: r.baseline_date,
  lopTarget: r.lop_target === null ? null : Number(r.lop_target),
  responsible: r.responsible,
  categoryIds,
  libraryIndicatorId: r.library_indicator_id,
  contributesToId: r.contributes_to_id,
  updatedAt: r.updated_at,
});

type Fields = Omit<Indicator, 'id' | 'projectId' | 'programmeId' | 'resultNodeId' | 'position' | 'updatedAt'>;

/** Indicator fields (API names) to columns. */
export function indicatorColumns(f: Partial<Fields>): Partial<IndicatorsTable> {
  const c: Partial<IndicatorsTable> = definitionColumns(f);
  if (f.baselineValue !== undefined) c.baseline_value = f.baselineValue;
  if (f.baselineDate !== undefined) c.baseline_date = f.baselineDate;
  if (f.lopTarget !== undefined) c.lop_target = f.lopTarget;
  if (f.responsible !== undefined) c.responsible = f.responsible;
  if (f.libraryIndicatorId !== undefined) c.library_indicator_id = f.libraryIndicatorId;
  if (f.contributesToId !== undefined) c.contributes_to_id = f.contributesToId;
  return c;
}

export type IndicatorDefinition = Fields;

/** An indicator's definition, without ids of its own, place and timestamps: what a change compares. */
export function indicatorDefinition(i: Indicator): Fields {
  const { id: _id, projectId: _project, programmeId: _programme, resultNodeId: _node, position: _pos, updatedAt: _u, ...fields } = i;
  return fields;
}

/**
 * What the audit log keeps of (part of) a definition. Categories are kept by code: an id means
 * nothing to a reader of the history, and the code stays readable after the category is gone.
 */
export function auditableDefinition(d: Partial<Fields>, categoryCodes: ReadonlyMap<string, string>): Record<string, unknown> {
  return d.categoryIds === undefined ? { ...d } : { ...d, categoryIds: d.categoryIds.map((id) => categoryCodes.get(id) ?? id) };
}

export const toProgrammeIndicatorRef = (r: Pick<IndicatorsTable, 'id' | 'code' | 'name' | 'type' | 'unit'>): ProgrammeIndicatorRef => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type as Indicator['type'],
  unit: r.unit,
});
