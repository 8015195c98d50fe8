import type { Locale } from '@shared/locales.js';
import { GRANULARITIES, type Iptt, type IpttCell, IpttQuery, type IpttRow } from '@shared/schemas/monitoring.js';
import type { Ctx } from '../../lib/context.js';
import { getIptt } from '../analytics/iptt.service.js';
import { formatValue, indicatorMeasure, narratives, resultType } from './iati.codes.js';
import type { ProjectBundle } from './iati.load.js';
import type { IatiIndicator, IatiPeriod, IatiPeriodValue, IatiResult } from './iati.model.js';

type IndicatorRow = Extract<IpttRow, { kind: 'indicator' }>;
type OptionRow = Extract<IpttRow, { kind: 'disaggregation' }>;

/** One indicator's rows of an IPTT: its total and its options. */
interface Figures {
  periods: Iptt['periods'];
  total: IndicatorRow;
  options: OptionRow[];
}

/**
 * Results with their indicators, baselines and periods. Targets and actuals are the IPTT's (the one
 * aggregation engine, approved values only), asked once per collection frequency in use so that each
 * indicator's periods are its own reporting periods; a life-of-project indicator gets one period over
 * the project's dates. Category and option names come in the export's language.
 */
export async function activityResults(ctx: Ctx, b: ProjectBundle, language: Locale, today: string): Promise<IatiResult[]> {
  const figures = await figuresByIndicator({ ...ctx, locale: language }, b);
  const template = b.framework?.template ?? 'custom';
  return b.results
    .filter((r) => r.indicators.length > 0)
    .map(({ node, indicators }) => ({
      type: resultType(template, node.level),
      title: titleOrCode(narratives(node.title, node.titles_json, language), node.code),
      description: narratives(node.description, '{}', language),
      indicators: indicators.map((i): IatiIndicator => ({
        id: i.id,
        measure: indicatorMeasure(i.type),
        ascending: i.direction !== 'decrease',
        title: titleOrCode(narratives(i.name, i.names_json, language), i.code),
        description: narratives(i.definition, i.definitions_json, language),
        baseline: i.baseline_date
          ? { year: Number(i.baseline_date.slice(0, 4)), isoDate: i.baseline_date, value: i.baseline_value === null ? null : formatValue(Number(i.baseline_value)) }
          : null,
        periods: periodsOf(figures.get(i.id), i.frequency, b, today),
      })),
    }));
}

/** A title IATI can show even when the text is empty: the code. */
const titleOrCode = (list: ReturnType<typeof narratives>, code: string) => (list.length ? list : [{ text: code, lang: null }]);

async function figuresByIndicator(ctx: Ctx, b: ProjectBundle): Promise<Map<string, Figures>> {
  const frequencies = new Set(b.results.flatMap((r) => r.indicators.map((i) => i.frequency)));
  // Life-of-project indicators read the life-of-project column, which every granularity carries.
  const granularities = GRANULARITIES.filter((g) => frequencies.has(g));
  if (frequencies.has('lop') && granularities.length === 0) granularities.push('year');
  const out = new Map<string, Figures>();
  for (const granularity of granularities) {
    const iptt = await getIptt(ctx, IpttQuery.parse({ scope: 'project', id: b.project.id, granularity }));
    for (const [id, f] of rowsByIndicator(iptt)) {
      const frequency = b.results.flatMap((r) => r.indicators).find((i) => i.id === id)?.frequency;
      if (frequency === granularity || (frequency === 'lop' && !out.has(id))) out.set(id, f);
    }
  }
  return out;
}

function rowsByIndicator(iptt: Iptt): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const row of iptt.rows) {
    if (row.kind === 'indicator') out.set(row.indicatorId, { periods: iptt.periods, total: row, options: [] });
    else if (row.kind === 'disaggregation') out.get(row.indicatorId)?.options.push(row);
  }
  return out;
}

/**
 * Periods with a target or an approved actual, in order; nothing for qualitative indicators (the IPTT
 * has no figures for them). A period not yet begun has no actual, although the IPTT carries a running
 * total forward into it: nothing was measured there yet.
 */
function periodsOf(f: Figures | undefined, frequency: string, b: ProjectBundle, today: string): IatiPeriod[] {
  if (!f) return [];
  if (frequency === 'lop') {
    const period = toPeriod(b.project.start_date, b.project.end_date, f.total.lop, f.options.map((o) => [o, o.lop]), today);
    return period ? [period] : [];
  }
  return f.periods.flatMap((p, n) => {
    const period = toPeriod(p.start, p.end, f.total.periods[n]!, f.options.map((o) => [o, o.periods[n]!]), today);
    return period ? [period] : [];
  });
}

function toPeriod(start: string, end: string, total: IpttCell, options: [OptionRow, IpttCell][], today: string): IatiPeriod | null {
  const pick = (which: 'target' | 'actual'): IatiPeriodValue[] => {
    if (which === 'actual' && start > today) return [];
    const valueOf = (c: IpttCell) => (which === 'target' ? c.target : (c.actual?.value ?? null));
    const whole = valueOf(total);
    const parts = options.flatMap(([o, c]) => {
      const v = valueOf(c);
      return v === null ? [] : [{ value: formatValue(v), dimensions: [{ name: o.categoryName, value: o.optionLabel }] }];
    });
    return [...(whole === null ? [] : [{ value: formatValue(whole), dimensions: [] }]), ...parts];
  };
  const targets = pick('target');
  const actuals = pick('actual');
  return targets.length || actuals.length ? { start, end, targets, actuals } : null;
}
