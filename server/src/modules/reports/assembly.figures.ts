import type { IpttCell, IpttRow } from '@shared/schemas/monitoring.js';
import type { ReportBlock, TableBlock, TableColumn, TableRow } from './document.types.js';
import type { Loaded } from './assembly.context.js';
import { countsPeople, PEOPLE_BREAKDOWNS } from './people-reached.js';
import { fill } from './report.texts.js';

/**
 * The sections made of figures. Every number comes from the IPTT of the report's period (the same
 * service, query and reader as the IPTT page), so a report and the screen never disagree.
 */

type IndicatorRow = Extract<IpttRow, { kind: 'indicator' }>;
type OptionRow = Extract<IpttRow, { kind: 'disaggregation' }>;

const indicatorRows = (l: Loaded) => l.iptt.rows.filter((r): r is IndicatorRow => r.kind === 'indicator');
const optionRows = (l: Loaded, indicatorId: string) => l.iptt.rows.filter((r): r is OptionRow => r.kind === 'disaggregation' && r.indicatorId === indicatorId);
const value = (c: IpttCell) => c.actual?.value ?? null;
const hasActual = (r: { lop: IpttCell; periods: IpttCell[] }) => [r.lop, ...r.periods].some((c) => value(c) !== null);

/** The indicator table: baseline, then life of project and each period over target, actual and % met, with result rows between. */
export function ipttTable(l: Loaded): ReportBlock[] {
  const T = l.T.iptt;
  const groups = [T.lifeOfProject, ...l.iptt.periods.map((p) => l.fmt.period(p, l.granularity))];
  const columns: TableColumn[] = [
    // Codes (OP1.1.1), units (committees, households) and the baseline heading are single words:
    // wide enough that they do not break mid-word in a narrow PDF or Word column.
    { label: T.code, kind: 'text', width: 0.95 },
    { label: T.indicator, kind: 'text', width: 2.6 },
    { label: T.unit, kind: 'text', width: 1.2 },
    { label: T.baseline, kind: 'number', width: 1.2 },
    ...groups.flatMap((): TableColumn[] => [
      { label: T.target, kind: 'number' },
      { label: T.actual, kind: 'number' },
      { label: T.percentMet, kind: 'percent' },
    ]),
  ];
  const blank = (label: string): TableRow => ({ cells: [label, ...columns.slice(1).map(() => null)], emphasis: 'level' });
  const rows: TableRow[] = [];
  for (const r of l.iptt.rows) {
    if (r.kind === 'project') rows.push(blank(`${r.code} — ${r.title}`));
    else if (r.kind === 'result') rows.push(blank(`${r.levelLabel} ${r.code}: ${r.title}`));
    else if (r.kind === 'indicator') {
      const cells = [r.lop, ...r.periods].flatMap((c) => [c.target, value(c), c.percentMet]);
      rows.push({ cells: [r.code, r.name, r.unit, r.baseline, ...cells], ...([r.lop, ...r.periods].some((c) => c.actual?.pending) ? { pending: true } : {}) });
    }
  }
  if (!rows.some((r) => r.emphasis !== 'level')) return [{ type: 'paragraph', text: T.none, style: 'note' }];
  const table: TableBlock = {
    type: 'table',
    sheetName: T.sheet,
    caption: fill(T.caption, { start: l.fmt.date(l.input.periodStart), end: l.fmt.date(l.input.periodEnd) }),
    headerGroups: [{ label: '', span: 4 }, ...groups.map((label) => ({ label, span: 3 }))],
    columns,
    rows,
  };
  return [table, { type: 'paragraph', text: T.note, style: 'note' }];
}

/** On track, behind or without a target: judged on the latest period of the report with both a target and a value. */
export function progressCounts(l: Loaded) {
  const rows = indicatorRows(l).filter((r) => r.type !== 'qualitative');
  let onTrack = 0;
  let behind = 0;
  for (const r of rows) {
    const met = [...r.periods].reverse().find((c) => c.percentMet !== null)?.percentMet ?? null;
    if (met === null) continue;
    if (met >= 90) onTrack++;
    else behind++;
  }
  return { indicators: rows.length, reported: rows.filter(hasActual).length, onTrack, behind, unjudged: rows.length - onTrack - behind };
}

/** Key figures: indicators with figures, on track and behind, and how many narrative passages (and untranslated ones) the report holds. */
export function executiveSummary(l: Loaded): ReportBlock[] {
  const S = l.T.summary;
  const c = progressCounts(l);
  const packages = new Set(l.passages.map((p) => p.submissionId)).size;
  const untranslated = l.passages.filter((p) => p.untranslated).length;
  const items = [
    fill(S.reported, { n: c.reported }),
    fill(S.onTrack, { n: c.onTrack }),
    fill(S.behind, { n: c.behind }),
    fill(S.noTarget, { n: c.unjudged }),
    fill(S.narratives, { n: l.passages.length, packages }),
    ...(untranslated ? [fill(S.untranslated, { n: untranslated })] : []),
  ];
  return [
    { type: 'heading', level: 2, text: S.keyFigures },
    { type: 'bullets', items },
    { type: 'paragraph', text: S.rule, style: 'note' },
  ];
}

/** One table per disaggregated indicator: each group's value per period and over the period, then the indicator's total. */
export function disaggregationTables(l: Loaded): ReportBlock[] | null {
  const D = l.T.disaggregation;
  const periods = l.iptt.periods.map((p) => l.fmt.period(p, l.granularity));
  const blocks: ReportBlock[] = [];
  for (const indicator of indicatorRows(l)) {
    const options = optionRows(l, indicator.indicatorId);
    if (!options.length || !options.some(hasActual)) continue;
    const figures = (r: { lop: IpttCell; periods: IpttCell[] }) => [...r.periods.map(value), value(r.lop)];
    const rows: TableRow[] = [];
    let category: string | null = null;
    for (const o of options) {
      if (o.categoryId !== category) {
        category = o.categoryId;
        rows.push({ cells: [o.categoryName, ...periods.map(() => null), null], emphasis: 'level' });
      }
      rows.push({ cells: [o.optionLabel, ...figures(o)], emphasis: 'sub' });
    }
    rows.push({ cells: [D.total, ...figures(indicator)], emphasis: 'total' });
    blocks.push({
      type: 'table',
      sheetName: fill(D.sheet, { code: indicator.code }),
      caption: fill(D.caption, { code: indicator.code, name: indicator.name }),
      columns: [{ label: D.group, kind: 'text', width: 2 }, ...periods.map((label): TableColumn => ({ label, kind: 'number' })), { label: D.total, kind: 'number' }],
      rows,
    });
  }
  return blocks.length ? blocks : null;
}

/** Indicators counting people (people-reached.ts), with their value over the period and its split by sex, age and disability. */
export function peopleReached(l: Loaded): ReportBlock[] | null {
  const P = l.T.people;
  const rows: TableRow[] = [];
  for (const indicator of indicatorRows(l)) {
    if (!countsPeople(indicator)) continue;
    const total = value(indicator.lop);
    if (total === null) continue;
    rows.push({ cells: [indicator.code, indicator.name, total, null], emphasis: 'total' });
    const shown = optionRows(l, indicator.indicatorId).filter((o) => (PEOPLE_BREAKDOWNS as readonly string[]).includes(l.categoryKinds.get(o.categoryId) ?? ''));
    for (const o of shown) {
      const v = value(o.lop);
      rows.push({ cells: ['', `${o.categoryName}: ${o.optionLabel}`, v, v !== null && total > 0 ? Math.round((v / total) * 1000) / 10 : null], emphasis: 'sub' });
    }
  }
  if (!rows.length) return null;
  return [
    {
      type: 'table',
      sheetName: P.sheet,
      caption: P.caption,
      columns: [
        { label: P.code, kind: 'text', width: 0.95 },
        { label: P.indicator, kind: 'text', width: 3 },
        { label: P.reached, kind: 'number' },
        { label: P.share, kind: 'percent' },
      ],
      rows,
    },
    { type: 'paragraph', text: P.rule, style: 'note' },
  ];
}
