import { ACTIVITY_STATUSES, type ActivityStatus, type PlannedActivity } from '@shared/schemas/workplans.js';

/** The list view's filters, as kept in the address (`?team=…&location=…&status=delayed&overdue=1`). */
export interface ActivityFilters {
  team: string;
  /** A location id. */
  location: string;
  status: ActivityStatus | '';
  overdue: boolean;
}

export type PlanView = 'gantt' | 'list';

export function readFilters(params: URLSearchParams): ActivityFilters {
  const status = params.get('status') ?? '';
  return {
    team: params.get('team') ?? '',
    location: params.get('location') ?? '',
    status: (ACTIVITY_STATUSES as readonly string[]).includes(status) ? (status as ActivityStatus) : '',
    overdue: params.get('overdue') === '1',
  };
}

export const readView = (params: URLSearchParams): PlanView => (params.get('view') === 'list' ? 'list' : 'gantt');

export const hasFilters = (f: ActivityFilters) => !!(f.team || f.location || f.status || f.overdue);

/** The activities the filters let through, in the plan's order. */
export function filterActivities<T extends Pick<PlannedActivity, 'team' | 'locationId' | 'status' | 'overdue'>>(activities: readonly T[], f: ActivityFilters): T[] {
  return activities.filter(
    (a) => (!f.team || a.team === f.team) && (!f.location || a.locationId === f.location) && (!f.status || a.status === f.status) && (!f.overdue || a.overdue),
  );
}

/** The teams and locations the plan's activities name, sorted, for the filters' choices. */
export function filterChoices(activities: readonly Pick<PlannedActivity, 'team' | 'locationId' | 'locationName'>[], locale: string) {
  const collator = new Intl.Collator(locale);
  const teams = [...new Set(activities.map((a) => a.team).filter(Boolean))].sort(collator.compare);
  const locations = new Map<string, string>();
  for (const a of activities) if (a.locationId) locations.set(a.locationId, a.locationName ?? a.locationId);
  return {
    teams,
    locations: [...locations.entries()].map(([value, label]) => ({ value, label })).sort((x, y) => collator.compare(x.label, y.label)),
  };
}
