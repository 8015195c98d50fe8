import type { z } from 'zod';
import type { CreateIndicatorBody, CreateLibraryIndicatorBody } from '@shared/schemas/index.js';

/** Targets of a demo indicator, written as a planner would: per period in order, then shares. */
export interface TargetsSeed {
  /** One total per period of the indicator's frequency over the project's dates, in order (fewer is fine). */
  periods?: number[];
  /** Each period total split by option, e.g. `{ 'sex=female': 0.55, 'sex=male': 0.45 }` (rounded). */
  split?: Record<string, number>;
  /** The life-of-project target broken down by location P-code, as shares (period `LOP`). */
  byLocation?: Record<string, number>;
}

type Definition = Omit<z.input<typeof CreateIndicatorBody>, 'categoryIds' | 'contributesToId'>;

/** A demo indicator: its definition, or an adoption of a library entry, plus categories, targets and roll-up. */
export type IndicatorSeed = (Definition | { adopt: string; code: string; lopTarget?: number; baselineValue?: number; baselineDate?: string; responsible?: string }) & {
  /** Category codes, in order, e.g. `['sex', 'age']` (adopted indicators take the library entry's). */
  disaggregations?: string[];
  targets?: TargetsSeed;
  /** Code of the programme indicator it rolls up into. */
  contributesTo?: string;
};

export interface NodeSeed {
  code: string;
  title: string;
  fr?: string;
  indicators?: IndicatorSeed[];
  children?: NodeSeed[];
}

export interface FrameworkSeed {
  template: 'fcdo' | 'eu' | 'usaid' | 'custom';
  nodes: NodeSeed[];
}

/** A library entry; `disaggregations` are category codes of the owning organisation. */
export type LibrarySeed = Omit<z.input<typeof CreateLibraryIndicatorBody>, 'categoryIds'> & { disaggregations?: string[] };

export const people = (code: string, name: string, fr: string, lopTarget: number, extra: Partial<Definition> = {}): Definition => ({
  code, name, names: { fr }, type: 'number', unit: 'people', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum',
  cumulative: true, baselineValue: 0, baselineDate: '2024-01-01', lopTarget, frequency: 'quarter', ...extra,
});

export const SEX_SPLIT = { 'sex=female': 0.52, 'sex=male': 0.48 };
