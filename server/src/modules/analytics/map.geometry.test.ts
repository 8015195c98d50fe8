import { describe, expect, it } from 'vitest';
import { mapGeometry } from './map.geometry.js';

describe('mapGeometry', () => {
  it('rounds coordinates to 3 decimals and drops points that became the same as the one before', () => {
    const ring = [[-7.92937, 12.68175], [-7.92967, 12.68189], [-7.92971, 12.68191], [-7.9301, 12.6802], [-7.92937, 12.68175]];
    expect(mapGeometry(JSON.stringify({ type: 'Polygon', coordinates: [ring] }))).toEqual({
      type: 'Polygon',
      coordinates: [[[-7.929, 12.682], [-7.93, 12.682], [-7.93, 12.68], [-7.929, 12.682]]],
    });
  });

  it('keeps a tiny ring whole rather than lose the area, and handles multipolygons', () => {
    const tiny = [[1.00001, 2.00001], [1.00002, 2.00002], [1.00003, 2.00001], [1.00001, 2.00001]];
    expect(mapGeometry(JSON.stringify({ type: 'MultiPolygon', coordinates: [[tiny]] }))).toEqual({
      type: 'MultiPolygon',
      coordinates: [[[[1, 2], [1, 2], [1, 2], [1, 2]]]],
    });
  });

  it('gives no shape for a missing or non-area geometry', () => {
    expect(mapGeometry(null)).toBeNull();
    expect(mapGeometry(JSON.stringify({ type: 'Point', coordinates: [1, 2] }))).toBeNull();
  });
});
