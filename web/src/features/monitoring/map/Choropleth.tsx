import { Box } from '@mantine/core';
import { type MouseEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import type { IndicatorMap } from '@shared/schemas/index.js';
import type { MapAreaView } from './model.js';
import { fitMap, toFeatures } from './projection.js';

export const NO_DATA_FILL = '#f1f3f5';
export const NO_DATA_STROKE = '#adb5bd';

/** Diagonal grey hatching for "no data": never mistaken for the lightest class (a low value). */
export function NoDataPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
      <rect width={6} height={6} fill={NO_DATA_FILL} />
      <line x1={0} y1={0} x2={0} y2={6} stroke={NO_DATA_STROKE} strokeWidth={2} />
    </pattern>
  );
}

interface Active {
  locationId: string;
  /** Where the tooltip points, in pixels from the map box's corner, and the box's size. */
  x: number;
  y: number;
  boxWidth: number;
  boxHeight: number;
}

interface Props {
  shapes: IndicatorMap['shapes'];
  areas: MapAreaView[];
  /** The accessible name of each area ("Mopti: 1,250"). */
  describe: (area: MapAreaView) => string;
  tooltip: (area: MapAreaView) => ReactNode;
  /** An area highlighted from outside (the table row under the pointer). */
  highlighted: string | null;
  label: string;
}

/**
 * The areas drawn as SVG paths (d3-geo, no tiles: field offices work offline). Each area is a
 * focusable element in name order, so the keyboard reaches every area and the tooltip shows on
 * focus as on hover.
 */
export function Choropleth({ shapes, areas, describe, tooltip, highlighted, label }: Props) {
  const patternId = `no-data-${useId().replace(/:/g, '')}`;
  const fitted = useMemo(() => fitMap(toFeatures(shapes)), [shapes]);
  const [active, setActive] = useState<Active | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  if (!fitted) return null;
  const { width, height, paths } = fitted;
  const drawn = areas.filter((a) => paths.has(a.locationId));
  const current = active ? drawn.find((a) => a.locationId === active.locationId) : undefined;
  const emphasised = active?.locationId ?? highlighted;

  // The SVG keeps its aspect ratio inside its box (letterboxed when the height is capped), so a
  // map point is placed through the drawing's actual scale and offset.
  const atCentroid = (a: MapAreaView): Active | null => {
    const r = box.current?.getBoundingClientRect();
    const s = svg.current?.getBoundingClientRect();
    if (!r || !s) return null;
    const scale = Math.min(s.width / width, s.height / height);
    const [cx, cy] = paths.get(a.locationId)!.centroid;
    const x = s.left - r.left + (s.width - width * scale) / 2 + cx * scale;
    const y = s.top - r.top + (s.height - height * scale) / 2 + cy * scale;
    return { locationId: a.locationId, x, y, boxWidth: r.width, boxHeight: r.height };
  };
  const atPointer = (a: MapAreaView, e: MouseEvent): Active | null => {
    const r = box.current?.getBoundingClientRect();
    if (!r) return null;
    return { locationId: a.locationId, x: e.clientX - r.left, y: e.clientY - r.top, boxWidth: r.width, boxHeight: r.height };
  };

  return (
    <Box ref={box} pos="relative" dir="ltr" onMouseLeave={() => setActive(null)}>
      <svg ref={svg} viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-label={label} data-testid="choropleth" style={{ display: 'block', maxHeight: 'max(300px, calc(100vh - 400px))' }}>
        <defs>
          <NoDataPattern id={patternId} />
        </defs>
        {drawn.map((a) => (
          <path
            key={a.locationId}
            d={paths.get(a.locationId)!.d}
            fill={a.color ?? `url(#${patternId})`}
            stroke={emphasised === a.locationId ? '#212529' : '#ffffff'}
            strokeWidth={emphasised === a.locationId ? 2.5 : 0.8}
            strokeLinejoin="round"
            tabIndex={0}
            role="img"
            aria-label={describe(a)}
            data-testid="map-area"
            data-pcode={a.pcode}
            data-value={a.value ?? ''}
            style={{ outline: 'none', cursor: 'default' }}
            onMouseMove={(e) => setActive(atPointer(a, e))}
            onFocus={() => setActive(atCentroid(a))}
            onBlur={() => setActive(null)}
            onKeyDown={(e) => e.key === 'Escape' && setActive(null)}
          />
        ))}
        {/* The emphasised outline is drawn again on top, so neighbours do not cover half of it. */}
        {emphasised && paths.has(emphasised) && (
          <path d={paths.get(emphasised)!.d} fill="none" stroke="#212529" strokeWidth={2.5} pointerEvents="none" aria-hidden />
        )}
      </svg>
      {current && active && (
        <Box
          pos="absolute"
          style={{
            left: active.x,
            top: active.y,
            // Beside the point, on the side with more room, so it stays inside the map.
            transform: `translate(${active.x > active.boxWidth * 0.6 ? 'calc(-100% - 12px)' : '12px'}, ${active.y > active.boxHeight * 0.5 ? 'calc(-100% - 8px)' : '8px'})`,
            pointerEvents: 'none',
            zIndex: 2,
          }}
        >
          {tooltip(current)}
        </Box>
      )}
    </Box>
  );
}
