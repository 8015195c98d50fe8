import { describe, expect, it } from 'vitest';
import type { PlannedActivity } from '@shared/schemas/workplans.js';
import { checkActivityForm, checkProgressForm, initialActivityForm, initialProgressForm, nextCode, toActivityBody, toProgressBody } from './activity-form.js';

const activity: PlannedActivity = {
  id: 'act-8', workPlanId: 'wp', code: 'A8', title: 'Negotiate the Kejetia market by-law with KMA', description: '',
  resultNodeId: 'n1', resultNode: { id: 'n1', code: '1', title: 'Outcome' }, plannedStart: '2026-05-04', plannedEnd: '2026-10-30',
  responsible: 'Abena Owusu', team: 'Kumasi city team', organisationId: 'org', organisationName: 'SAI', locationId: 'loc', locationName: 'Kumasi', locationPcode: 'GH05',
  status: 'delayed', percentComplete: 55, actualStart: '2026-05-11', actualEnd: null, statusNote: 'KMA council recess', statusUpdatedBy: null, statusUpdatedAt: null,
  overdue: true, milestones: [{ id: 'm1', kind: 'deliverable', title: 'Draft by-law', dueDate: '2026-08-31', doneDate: null }], position: 8, version: 4, canEdit: true, canUpdateProgress: true,
};

describe('activity form', () => {
  it('numbers a new activity after the highest A-code', () => {
    expect(nextCode([])).toBe('A1');
    expect(nextCode(['A1', 'A9', 'A10', 'B4', 'A2'])).toBe('A11');
  });

  it('starts a new activity on the plan dates and sends it without a version', () => {
    const form = initialActivityForm(null, { startDate: '2026-01-01', endDate: '2026-12-31', activities: [{ code: 'A3' }] });
    expect(form).toMatchObject({ code: 'A4', plannedStart: '2026-01-01', plannedEnd: '2026-12-31', milestones: [] });
    const body = toActivityBody({ ...form, title: '  Forum  ', milestones: [{ key: 'k', kind: 'milestone', title: 'Forum 1', dueDate: '2026-03-15', doneDate: '' }] }, null);
    expect(body).toEqual({
      code: 'A4', title: 'Forum', description: '', resultNodeId: null, plannedStart: '2026-01-01', plannedEnd: '2026-12-31', responsible: '', team: '',
      organisationId: null, locationId: null, milestones: [{ kind: 'milestone', title: 'Forum 1', dueDate: '2026-03-15', doneDate: null }],
    });
  });

  it('keeps the progress fields and the version when the plan fields change', () => {
    const body = toActivityBody({ ...initialActivityForm(activity, { startDate: '', endDate: '', activities: [] }), plannedEnd: '2026-12-18' }, activity);
    expect(body).toMatchObject({ plannedEnd: '2026-12-18', status: 'delayed', percentComplete: 55, actualStart: '2026-05-11', actualEnd: null, statusNote: 'KMA council recess', version: 4 });
    expect(body.milestones).toEqual([{ id: 'm1', kind: 'deliverable', title: 'Draft by-law', dueDate: '2026-08-31', doneDate: null }]);
  });

  it('sends progress with every milestone done date and the version', () => {
    const form = { ...initialProgressForm(activity), status: 'on_track' as const, percentComplete: 70.4, milestonesDone: { m1: '2026-11-20' } };
    expect(toProgressBody(form, activity)).toEqual({
      status: 'on_track', percentComplete: 70, actualStart: '2026-05-11', actualEnd: null, statusNote: 'KMA council recess', milestones: [{ id: 'm1', doneDate: '2026-11-20' }], version: 4,
    });
  });

  it('names the fields the browser can already see are wrong', () => {
    const form = { ...initialActivityForm(activity, { startDate: '', endDate: '', activities: [] }), title: ' ', plannedEnd: '2026-05-01' };
    form.milestones = [{ key: 'x', kind: 'milestone', title: '', dueDate: '', doneDate: '' }];
    expect(checkActivityForm(form, 'en').map((p) => p.field)).toEqual(['title', 'plannedEnd', 'milestones.0.title', 'milestones.0.dueDate']);
    expect(checkActivityForm(form, 'en')[1]!.message).toBe('The end date is before the start date.');
    expect(checkProgressForm({ ...initialProgressForm(activity), actualEnd: '2026-05-01' }, 'fr').map((p) => p.field)).toEqual(['actualEnd']);
    expect(checkProgressForm(initialProgressForm(activity), 'en')).toEqual([]);
  });
});
