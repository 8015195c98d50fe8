import type { DetailInput } from '../../lib/errors.js';

/** Pure checks of a round's settings; each problem names its field. */

export interface ReporterSetting {
  organisationId: string;
  locationIds: string[];
}

/** Every reporter takes part in the project, once; every place is one of the project's. */
export function checkReporters(reporters: ReporterSetting[], known: { organisationIds: Set<string>; locationIds: Set<string> }): DetailInput[] {
  const problems: DetailInput[] = [];
  const seen = new Set<string>();
  reporters.forEach((r, i) => {
    const field = `body.reporters.${i}`;
    if (!known.organisationIds.has(r.organisationId)) problems.push({ field: `${field}.organisationId`, reason: 'not_project_organisation' });
    else if (seen.has(r.organisationId)) problems.push({ field: `${field}.organisationId`, reason: 'duplicate' });
    seen.add(r.organisationId);
    r.locationIds.forEach((id, j) => {
      if (!known.locationIds.has(id)) problems.push({ field: `${field}.locationIds.${j}`, reason: 'not_project_location' });
    });
  });
  return problems;
}

export function checkDueDate(dueDate: string, periodStart: string): DetailInput[] {
  return dueDate < periodStart ? [{ field: 'body.dueDate', reason: 'due_before_period_start', params: { start: periodStart } }] : [];
}

export function checkIndicators(indicatorIds: string[], frameworkIds: Set<string>): DetailInput[] {
  const problems: DetailInput[] = indicatorIds.flatMap((id, i) => (frameworkIds.has(id) ? [] : [{ field: `body.indicatorIds.${i}`, reason: 'not_framework_indicator' }]));
  if (!indicatorIds.length) problems.push({ field: 'body.indicatorIds', reason: 'no_round_indicators' });
  return problems;
}

/** The same places in any order (duplicates ignored). */
export const samePlaces = (a: string[], b: string[]) => {
  const [x, y] = [new Set(a), new Set(b)];
  return x.size === y.size && [...x].every((id) => y.has(id));
};
