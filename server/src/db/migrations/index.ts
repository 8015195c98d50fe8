import type { Migration } from 'kysely';
import * as foundation from './2026_11_23_1900_foundation.js';
import * as resultsFramework from './2026_11_23_2015_results_framework.js';
import * as targetsLibraryProgrammes from './2026_11_23_2330_targets_library_programmes.js';

/** Every migration, by name; names sort by time. Listed here so bundling and tsx need no directory scan. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_1900_foundation': foundation,
  '2026_11_23_2015_results_framework': resultsFramework,
  '2026_11_23_2330_targets_library_programmes': targetsLibraryProgrammes,
};
