import type { Period } from '@shared/domain/periods.js';
import type { Figure, Granularity } from '@shared/schemas/monitoring.js';
import type { Database } from '../../db/database.js';
import { aggregateFacts } from './engine.js';
import type { EngineIndicator, EngineQuery, EngineRow } from './engine.types.js';

/**
 * Every actual of an IPTT, asked of the engine in a handful of batched questions whatever the
 * number of indicators: the life of project (the whole range), the periods (running totals for
 * cumulative indicators, a separate question because `running` applies to a whole query), and the
 * same again for each disaggregation category, with only the indicators broken down by it.
 */
export interface FigurePlanIndicator {
  engine: EngineIndicator;
  cumulative: boolean;
  categoryIds: string[];
}

export interface FigurePlan {
  indicators: FigurePlanIndicator[];
  /** Categories whose rows are shown. */
  categoryIds: string[];
  periods: Period[];
  granularity: Granularity;
  fyStartMonth: number;
}

export type BaseQuery = Omit<EngineQuery, 'indicators' | 'groupBy'>;

/** The column of a figure: `LOP` or a period key. */
export const LOP_COLUMN = 'LOP';

export class FigureTable {
  private readonly figures = new Map<string, Figure>();
  private static key = (indicatorId: string, column: string, optionId: string | null) => `${indicatorId}\u0000${column}\u0000${optionId ?? ''}`;

  add(row: EngineRow, column: string, optionId: string | null) {
    this.figures.set(FigureTable.key(row.indicatorId, column, optionId), row.figure);
  }

  /** The figure of an indicator (or one option of it) in a column; null where nothing was reported. */
  get(indicatorId: string, column: string, optionId: string | null = null): Figure | null {
    return this.figures.get(FigureTable.key(indicatorId, column, optionId)) ?? null;
  }
}

export async function loadFigures(db: Database, base: BaseQuery, plan: FigurePlan): Promise<FigureTable> {
  const table = new FigureTable();
  const asks: Promise<void>[] = [];
  const ask = (indicators: FigurePlanIndicator[], categoryId: string | null, period: 'none' | 'flat' | 'running') => {
    if (indicators.length === 0) return;
    const groupBy: EngineQuery['groupBy'] = {};
    if (categoryId) groupBy.categories = [categoryId];
    if (period !== 'none') groupBy.period = { granularity: plan.granularity, fyStartMonth: plan.fyStartMonth, running: period === 'running' };
    asks.push(
      aggregateFacts(db, { ...base, indicators: indicators.map((i) => i.engine), groupBy }).then((rows) => {
        for (const row of rows) {
          const optionId = categoryId ? (row.options?.[categoryId] ?? null) : null;
          // An indicator not broken down by the category answers under "not disaggregated": no option row.
          if (categoryId && optionId === null) continue;
          table.add(row, row.period?.key ?? LOP_COLUMN, optionId);
        }
      }),
    );
  };
  for (const categoryId of [null, ...plan.categoryIds]) {
    const indicators = categoryId ? plan.indicators.filter((i) => i.categoryIds.includes(categoryId)) : plan.indicators;
    ask(indicators, categoryId, 'none');
    if (plan.periods.length === 0) continue;
    ask(indicators.filter((i) => !i.cumulative), categoryId, 'flat');
    ask(indicators.filter((i) => i.cumulative), categoryId, 'running');
  }
  await Promise.all(asks);
  return table;
}
