import type { z } from 'zod';
import type { GeometrySchema } from '@shared/schemas/monitoring.js';

type Geometry = z.infer<typeof GeometrySchema>;
type Position = number[];

/**
 * Shapes as the map draws them: coordinates rounded to 3 decimals (about 100 m, plenty for a
 * choropleth and a fraction of the bytes), and points that became equal to the one before dropped.
 * A ring that would fall below four points keeps its rounded points, so no area loses its shape.
 * Anything but a Polygon or MultiPolygon (a location import accepts no other) gives no shape.
 */
export function mapGeometry(json: string | null): Geometry | null {
  if (!json) return null;
  const g = JSON.parse(json) as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates as Position[][]) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: (g.coordinates as Position[][][]).map(polygon) };
  return null;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

const polygon = (rings: Position[][]) => rings.map(ring);

function ring(points: Position[]): Position[] {
  const rounded = points.map(([x, y]) => [round(x!), round(y!)]);
  const kept = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]![0] || p[1] !== rounded[i - 1]![1]);
  return kept.length >= 4 ? kept : rounded;
}
