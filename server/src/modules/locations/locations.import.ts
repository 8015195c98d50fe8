import { parse } from 'csv-parse/sync';
import { LOCATION_LEVELS, type LocationLevel } from '@shared/schemas/index.js';
import { LOCALES } from '@shared/locales.js';
import type { DetailInput } from '../../lib/errors.js';

/** One location read from an import file, before it is checked against what is stored. */
export interface ImportedLocation {
  /** Row in the file (CSV: header is row 1) or feature number (GeoJSON, from 1). */
  row: number;
  pcode: string;
  name: string;
  level: LocationLevel;
  parentPcode: string | null;
  names: Record<string, string>;
  geometry: object | null | undefined;
}

export interface ParseResult {
  rows: ImportedLocation[];
  problems: DetailInput[];
}

const PCODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/;
const levelIndex = (l: string) => LOCATION_LEVELS.indexOf(l as LocationLevel);

/**
 * CSV columns: pcode, name, level, parent_pcode, and optionally name_en, name_fr, name_es, name_ar.
 * Comma or semicolon separated (as Excel writes in French and Spanish locales), UTF-8 with or without BOM.
 */
export function parseLocationsCsv(content: string): ParseResult {
  const problems: DetailInput[] = [];
  const text = content.replace(/^\uFEFF/, '');
  if (!text.trim()) return { rows: [], problems: [{ reason: 'empty_file' }] };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Record<string, string>[];
  let lines: number[];
  try {
    // `info` gives each record's line in the file, so rows stay right when blank lines are skipped.
    const parsed = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    lines = parsed.map((p) => p.info.lines);
  } catch {
    return { rows: [], problems: [{ reason: 'unreadable_file', params: { format: 'CSV' } }] };
  }
  const header = Object.keys(records[0] ?? {});
  for (const column of ['pcode', 'name', 'level']) {
    if (records.length && !header.includes(column)) problems.push({ row: 1, field: column, reason: 'missing_column', params: { column } });
  }
  if (problems.length) return { rows: [], problems };
  const rows = records.map((r, i) => ({
    row: lines[i] ?? i + 2,
    pcode: r.pcode ?? '',
    name: r.name ?? '',
    level: (r.level ?? '').toLowerCase() as LocationLevel,
    parentPcode: r.parent_pcode || null,
    names: Object.fromEntries(LOCALES.map((l) => [l, r[`name_${l}`] ?? '']).filter(([, v]) => v)),
    geometry: undefined,
  }));
  if (rows.length === 0) problems.push({ reason: 'empty_file' });
  return { rows, problems };
}

export interface GeoJsonOptions {
  level?: LocationLevel | undefined;
  pcodeProperty?: string | undefined;
  nameProperty?: string | undefined;
  parentPcodeProperty?: string | undefined;
  parentPcode?: string | undefined;
}

/** A GeoJSON FeatureCollection; P-code, name and parent come from the named properties. */
export function parseLocationsGeoJson(content: string, opts: GeoJsonOptions): ParseResult {
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(content.replace(/^\uFEFF/, '')) as typeof doc;
  } catch {
    return { rows: [], problems: [{ reason: 'unreadable_file', params: { format: 'GeoJSON' } }] };
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    return { rows: [], problems: [{ reason: 'unreadable_file', params: { format: 'GeoJSON FeatureCollection' } }] };
  }
  if (doc.features.length === 0) return { rows: [], problems: [{ reason: 'empty_file' }] };
  const pcodeKey = opts.pcodeProperty || 'pcode';
  const nameKey = opts.nameProperty || 'name';
  const parentKey = opts.parentPcodeProperty || 'parent_pcode';
  const rows = doc.features.map((f, i) => {
    const feature = (f ?? {}) as { properties?: Record<string, unknown>; geometry?: { type?: string } | null };
    const p = feature.properties ?? {};
    const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
    return {
      row: i + 1,
      pcode: str(p[pcodeKey]),
      name: str(p[nameKey]),
      level: (opts.level ?? str(p.level).toLowerCase()) as LocationLevel,
      parentPcode: str(p[parentKey]) || opts.parentPcode || null,
      names: Object.fromEntries(LOCALES.map((l) => [l, str(p[`name_${l}`])]).filter(([, v]) => v)),
      geometry: feature.geometry ?? null,
    };
  });
  return { rows, problems: [] };
}

/** Checks each row on its own and against the others in the file; parents may also be already stored. */
export function checkRows(rows: ImportedLocation[], stored: Map<string, { level: string }>): DetailInput[] {
  const problems: DetailInput[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) if (r.pcode && !firstRow.has(r.pcode)) firstRow.set(r.pcode, r.row);
  const inFile = new Map(rows.map((r) => [r.pcode, r]));
  for (const r of rows) {
    if (!r.pcode) problems.push({ row: r.row, field: 'pcode', reason: 'required' });
    else if (!PCODE.test(r.pcode)) problems.push({ row: r.row, field: 'pcode', reason: 'invalid_format', params: { format: 'P-code' } });
    else if (firstRow.get(r.pcode) !== r.row) problems.push({ row: r.row, field: 'pcode', reason: 'duplicate_in_file', params: { otherRow: firstRow.get(r.pcode)! } });
    if (!r.name) problems.push({ row: r.row, field: 'name', reason: 'required' });
    else if (r.name.length > 200) problems.push({ row: r.row, field: 'name', reason: 'too_long', params: { maximum: 200 } });
    if (levelIndex(r.level) < 0) {
      problems.push({ row: r.row, field: 'level', reason: 'unknown_level', params: { level: r.level || '—' } });
      continue;
    }
    if (r.geometry && !['Polygon', 'MultiPolygon'].includes((r.geometry as { type?: string }).type ?? '')) {
      problems.push({ row: r.row, field: 'geometry', reason: 'invalid_geometry' });
    }
    if (r.level === 'country') {
      if (r.parentPcode) problems.push({ row: r.row, field: 'parent_pcode', reason: 'parent_level', params: { level: 'country', parentLevel: '—' } });
      continue;
    }
    if (!r.parentPcode) {
      problems.push({ row: r.row, field: 'parent_pcode', reason: 'required' });
      continue;
    }
    const parentLevel = inFile.get(r.parentPcode)?.level ?? stored.get(r.parentPcode)?.level;
    if (!parentLevel) problems.push({ row: r.row, field: 'parent_pcode', reason: 'unknown_parent', params: { parent: r.parentPcode } });
    else if (levelIndex(parentLevel) < 0 || levelIndex(parentLevel) >= levelIndex(r.level)) {
      problems.push({ row: r.row, field: 'parent_pcode', reason: 'parent_level', params: { level: r.level, parentLevel } });
    }
  }
  return problems;
}

/**
 * A stored place whose level the file changes must stay above the places already stored under
 * it; children that are themselves in the file are checked by checkRows.
 */
export function checkStoredChildren(
  rows: ImportedLocation[],
  stored: Map<string, { id: string; level: string }>,
  children: { pcode: string; level: string; parent_id: string | null }[],
): DetailInput[] {
  const inFile = new Set(rows.map((r) => r.pcode));
  const problems: DetailInput[] = [];
  for (const r of rows) {
    const before = stored.get(r.pcode);
    if (!before || before.level === r.level || levelIndex(r.level) < 0) continue;
    for (const child of children) {
      if (child.parent_id !== before.id || inFile.has(child.pcode) || levelIndex(child.level) > levelIndex(r.level)) continue;
      problems.push({ row: r.row, field: 'level', reason: 'parent_level', params: { level: child.level, parentLevel: r.level } });
    }
  }
  return problems;
}

/** Orders rows so that every parent is written before its children. */
export const parentsFirst = (rows: ImportedLocation[]) => [...rows].sort((a, b) => levelIndex(a.level) - levelIndex(b.level));
