import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { fitMap, rewind, toFeatures } from './projection.js';

// A 1° square near Bamako, wound anticlockwise as RFC 7946 writes it (d3 would read it as the rest of the world).
const square = (x: number, y: number, size = 1) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const shape = (locationId: string, x: number, y: number, size = 1) => ({
  locationId,
  geometry: { type: 'Polygon' as const, coordinates: [square(x, y, size)] },
});

describe('rewind', () => {
  it('turns a ring that covers most of the sphere into the small area it outlines', () => {
    const rfc = { type: 'Polygon' as const, coordinates: [square(-8, 12)] };
    expect(geoArea(rfc)).toBeGreaterThan(2 * Math.PI);
    expect(geoArea(rewind(rfc))).toBeLessThan(0.001);
  });

  it('leaves a ring already wound for d3 alone and handles multipolygons part by part', () => {
    const d3Wound = { type: 'Polygon' as const, coordinates: [square(-8, 12).reverse()] };
    expect(rewind(d3Wound)).toEqual(d3Wound);
    const multi = { type: 'MultiPolygon' as const, coordinates: [[square(0, 0)], [square(5, 5).reverse()]] };
    const fixed = rewind(multi);
    expect(geoArea(fixed)).toBeLessThan(0.001);
  });
});

describe('fitMap', () => {
  it('fits every area inside the frame, with the padding', () => {
    const features = toFeatures([shape('a', -8, 12), shape('b', -4, 14, 2), shape('c', -2, 20)]);
    const fitted = fitMap(features, 800, 16, 300, 700)!;
    expect(fitted.width).toBe(800);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const { d } of fitted.paths.values())
      for (const m of d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
        xs.push(Number(m[1]));
        ys.push(Number(m[2]));
      }
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(16 - 0.01);
    expect(Math.max(...xs)).toBeLessThanOrEqual(800 - 16 + 0.01);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(16 - 0.01);
    expect(Math.max(...ys)).toBeLessThanOrEqual(fitted.height - 16 + 0.01);
    // One side touches the frame: the map is as large as it can be.
    expect(Math.min(...xs) < 16.5 || Math.min(...ys) < 16.5).toBe(true);
  });

  it('makes a tall set of areas taller than a wide one, within the limits', () => {
    const tall = fitMap(toFeatures([shape('a', 0, 0), shape('b', 0, 10)]), 800, 16, 300, 700)!;
    const wide = fitMap(toFeatures([shape('a', 0, 0), shape('b', 10, 0)]), 800, 16, 300, 700)!;
    expect(tall.height).toBe(700);
    expect(wide.height).toBe(300);
  });

  it('places the label point of an area inside its square', () => {
    const fitted = fitMap(toFeatures([shape('a', 0, 0), shape('b', 4, 0)]), 800)!;
    const a = fitted.paths.get('a')!.centroid;
    const b = fitted.paths.get('b')!.centroid;
    expect(a[0]).toBeLessThan(b[0]); // west is left
    expect(Math.abs(a[1] - b[1])).toBeLessThan(1);
  });

  it('draws nothing without shapes', () => {
    expect(fitMap([])).toBeNull();
  });
});
