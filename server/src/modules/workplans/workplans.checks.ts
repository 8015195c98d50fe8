import { WORK_PLAN_MAX_DATE, WORK_PLAN_MIN_DATE } from '@shared/schemas/workplans.js';
import type { DetailInput } from '../../lib/errors.js';

/**
 * The rules a plan, an activity and a progress update obey, written once for the API and the
 * workbook import. Each check names the problem's place through `at`, which turns a field name
 * (`plannedEnd`) into a field path (`body.plannedEnd`) or a sheet, row and column.
 */
export type At = (field: string) => Omit<DetailInput, 'reason' | 'params'>;
export const bodyAt: At = (field) => ({ field: `body.${field}` });

const range = { min: WORK_PLAN_MIN_DATE, max: WORK_PLAN_MAX_DATE };

/** Both dates in the sensible range, the end not before the start. */
export function checkDatePair(problems: DetailInput[], at: At, startField: string, start: string | null, endField: string, end: string | null) {
  for (const [field, value] of [[startField, start], [endField, end]] as const) {
    if (value !== null && (value < WORK_PLAN_MIN_DATE || value > WORK_PLAN_MAX_DATE)) problems.push({ ...at(field), reason: 'date_out_of_range', params: range });
  }
  if (start !== null && end !== null && end < start) problems.push({ ...at(endField), reason: 'end_before_start' });
}

export interface ProgressFields {
  status: string;
  percentComplete: number;
  actualStart: string | null;
  actualEnd: string | null;
}

/**
 * Done means 100 % and an actual end date; actual dates are in the sensible range, not after
 * today, the end not before the start.
 */
export function checkProgress(problems: DetailInput[], at: At, p: ProgressFields, today: string) {
  checkDatePair(problems, at, 'actualStart', p.actualStart, 'actualEnd', p.actualEnd);
  for (const field of ['actualStart', 'actualEnd'] as const) {
    const value = p[field];
    if (value !== null && value > today && value <= WORK_PLAN_MAX_DATE) problems.push({ ...at(field), reason: 'actual_date_in_future', params: { today } });
  }
  if (p.status === 'done') {
    if (p.percentComplete !== 100) problems.push({ ...at('percentComplete'), reason: 'done_needs_full_percent' });
    if (p.actualEnd === null) problems.push({ ...at('actualEnd'), reason: 'done_needs_actual_end' });
  }
}

/** A milestone's done date: in range and not after today. */
export function checkDoneDate(problems: DetailInput[], at: At, field: string, value: string | null, today: string) {
  if (value === null) return;
  if (value < WORK_PLAN_MIN_DATE || value > WORK_PLAN_MAX_DATE) problems.push({ ...at(field), reason: 'date_out_of_range', params: range });
  else if (value > today) problems.push({ ...at(field), reason: 'actual_date_in_future', params: { today } });
}

export interface ProjectRefs {
  nodeIds: Set<string>;
  organisationIds: Set<string>;
  locationIds: Set<string>;
}

/** The result node, organisation and location belong to the project. */
export function checkRefs(
  problems: DetailInput[],
  at: At,
  refs: ProjectRefs,
  v: { resultNodeId: string | null; organisationId: string | null; locationId: string | null },
) {
  if (v.resultNodeId && !refs.nodeIds.has(v.resultNodeId)) problems.push({ ...at('resultNodeId'), reason: 'not_project_result' });
  if (v.organisationId && !refs.organisationIds.has(v.organisationId)) problems.push({ ...at('organisationId'), reason: 'not_project_organisation' });
  if (v.locationId && !refs.locationIds.has(v.locationId)) problems.push({ ...at('locationId'), reason: 'not_project_location' });
}

/** The plan is approved: this change needs a plan change request (409 invalid_transition). */
export const lockedDetail = (at: At, field: string): DetailInput => ({ ...at(field), reason: 'plan_approved_use_change_request' });
