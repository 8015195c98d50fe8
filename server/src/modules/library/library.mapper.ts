import type { z } from 'zod';
import type { CreateLibraryIndicatorBody, LibraryIndicator } from '@shared/schemas/index.js';
import type { LibraryIndicatorsTable } from '../../db/schema.js';
import { definitionColumns, toDefinition } from '../results/definition.mapper.js';
import type { LibraryRow } from './library.repository.js';

export const toLibraryIndicator = (r: LibraryRow, adoptedCount: number): LibraryIndicator => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  ...toDefinition(r),
  source: r.source,
  categoryIds: JSON.parse(r.category_ids_json) as string[],
  archived: r.archived === 1,
  adoptedCount,
  updatedAt: r.updated_at,
});

type Fields = Partial<z.infer<typeof CreateLibraryIndicatorBody> & { archived: boolean }>;

/** Entry fields (API names) to columns. */
export function libraryColumns(f: Fields): Partial<LibraryIndicatorsTable> {
  const c: Partial<LibraryIndicatorsTable> = definitionColumns(f);
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
