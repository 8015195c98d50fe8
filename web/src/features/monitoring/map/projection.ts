import { geoArea, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { IndicatorMap } from '@shared/schemas/index.js';

type Geometry = IndicatorMap['shapes'][number]['geometry'];
type Position = [number, number];
type Ring = Position[];

interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface AreaFeature {
  type: 'Feature';
  id: string;
  properties: Record<string, never>;
  geometry: AreaGeometry;
}

/**
 * GeoJSON (RFC 7946) winds outer rings anticlockwise; d3-geo works on the sphere and reads such a
 * ring as "everything except this area", which would paint the whole world. A polygon covering
 * more than half the sphere is turned round (every ring reversed), whichever winding the file had.
 */
function rewindPolygon(rings: Ring[]): Ring[] {
  const area = geoArea({ type: 'Polygon', coordinates: rings });
  return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

export function rewind(geometry: Geometry): AreaGeometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates as Ring[]) };
  return { type: 'MultiPolygon', coordinates: (geometry.coordinates as Ring[][]).map(rewindPolygon) };
}

export function toFeatures(shapes: IndicatorMap['shapes']): AreaFeature[] {
  return shapes.map((s) => ({ type: 'Feature', id: s.locationId, properties: {}, geometry: rewind(s.geometry) }));
}

export interface FittedMap {
  width: number;
  height: number;
  projection: GeoProjection;
  /** SVG path data and label point of each area, by location id. */
  paths: Map<string, { d: string; centroid: Position }>;
}

/**
 * Mercator fitted to the areas at a fixed width; the height follows the areas' shape within
 * [minHeight, maxHeight] so a tall country (Mali) and a wide one both fill the frame. The SVG is
 * drawn in these units and scaled by the browser (viewBox), so this runs once per map answer.
 */
export function fitMap(features: readonly AreaFeature[], width = 800, padding = 16, minHeight = 320, maxHeight = 640): FittedMap | null {
  if (features.length === 0) return null;
  const collection = { type: 'FeatureCollection' as const, features: [...features] };
  const inner = width - 2 * padding;
  const probe = geoMercator().fitWidth(inner, collection);
  const [[, y0], [, y1]] = geoPath(probe).bounds(collection);
  const natural = Number.isFinite(y1 - y0) ? y1 - y0 + 2 * padding : minHeight;
  const height = Math.round(Math.min(maxHeight, Math.max(minHeight, natural)));
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    collection,
  );
  const path = geoPath(projection);
  const paths = new Map<string, { d: string; centroid: Position }>();
  for (const f of features) {
    const d = path(f);
    if (!d) continue;
    const [cx, cy] = path.centroid(f);
    paths.set(f.id, { d, centroid: [Number.isFinite(cx) ? cx : width / 2, Number.isFinite(cy) ? cy : height / 2] });
  }
  return { width, height, projection, paths };
}
