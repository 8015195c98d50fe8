import type { Migration } from 'kysely';
import * as foundation from './2026_11_23_1900_foundation.js';
import * as resultsFramework from './2026_11_23_2015_results_framework.js';
import * as targetsLibraryProgrammes from './2026_11_23_2330_targets_library_programmes.js';
import * as fieldReporting from './2026_11_24_0900_field_reporting.js';
import * as monitoring from './2026_11_25_0900_monitoring.js';
import * as analyticsTotals from './2026_11_25_1000_analytics_totals.js';
import * as outputs from './2026_11_26_0900_outputs.js';
import * as plansAndMoney from './2026_11_27_0900_plans_and_money.js';

/** Every migration, by name; names sort by time. Listed here so bundling and tsx need no directory scan. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_1900_foundation': foundation,
  '2026_11_23_2015_results_framework': resultsFramework,
  '2026_11_23_2330_targets_library_programmes': targetsLibraryProgrammes,
  '2026_11_24_0900_field_reporting': fieldReporting,
  '2026_11_25_0900_monitoring': monitoring,
  '2026_11_25_1000_analytics_totals': analyticsTotals,
  '2026_11_26_0900_outputs': outputs,
  '2026_11_27_0900_plans_and_money': plansAndMoney,
};
