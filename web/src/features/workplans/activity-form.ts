import { errorMessage } from '@shared/i18n/error-messages.js';
import type { Locale } from '@shared/locales.js';
import type { ActivityInput, MilestoneKind, PlannedActivity, ProgressInput, ProgressStatus, UpdateActivityInput } from '@shared/schemas/workplans.js';
import type { FieldProblem } from '../projects/form-errors.js';

/** The fields of the activity form that server problems can be placed on (others go in the alert on top). */
export const ACTIVITY_FIELDS = ['code', 'title', 'description', 'resultNodeId', 'plannedStart', 'plannedEnd', 'responsible', 'team', 'organisationId', 'locationId', 'milestones'] as const;
export const PROGRESS_FIELDS = ['status', 'percentComplete', 'actualStart', 'actualEnd', 'statusNote', 'milestones'] as const;

export interface MilestoneForm {
  /** Stable React key; new milestones have no id yet. */
  key: string;
  id?: string;
  kind: MilestoneKind;
  title: string;
  dueDate: string;
  /** '' = not done. */
  doneDate: string;
}

export interface ActivityForm {
  code: string;
  title: string;
  description: string;
  resultNodeId: string | null;
  plannedStart: string;
  plannedEnd: string;
  responsible: string;
  team: string;
  organisationId: string | null;
  locationId: string | null;
  milestones: MilestoneForm[];
}

export interface ProgressForm {
  status: ProgressStatus;
  percentComplete: number;
  actualStart: string;
  actualEnd: string;
  statusNote: string;
  /** Done date per milestone id ('' = not done). */
  milestonesDone: Record<string, string>;
}

let keySeq = 0;
export const newMilestoneKey = () => `new-${++keySeq}`;

/** A new activity starts with the next free code (A1, A2 … after the highest) and the plan's dates. */
export function nextCode(existing: readonly string[]): string {
  const numbers = existing.map((c) => /^A(\d+)$/i.exec(c)?.[1]).filter((n): n is string => !!n).map(Number);
  return `A${(numbers.length ? Math.max(...numbers) : 0) + 1}`;
}

export function initialActivityForm(activity: PlannedActivity | null, plan: { startDate: string; endDate: string; activities: { code: string }[] }): ActivityForm {
  if (!activity)
    return {
      code: nextCode(plan.activities.map((a) => a.code)),
      title: '',
      description: '',
      resultNodeId: null,
      plannedStart: plan.startDate,
      plannedEnd: plan.endDate,
      responsible: '',
      team: '',
      organisationId: null,
      locationId: null,
      milestones: [],
    };
  return {
    code: activity.code,
    title: activity.title,
    description: activity.description,
    resultNodeId: activity.resultNodeId,
    plannedStart: activity.plannedStart,
    plannedEnd: activity.plannedEnd,
    responsible: activity.responsible,
    team: activity.team,
    organisationId: activity.organisationId,
    locationId: activity.locationId,
    milestones: activity.milestones.map((m) => ({ key: m.id, id: m.id, kind: m.kind, title: m.title, dueDate: m.dueDate, doneDate: m.doneDate ?? '' })),
  };
}

/**
 * The activity's body for create (no activity) or update. The progress fields are sent as they stand
 * (the plan form does not change them), with the version the dialog was opened on.
 */
export function toActivityBody(form: ActivityForm, activity: PlannedActivity | null): ActivityInput | UpdateActivityInput {
  const body: ActivityInput = {
    code: form.code.trim(),
    title: form.title.trim(),
    description: form.description.trim(),
    resultNodeId: form.resultNodeId,
    plannedStart: form.plannedStart,
    plannedEnd: form.plannedEnd,
    responsible: form.responsible.trim(),
    team: form.team.trim(),
    organisationId: form.organisationId,
    locationId: form.locationId,
    milestones: form.milestones.map((m) => ({ ...(m.id && { id: m.id }), kind: m.kind, title: m.title.trim(), dueDate: m.dueDate, doneDate: m.doneDate || null })),
  };
  if (!activity) return body;
  return {
    ...body,
    status: activity.status,
    percentComplete: activity.percentComplete,
    actualStart: activity.actualStart,
    actualEnd: activity.actualEnd,
    statusNote: activity.statusNote,
    version: activity.version,
  };
}

export function initialProgressForm(a: PlannedActivity): ProgressForm {
  return {
    // A cancelled activity is not updated by progress (the form is not shown for it); not started stands in.
    status: a.status === 'cancelled' ? 'not_started' : a.status,
    percentComplete: a.percentComplete,
    actualStart: a.actualStart ?? '',
    actualEnd: a.actualEnd ?? '',
    statusNote: a.statusNote,
    milestonesDone: Object.fromEntries(a.milestones.map((m) => [m.id, m.doneDate ?? ''])),
  };
}

export function toProgressBody(form: ProgressForm, activity: PlannedActivity): ProgressInput {
  return {
    status: form.status,
    percentComplete: Math.round(form.percentComplete),
    actualStart: form.actualStart || null,
    actualEnd: form.actualEnd || null,
    statusNote: form.statusNote.trim(),
    milestones: activity.milestones.map((m) => ({ id: m.id, doneDate: form.milestonesDone[m.id] || null })),
    version: activity.version,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the browser can tell before sending, in the server's words; the server checks everything again. */
export function checkActivityForm(f: ActivityForm, locale: Locale): FieldProblem[] {
  const out: FieldProblem[] = [];
  const msg = (k: string) => errorMessage(k, locale);
  if (!f.code.trim()) out.push({ field: 'code', message: msg('required') });
  if (!f.title.trim()) out.push({ field: 'title', message: msg('required') });
  if (!DATE.test(f.plannedStart)) out.push({ field: 'plannedStart', message: msg(f.plannedStart ? 'invalid_date' : 'required') });
  if (!DATE.test(f.plannedEnd)) out.push({ field: 'plannedEnd', message: msg(f.plannedEnd ? 'invalid_date' : 'required') });
  else if (DATE.test(f.plannedStart) && f.plannedEnd < f.plannedStart) out.push({ field: 'plannedEnd', message: msg('end_before_start') });
  f.milestones.forEach((m, i) => {
    if (!m.title.trim()) out.push({ field: `milestones.${i}.title`, message: msg('required') });
    if (!DATE.test(m.dueDate)) out.push({ field: `milestones.${i}.dueDate`, message: msg('required') });
  });
  return out;
}

export function checkProgressForm(f: ProgressForm, locale: Locale): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (f.actualStart && f.actualEnd && f.actualEnd < f.actualStart) out.push({ field: 'actualEnd', message: errorMessage('end_before_start', locale) });
  return out;
}
