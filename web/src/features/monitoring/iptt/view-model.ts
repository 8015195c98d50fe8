import type { Figure, Iptt, IpttCell, IpttRow } from '@shared/schemas/monitoring.js';

/**
 * What the IPTT table shows, worked out from the API answer once per render: every cell's text,
 * whether it rests on pending values, and the % met band. The figures themselves come from the
 * server's one aggregation engine; nothing is recomputed here, only formatted.
 */

/** `Intl.NumberFormat` in the reader's language (web/src/lib/format.ts's formatNumber in the app). */
export type NumberFormat = (n: number, options?: Intl.NumberFormatOptions) => string;

export type IndicatorType = Extract<IpttRow, { kind: 'indicator' }>['type'];

/** ≥ 90 % met, 60–90 % partly met, under 60 % behind: the usual IPTT traffic light. */
export type MetBand = 'met' | 'partial' | 'low';
export const MET_THRESHOLDS = { met: 90, partial: 60 } as const;

export interface FigureView {
  /** Formatted in the reader's language; "—" when there is nothing. */
  text: string;
  empty: boolean;
  /** Some value behind it is not approved yet: shown in italics with the pending marker. */
  pending: boolean;
  /** For percentages, Σnumerator / Σdenominator, shown on hover. */
  detail?: string;
}

export interface MetView extends FigureView {
  band: MetBand | null;
}

export interface CellView {
  target: FigureView;
  actual: FigureView;
  met: MetView;
}

export type RowView =
  | { kind: 'project'; key: string; code: string; title: string }
  | { kind: 'result'; key: string; level: number; levelLabel: string; code: string; title: string }
  | {
      kind: 'indicator';
      key: string;
      indicatorId: string;
      code: string;
      name: string;
      unit: string;
      baseline: FigureView;
      lop: CellView;
      periods: CellView[];
    }
  | { kind: 'disaggregation'; key: string; indicatorId: string; categoryName: string; optionLabel: string; lop: CellView; periods: CellView[] };

export interface PeriodColumn {
  key: string;
  start: string;
  end: string;
  /** The months it covers in the reader's language: "Jan – Mar 2026", or "Mar 2026" for a month. */
  range: string;
}

export interface IpttView {
  periods: PeriodColumn[];
  rows: RowView[];
  indicatorCount: number;
  /** Any figure in the table rests on a value not yet approved. */
  anyPending: boolean;
}

export interface ViewTexts {
  yes: string;
  no: string;
}

const EMPTY: FigureView = { text: '—', empty: true, pending: false };
const EMPTY_CELL: CellView = { target: EMPTY, actual: EMPTY, met: { ...EMPTY, band: null } };

/** The band of a % met, taken from the whole percent that is displayed, so the colour never contradicts the number. */
export function metBand(percent: number | null): MetBand | null {
  if (percent === null || !Number.isFinite(percent)) return null;
  const shown = Math.round(percent);
  if (shown >= MET_THRESHOLDS.met) return 'met';
  if (shown >= MET_THRESHOLDS.partial) return 'partial';
  return 'low';
}

/** A value of an indicator of the given type: percentages are stored as 0–100 and shown with the reader's % sign. */
export function formatIndicatorValue(value: number | null | undefined, type: IndicatorType, fmt: NumberFormat, texts: ViewTexts): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (type) {
    case 'percentage':
      return fmt(value / 100, { style: 'percent', maximumFractionDigits: 1 });
    case 'yes_no':
      return value !== 0 ? texts.yes : texts.no;
    case 'qualitative':
      // Qualitative indicators carry narratives, not figures; a number here would mean nothing.
      return '—';
    default:
      return fmt(value, { maximumFractionDigits: 2 });
  }
}

function figureView(figure: Figure | null, type: IndicatorType, fmt: NumberFormat, texts: ViewTexts): FigureView {
  if (!figure || figure.value === null) return { ...EMPTY, pending: !!figure?.pending };
  const detail =
    type === 'percentage' && figure.numerator != null && figure.denominator != null
      ? `${fmt(figure.numerator, { maximumFractionDigits: 2 })} / ${fmt(figure.denominator, { maximumFractionDigits: 2 })}`
      : undefined;
  return { text: formatIndicatorValue(figure.value, type, fmt, texts), empty: false, pending: figure.pending, detail };
}

function targetView(target: number | null, type: IndicatorType, fmt: NumberFormat, texts: ViewTexts): FigureView {
  return target === null ? EMPTY : { text: formatIndicatorValue(target, type, fmt, texts), empty: false, pending: false };
}

function metView(percent: number | null, pending: boolean, fmt: NumberFormat): MetView {
  const band = metBand(percent);
  if (percent === null || band === null) return { ...EMPTY, band: null };
  // % met follows the actual: when the actual rests on pending values, so does the percentage.
  return { text: fmt(Math.round(percent) / 100, { style: 'percent', maximumFractionDigits: 0 }), empty: false, pending, band };
}

export function cellView(cell: IpttCell | undefined, type: IndicatorType, fmt: NumberFormat, texts: ViewTexts): CellView {
  if (!cell) return EMPTY_CELL;
  const actual = figureView(cell.actual, type, fmt, texts);
  return { target: targetView(cell.target, type, fmt, texts), actual, met: metView(cell.percentMet, actual.pending, fmt) };
}

/** "Jan – Mar 2026", "Oct 2025 – Mar 2026", "Mar 2026": months are enough, the key says the rest. */
export function periodRange(start: string, end: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) return format.format(a);
  return format.formatRange(a, b);
}

/**
 * The whole table. Disaggregation rows take the type of the indicator above them (they have no
 * type of their own); a row with fewer period cells than the header is padded with empty cells.
 */
export function buildIpttView(iptt: Iptt, fmt: NumberFormat, locale: string, texts: ViewTexts): IpttView {
  const periodCount = iptt.periods.length;
  const cells = (row: { lop: IpttCell; periods: IpttCell[] }, type: IndicatorType) => ({
    lop: cellView(row.lop, type, fmt, texts),
    periods: Array.from({ length: periodCount }, (_, i) => cellView(row.periods[i], type, fmt, texts)),
  });

  let type: IndicatorType = 'number';
  let indicatorCount = 0;
  const rows: RowView[] = iptt.rows.map((row, i): RowView => {
    switch (row.kind) {
      case 'project':
        return { kind: 'project', key: `p:${row.projectId}:${i}`, code: row.code, title: row.title };
      case 'result':
        return { kind: 'result', key: `r:${row.resultNodeId}:${i}`, level: row.level, levelLabel: row.levelLabel, code: row.code, title: row.title };
      case 'indicator':
        type = row.type;
        indicatorCount++;
        return {
          kind: 'indicator',
          key: `i:${row.indicatorId}:${i}`,
          indicatorId: row.indicatorId,
          code: row.code,
          name: row.name,
          unit: row.unit,
          baseline: targetView(row.baseline, row.type, fmt, texts),
          ...cells(row, row.type),
        };
      case 'disaggregation':
        return {
          kind: 'disaggregation',
          key: `d:${row.indicatorId}:${row.optionId}:${i}`,
          indicatorId: row.indicatorId,
          categoryName: row.categoryName,
          optionLabel: row.optionLabel,
          ...cells(row, type),
        };
    }
  });

  const anyPending = rows.some((r) => (r.kind === 'indicator' || r.kind === 'disaggregation') && [r.lop, ...r.periods].some((c) => c.actual.pending));
  return {
    periods: iptt.periods.map((p) => ({ key: p.key, start: p.start, end: p.end, range: periodRange(p.start, p.end, locale) })),
    rows,
    indicatorCount,
    anyPending,
  };
}
