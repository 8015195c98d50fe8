import type { LocationLevel } from '@shared/schemas/locations.js';
import type { Figure, Granularity } from '@shared/schemas/monitoring.js';
import type { AggregationRules } from '@shared/domain/aggregation.js';

/**
 * The contract of the one aggregation engine (engine.ts). The IPTT, pivots, dashboards, maps and
 * their exports all ask it; none adds figures up on its own, so the same question always gets the
 * same number. Semantics are those of shared/src/domain/aggregation.ts (`aggregate`), which the
 * engine's tests use as the reference:
 *
 * 1. Disaggregation cells of one place and period are added up (they split one population; a
 *    percentage pools numerators and denominators). With no category asked for, the total cell
 *    (key '') is read; with categories, the full-combination cells are read and grouped by the
 *    asked categories' options. An indicator without an asked category gives its total under
 *    option `null` ("not disaggregated").
 * 2. Per place, the periods in a bucket are combined by the indicator's time rule.
 * 3. Places are combined by the location rule (sum, max, average, none = only when one place).
 * Percentages: Σnumerator ÷ Σdenominator at every step, never an average of percentages.
 * Missing data is absent (no row), never zero.
 */

/** Which facts a reader may use on one project (from analytics-access.ts). */
export interface FactScope {
  projectId: string;
  /** Only this organisation's values (a partner or reporter without a wider role); null = all. */
  organisationId: string | null;
  /** The reader may see values of packages submitted and not yet approved. */
  pendingAllowed: boolean;
}

/**
 * An indicator as the engine reports it. `sourceIds` are the indicators whose facts count for it:
 * itself for a project indicator; the contributing project indicators for a programme indicator
 * (roll-up), combined by the programme indicator's own rules.
 */
export interface EngineIndicator {
  id: string;
  sourceIds: string[];
  rules: AggregationRules;
}

export interface EngineQuery {
  indicators: EngineIndicator[];
  /** Facts outside every scope are never read. An empty list reads nothing. */
  scopes: FactScope[];
  /** Values whose reporting period lies within [from, to] (whole months; inclusive). */
  from?: string;
  to?: string;
  /** Only these places and every place under them. */
  locationIds?: string[];
  organisationIds?: string[];
  /** Ask for pending values too; honoured only on scopes with pendingAllowed. */
  includePending: boolean;
  /** Keep only some options of a category: { categoryId: optionIds }. */
  optionFilter?: Record<string, string[]>;
  groupBy: {
    /** Group places under their ancestor at this level; values above the level or without a place → locationId null. */
    location?: LocationLevel;
    /**
     * Buckets of this granularity in the fiscal year starting in `fyStartMonth`. A value belongs to
     * the bucket its reporting period starts in. `running`: each bucket holds everything from the
     * first value up to the bucket's end (cumulative indicators' "to date").
     */
    period?: { granularity: Granularity; fyStartMonth: number; running?: boolean };
    organisation?: boolean;
    project?: boolean;
    /** Disaggregation categories to group by, in order. */
    categories?: string[];
  };
}

/** One group of the answer. Only the fields of the asked groupings are set. */
export interface EngineRow {
  indicatorId: string;
  locationId?: string | null;
  period?: { key: string; start: string; end: string };
  organisationId?: string;
  projectId?: string;
  /** categoryId → optionId, or null when the indicator is not disaggregated by that category. */
  options?: Record<string, string | null>;
  figure: Figure;
}
