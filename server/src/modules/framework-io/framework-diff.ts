import type { z } from 'zod';
import type { Indicator, ResultNode, UpdateIndicatorBody, UpdateResultNodeBody } from '@shared/schemas/index.js';
import type { DetailInput } from '../../lib/errors.js';
import { LIBRARY_LOCKED_FIELDS } from '../results/indicators.checks.js';
import type { FrameworkPlan, PlannedIndicator, PlannedNode } from './framework-parse.js';
import type { FrameworkSnapshot } from './framework-snapshot.js';
import { SHEET } from './framework-template.js';

type NodePatch = z.infer<typeof UpdateResultNodeBody>;
type IndicatorChanges = z.infer<typeof UpdateIndicatorBody>['changes'];

/** What the import will do, worked out before anything is written. */
export interface FrameworkDiff {
  nodes: { planned: PlannedNode; stored?: ResultNode; patch: NodePatch; moved: boolean }[];
  indicators: { planned: PlannedIndicator; stored?: Indicator; changes: IndicatorChanges; moved: boolean }[];
  /** Stored results and indicators whose code is not in the file. */
  deletedNodes: ResultNode[];
  deletedIndicators: Indicator[];
  problems: DetailInput[];
}

/** The file's translations (fr, es, ar) laid over the stored ones, so a language the file has no column for is kept. */
const merged = (stored: Record<string, string>, file: Record<string, string>) => {
  const kept = Object.fromEntries(Object.entries(stored).filter(([k]) => !['fr', 'es', 'ar'].includes(k)));
  return { ...kept, ...file };
};
const sameRecord = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const INDICATOR_COLUMN: Record<string, string> = {
  code: 'code', name: 'name', names: 'name_fr', definition: 'definition', unit: 'unit', type: 'type', direction: 'direction',
  timeAggregation: 'time_aggregation', locationAggregation: 'location_aggregation', cumulative: 'cumulative', baselineValue: 'baseline_value',
  baselineDate: 'baseline_date', lopTarget: 'lop_target', meansOfVerification: 'means_of_verification', dataSource: 'data_source',
  collectionMethod: 'collection_method', frequency: 'frequency', responsible: 'responsible', categoryIds: 'disaggregations', resultNodeId: 'result_code',
};

export function diffFramework(s: FrameworkSnapshot, plan: FrameworkPlan): FrameworkDiff {
  const problems: DetailInput[] = [];
  const storedNode = new Map(s.nodes.map((n) => [n.code, n]));
  const codeOfNode = new Map(s.nodes.map((n) => [n.id, n.code]));
  const nodes = plan.nodes.map((planned) => {
    const stored = storedNode.get(planned.code);
    const patch: NodePatch = {};
    if (stored) {
      if (planned.title !== stored.title) patch.title = planned.title;
      if (planned.titles && !sameRecord(merged(stored.titles, planned.titles), stored.titles)) patch.titles = merged(stored.titles, planned.titles);
      if (planned.description !== undefined && planned.description !== stored.description) patch.description = planned.description;
    }
    const moved = !!stored && (stored.parentId ? codeOfNode.get(stored.parentId)! : null) !== planned.parentCode;
    return { planned, stored, patch, moved };
  });

  const storedIndicator = new Map(s.indicators.map((i) => [i.code, i]));
  const indicators = plan.indicators.map((planned) => {
    const stored = storedIndicator.get(planned.code);
    const changes: IndicatorChanges = {};
    if (stored) {
      for (const [key, value] of Object.entries(planned.fields) as [keyof PlannedIndicator['fields'], unknown][]) {
        const next = key === 'names' ? merged(stored.names, value as Record<string, string>) : value;
        const differs = key === 'names' ? !sameRecord(next as Record<string, string>, stored.names) : !same(next, stored[key]);
        if (differs) (changes as Record<string, unknown>)[key] = next;
      }
      // While linked to a library entry, what makes values comparable across projects cannot change (indicators.checks.ts).
      if (stored.libraryIndicatorId) {
        for (const f of LIBRARY_LOCKED_FIELDS.filter((f) => f in changes)) {
          problems.push({ sheet: SHEET.indicators, row: planned.row, column: INDICATOR_COLUMN[f] ?? f, reason: 'linked_to_library' });
        }
      }
    }
    const moved = !!stored && codeOfNode.get(stored.resultNodeId) !== planned.resultCode;
    return { planned, stored, changes, moved };
  });

  const inFile = { nodes: new Set(plan.nodes.map((n) => n.code)), indicators: new Set(plan.indicators.map((i) => i.code)) };
  return {
    nodes,
    indicators,
    deletedNodes: s.nodes.filter((n) => !inFile.nodes.has(n.code)),
    deletedIndicators: s.indicators.filter((i) => !inFile.indicators.has(i.code)),
    problems,
  };
}
