import type { IndicatorMap } from '@shared/schemas/index.js';
import { coverage, figureValue } from '../dashboard/figures.js';
import { classBreaks, classIndex, type LegendClass, legendClasses } from './scale.js';

/** One area as the map, its tooltip and the table beside it show it: the same numbers in all three. */
export interface MapAreaView {
  locationId: string;
  name: string;
  pcode: string;
  /** Null: nothing reported (shown as "No data", never as zero). */
  value: number | null;
  pending: boolean;
  target: number | null;
  coverage: number | null;
  /** Colour class, -1 without data. */
  classIndex: number;
  color: string | null;
  hasShape: boolean;
}

export interface MapModel {
  areas: MapAreaView[];
  breaks: number[];
  legend: LegendClass[];
  noData: number;
  withoutShape: number;
  anyPending: boolean;
  anyTarget: boolean;
}

/** Areas sorted by name in the reader's language (the table's order and the keyboard's order on the map). */
export function mapModel(map: IndicatorMap, locale = 'en'): MapModel {
  const shaped = new Set(map.shapes.map((s) => s.locationId));
  const values = map.areas.map((a) => figureValue(a.figure));
  const breaks = classBreaks(values.filter((v): v is number => v !== null));
  const legend = legendClasses(breaks);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const areas = map.areas
    .map((a, i): MapAreaView => {
      const value = values[i] ?? null;
      const k = value === null ? -1 : classIndex(value, breaks);
      const target = a.target !== null && Number.isFinite(a.target) ? a.target : null;
      return {
        locationId: a.locationId,
        name: a.name,
        pcode: a.pcode,
        value,
        pending: value !== null && (a.figure?.pending ?? false),
        target,
        coverage: coverage(value, target),
        classIndex: k,
        color: k >= 0 ? (legend[k]?.color ?? null) : null,
        hasShape: shaped.has(a.locationId),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || a.pcode.localeCompare(b.pcode));
  return {
    areas,
    breaks,
    legend,
    noData: areas.filter((a) => a.value === null).length,
    withoutShape: areas.filter((a) => !a.hasShape).length,
    anyPending: areas.some((a) => a.pending),
    anyTarget: areas.some((a) => a.target !== null),
  };
}
