import type { Location } from '@shared/schemas/index.js';

export interface LocationListRow {
  id: string;
  parent_id: string | null;
  level: string;
  pcode: string;
  name: string;
  names_json: string;
  updated_at: string;
  has_geometry: number | string | null;
  child_count: number | string | null;
}

export const toLocation = (r: LocationListRow): Location => ({
  id: r.id,
  parentId: r.parent_id,
  level: r.level as Location['level'],
  pcode: r.pcode,
  name: r.name,
  names: JSON.parse(r.names_json) as Record<string, string>,
  hasGeometry: Number(r.has_geometry) === 1,
  childCount: Number(r.child_count ?? 0),
  updatedAt: r.updated_at,
});
