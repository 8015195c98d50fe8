import type { PivotDefinition, SavedPivot } from '@shared/schemas/monitoring.js';
import type { SavedPivotRow } from './saved-pivots.repository.js';

export const toSavedPivot = (r: SavedPivotRow, readerId: string): SavedPivot => ({
  id: r.id,
  name: r.name,
  definition: JSON.parse(r.definition_json) as PivotDefinition,
  shared: r.shared === 1,
  owner: { id: r.owner_id, name: r.owner_name },
  mine: r.owner_id === readerId,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What the audit log keeps of a saved pivot. */
export const auditableSavedPivot = (r: Pick<SavedPivotRow, 'name' | 'shared' | 'definition_json'>) => ({
  name: r.name,
  shared: r.shared === 1,
  definition: JSON.parse(r.definition_json) as unknown,
});
