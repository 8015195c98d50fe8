import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle, IconLock, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MILESTONE_KINDS, PROGRESS_STATUSES, type PlannedActivity, type ProgressStatus, type WorkPlan } from '@shared/schemas/workplans.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormProblems } from '../../components/FormProblems.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { apiProblems, type FieldProblem } from '../projects/form-errors.js';
import {
  type ActivityForm,
  ACTIVITY_FIELDS,
  checkActivityForm,
  checkProgressForm,
  initialActivityForm,
  initialProgressForm,
  newMilestoneKey,
  PROGRESS_FIELDS,
  type ProgressForm,
  toActivityBody,
  toProgressBody,
} from './activity-form.js';
import { quartersRange } from './gantt.js';
import { ActivityStatusBadge, OverdueBadge } from './labels.js';
import { useDeleteActivity, useSaveActivity, useUpdateProgress, workPlanQueries } from './queries.js';

/** What the dialog shows: an activity of the plan (by id, read fresh from the plan each time), or a new one. */
export type ActivityTarget = { kind: 'new' } | { kind: 'activity'; id: string; tab?: 'progress' | 'plan' };

const isStale = (err: unknown) => err instanceof ApiError && err.status === 409 && err.details.some((d) => d.reason === 'stale_version');

/**
 * Problems by their full field path (`plannedEnd`, `milestones.2.title`); those whose field the form
 * does not show are listed on top.
 */
function place(problems: FieldProblem[], shown: (field: string) => boolean) {
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const p of problems) {
    if (p.field === 'version') continue;
    if (shown(p.field)) byField[p.field] = byField[p.field] ? `${byField[p.field]} ${p.message}` : p.message;
    else unplaced.push(p.field ? `${p.field}: ${p.message}` : p.message);
  }
  return { byField, unplaced };
}

export function ActivityDialog({ plan, target, onClose }: { plan: WorkPlan; target: ActivityTarget | null; onClose: () => void }) {
  const { t } = useTranslation('workplan');
  const phone = useMediaQuery('(max-width: 48em)');
  const activity = target?.kind === 'activity' ? (plan.activities.find((a) => a.id === target.id) ?? null) : null;
  const title = target?.kind === 'new' ? t('dialog.newTitle') : activity ? `${activity.code} · ${activity.title}` : '';
  return (
    <Modal opened={!!target && (target.kind === 'new' || !!activity)} onClose={onClose} title={title} size="xl" fullScreen={phone} closeOnClickOutside={false}>
      {target?.kind === 'new' && <PlanForm plan={plan} activity={null} onDone={onClose} />}
      {activity && <ActivityTabs key={activity.id} plan={plan} activity={activity} initialTab={target?.kind === 'activity' ? target.tab : undefined} onDone={onClose} />}
    </Modal>
  );
}

function ActivityTabs({ plan, activity, initialTab, onDone }: { plan: WorkPlan; activity: PlannedActivity; initialTab?: 'progress' | 'plan'; onDone: () => void }) {
  const { t } = useTranslation('workplan');
  const progress = activity.canUpdateProgress && activity.status !== 'cancelled';
  const [tab, setTab] = useState<string | null>(initialTab ?? (progress ? 'progress' : 'plan'));
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <ActivityStatusBadge status={activity.status} />
        {activity.overdue && <OverdueBadge plannedEnd={activity.plannedEnd} />}
        <Text size="sm" c="dimmed">
          {t('dialog.plannedRange', { start: formatDate(activity.plannedStart), end: formatDate(activity.plannedEnd) })}
        </Text>
      </Group>
      {activity.statusUpdatedAt && (
        <Text size="xs" c="dimmed">
          {t('dialog.lastUpdate', { who: activity.statusUpdatedBy?.name ?? '—', when: formatDateTime(activity.statusUpdatedAt) })}
        </Text>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {progress && (
            <Tabs.Tab value="progress" data-testid="tab-progress">
              {t('dialog.progressTab')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="plan" data-testid="tab-plan">
            {t('dialog.planTab')}
          </Tabs.Tab>
        </Tabs.List>
        {progress && (
          <Tabs.Panel value="progress" pt="md">
            <ProgressFormView key={activity.version} activity={activity} today={plan.today} onDone={onDone} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="plan" pt="md">
          <PlanForm key={activity.version} plan={plan} activity={activity} onDone={onDone} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Shown on a 409: someone saved the activity after the dialog opened; reloading brings their version in. */
function ConflictAlert() {
  const { t } = useTranslation('workplan');
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('dialog.conflictTitle')} role="alert" data-testid="activity-conflict">
      <Text size="sm" mb="xs">
        {t('dialog.conflictBody')}
      </Text>
      <Button
        size="xs"
        variant="light"
        color="orange"
        leftSection={<IconRefresh size={14} />}
        loading={busy}
        onClick={() => {
          setBusy(true);
          void qc.invalidateQueries({ queryKey: workPlanQueries.all }).finally(() => setBusy(false));
        }}
        data-testid="activity-reload"
      >
        {t('dialog.reload')}
      </Button>
    </Alert>
  );
}

function ProgressFormView({ activity, today, onDone }: { activity: PlannedActivity; today: string; onDone: () => void }) {
  const { t } = useTranslation('workplan');
  const save = useUpdateProgress(activity.id);
  const [form, setForm] = useState<ProgressForm>(() => initialProgressForm(activity));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const stale = isStale(save.error);
  const problems = clientProblems.length ? clientProblems : apiProblems(save.error);
  const { byField, unplaced } = place(problems, (f) => (PROGRESS_FIELDS as readonly string[]).includes(f) || /^milestones\.\d+\./.test(f));
  const set = <K extends keyof ProgressForm>(key: K, value: ProgressForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkProgressForm(form, currentLocale());
    setClientProblems(found);
    if (found.length) return;
    save.mutate(toProgressBody(form, activity), {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('dialog.progressSaved', { code: saved.code }) });
        onDone();
      },
    });
  };

  const milestoneError = (i: number) => Object.entries(byField).find(([k]) => k.startsWith(`milestones.${i}.`))?.[1];

  return (
    <form onSubmit={submit} noValidate aria-label={t('dialog.progressTab')} data-testid="progress-form">
      <Stack>
        {stale ? <ConflictAlert /> : <FormProblems clientProblems={clientProblems.length} error={save.error} unplaced={unplaced} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.status')}
            data={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={form.status}
            onChange={(v) => {
              if (!v) return;
              const status = v as ProgressStatus;
              // Done means finished: 100 % and an end date (today unless given), which the form proposes.
              setForm((f) => ({
                ...f,
                status,
                ...(status === 'done' && { percentComplete: 100, actualEnd: f.actualEnd || today, actualStart: f.actualStart || today }),
                ...(status !== 'not_started' && status !== 'done' && !f.actualStart && { actualStart: today }),
              }));
            }}
            error={byField.status}
            allowDeselect={false}
            required
            data-testid="progress-status"
          />
          <div>
            <NumberInput
              label={t('fields.percentComplete')}
              value={form.percentComplete}
              onChange={(v) => set('percentComplete', typeof v === 'number' ? v : Number(v) || 0)}
              min={0}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              suffix=" %"
              error={byField.percentComplete}
              data-testid="progress-percent"
            />
            <Slider
              mt="xs"
              value={form.percentComplete}
              onChange={(v) => set('percentComplete', v)}
              min={0}
              max={100}
              step={5}
              label={(v) => `${v} %`}
              aria-label={t('fields.percentComplete')}
              data-testid="progress-slider"
            />
          </div>
          <TextInput type="date" label={t('fields.actualStart')} value={form.actualStart} onChange={(e) => set('actualStart', e.currentTarget.value)} error={byField.actualStart} data-testid="progress-actual-start" />
          <TextInput
            type="date"
            label={t('fields.actualEnd')}
            description={t('dialog.actualEndHelp')}
            value={form.actualEnd}
            onChange={(e) => set('actualEnd', e.currentTarget.value)}
            error={byField.actualEnd}
            data-testid="progress-actual-end"
          />
        </SimpleGrid>
        <Textarea
          label={t('fields.statusNote')}
          description={t('dialog.noteHelp')}
          value={form.statusNote}
          onChange={(e) => set('statusNote', e.currentTarget.value)}
          error={byField.statusNote}
          autosize
          minRows={2}
          maxLength={2000}
          dir="auto"
          data-testid="progress-note"
        />
        {activity.milestones.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('dialog.milestonesDone')}
            </Text>
            {activity.milestones.map((m, i) => {
              const done = form.milestonesDone[m.id] ?? '';
              return (
                <Group key={m.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="progress-milestone">
                  <Checkbox
                    mt={8}
                    checked={!!done}
                    onChange={(e) => set('milestonesDone', { ...form.milestonesDone, [m.id]: e.currentTarget.checked ? today : '' })}
                    label={
                      <span>
                        {done ? '◆' : '◇'} {t('dialog.milestoneLine', { kind: t(`milestoneKind.${m.kind}`) })} <span dir="auto">{m.title}</span>{' '}
                        <Text span size="xs" c="dimmed">
                          ({t('dialog.due', { date: formatDate(m.dueDate) })})
                        </Text>
                      </span>
                    }
                    style={{ flex: 1 }}
                  />
                  {done && (
                    <TextInput
                      type="date"
                      size="xs"
                      aria-label={t('dialog.doneOn', { title: m.title })}
                      value={done}
                      onChange={(e) => set('milestonesDone', { ...form.milestonesDone, [m.id]: e.currentTarget.value })}
                      error={milestoneError(i)}
                      w={150}
                    />
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="progress-save">
            {t('dialog.saveProgress')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PlanForm({ plan, activity, onDone }: { plan: WorkPlan; activity: PlannedActivity | null; onDone: () => void }) {
  const { t } = useTranslation('workplan');
  const save = useSaveActivity(plan.id, activity?.id ?? null);
  const [form, setForm] = useState<ActivityForm>(() => initialActivityForm(activity, plan));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const [byQuarter, setByQuarter] = useState(false);
  const remove = useDeleteActivity();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editable = activity ? activity.canEdit : plan.canEdit;
  // In an approved plan the planned dates change only through an approved change request.
  const datesLocked = plan.status === 'approved';
  const stale = isStale(save.error);
  const problems = clientProblems.length ? clientProblems : apiProblems(save.error);
  const { byField, unplaced } = place(problems, (f) => (ACTIVITY_FIELDS as readonly string[]).includes(f) || /^milestones\.\d+\.(title|dueDate|doneDate|kind)$/.test(f));
  const set = <K extends keyof ActivityForm>(key: K, value: ActivityForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setMilestone = (i: number, patch: Partial<ActivityForm['milestones'][number]>) =>
    setForm((f) => ({ ...f, milestones: f.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  const o = plan.options;
  const quarter = (date: string) => (date.slice(0, 4) === String(plan.year) ? String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) : null);
  const quarters = ['1', '2', '3', '4'].map((q) => ({ value: q, label: t('dialog.quarter', { q }) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkActivityForm(form, currentLocale());
    setClientProblems(found);
    if (found.length) return;
    save.mutate(toActivityBody(form, activity), {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t(activity ? 'dialog.saved' : 'dialog.added', { code: saved.code }) });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('dialog.planTab')} data-testid="activity-form">
      <Stack>
        {stale ? <ConflictAlert /> : <FormProblems clientProblems={clientProblems.length} error={save.error} unplaced={unplaced} />}
        {!editable && (
          <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="plan-readonly">
            {t('dialog.readOnly')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('fields.code')} value={form.code} onChange={(e) => set('code', e.currentTarget.value)} error={byField.code} required maxLength={40} dir="ltr" disabled={!editable} data-testid="activity-code" />
          <TextInput
            label={t('fields.title')}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={byField.title}
            required
            maxLength={300}
            dir="auto"
            disabled={!editable}
            data-autofocus
            style={{ gridColumn: 'span 2' }}
            data-testid="activity-title"
          />
        </SimpleGrid>
        <Select
          label={t('fields.resultNode')}
          description={t('dialog.resultNodeHelp')}
          placeholder={t('dialog.noResultNode')}
          data={o.resultNodes.map((n) => ({ value: n.id, label: `${n.code} · ${n.title}` }))}
          value={form.resultNodeId}
          onChange={(v) => set('resultNodeId', v)}
          error={byField.resultNodeId}
          searchable
          clearable
          disabled={!editable}
          data-testid="activity-node"
        />
        <Stack gap={6}>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={500}>
              {t('dialog.plannedDates')}
            </Text>
            {editable && !datesLocked && (
              <SegmentedControl
                size="xs"
                value={byQuarter ? 'quarters' : 'dates'}
                onChange={(v) => setByQuarter(v === 'quarters')}
                data={[
                  { value: 'dates', label: t('dialog.byDates') },
                  { value: 'quarters', label: t('dialog.byQuarters') },
                ]}
                data-testid="activity-date-mode"
              />
            )}
          </Group>
          {/* Only planners can ask for a change; readers already see the read-only note above. */}
          {datesLocked && editable && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="dates-locked">
              {t('dialog.datesLocked')}{' '}
              <Anchor component={Link} to={`/projects/${plan.projectId}/change-requests`} size="sm">
                {t('dialog.changeRequestLink')}
              </Anchor>
            </Alert>
          )}
          {byQuarter && !datesLocked ? (
            <SimpleGrid cols={2}>
              <Select
                label={t('dialog.fromQuarter')}
                data={quarters}
                value={quarter(form.plannedStart)}
                onChange={(v) => v && setForm((f) => ({ ...f, ...rangeFrom(plan.year, Number(v), Number(quarter(f.plannedEnd) ?? v)) }))}
                allowDeselect={false}
                data-testid="activity-quarter-from"
              />
              <Select
                label={t('dialog.toQuarter')}
                data={quarters}
                value={quarter(form.plannedEnd)}
                onChange={(v) => v && setForm((f) => ({ ...f, ...rangeFrom(plan.year, Number(quarter(f.plannedStart) ?? v), Number(v)) }))}
                allowDeselect={false}
                error={byField.plannedEnd}
                data-testid="activity-quarter-to"
              />
            </SimpleGrid>
          ) : null}
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('fields.plannedStart')}
              value={form.plannedStart}
              onChange={(e) => set('plannedStart', e.currentTarget.value)}
              error={byField.plannedStart}
              required
              disabled={!editable || datesLocked || byQuarter}
              data-testid="activity-planned-start"
            />
            <TextInput
              type="date"
              label={t('fields.plannedEnd')}
              value={form.plannedEnd}
              onChange={(e) => set('plannedEnd', e.currentTarget.value)}
              error={byQuarter ? undefined : byField.plannedEnd}
              required
              disabled={!editable || datesLocked || byQuarter}
              data-testid="activity-planned-end"
            />
          </SimpleGrid>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.responsible')} description={t('dialog.responsibleHelp')} value={form.responsible} onChange={(e) => set('responsible', e.currentTarget.value)} error={byField.responsible} maxLength={200} dir="auto" disabled={!editable} data-testid="activity-responsible" />
          <Select
            label={t('fields.team')}
            description={t('dialog.teamHelp')}
            data={[...new Set([...o.teams, ...(form.team ? [form.team] : [])])]}
            value={form.team || null}
            onChange={(v) => set('team', v ?? '')}
            searchable
            clearable
            // A new team is typed in: what the search box holds becomes the team.
            onSearchChange={(q) => q && !o.teams.includes(q) && q !== form.team && set('team', q)}
            error={byField.team}
            disabled={!editable}
            data-testid="activity-team"
          />
          <Select
            label={t('fields.organisation')}
            description={t('dialog.organisationHelp')}
            data={o.organisations.map((x) => ({ value: x.id, label: x.acronym ? `${x.acronym} · ${x.name}` : x.name }))}
            value={form.organisationId}
            onChange={(v) => set('organisationId', v)}
            error={byField.organisationId}
            clearable
            searchable
            disabled={!editable}
            data-testid="activity-organisation"
          />
          <Select
            label={t('fields.location')}
            data={o.locations.map((x) => ({ value: x.id, label: x.pcode ? `${x.name} (${x.pcode})` : x.name }))}
            value={form.locationId}
            onChange={(v) => set('locationId', v)}
            error={byField.locationId}
            clearable
            searchable
            disabled={!editable}
            data-testid="activity-location"
          />
        </SimpleGrid>
        <Textarea label={t('fields.description')} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} error={byField.description} autosize minRows={2} maxLength={5000} dir="auto" disabled={!editable} />
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('dialog.milestones')}
            </Text>
            {editable && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => set('milestones', [...form.milestones, { key: newMilestoneKey(), kind: 'milestone', title: '', dueDate: form.plannedEnd, doneDate: '' }])}
                data-testid="milestone-add"
              >
                {t('dialog.addMilestone')}
              </Button>
            )}
          </Group>
          {byField.milestones && (
            <Text size="sm" c="red">
              {byField.milestones}
            </Text>
          )}
          {form.milestones.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('dialog.noMilestones')}
            </Text>
          )}
          {form.milestones.map((m, i) => (
            <Group key={m.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="milestone-row">
              <Select
                aria-label={t('fields.milestoneKind')}
                data={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`milestoneKind.${k}`) }))}
                value={m.kind}
                onChange={(v) => v && setMilestone(i, { kind: v as typeof m.kind })}
                allowDeselect={false}
                disabled={!editable}
                w={140}
              />
              <TextInput aria-label={t('fields.milestoneTitle')} placeholder={t('fields.milestoneTitle')} value={m.title} onChange={(e) => setMilestone(i, { title: e.currentTarget.value })} error={byField[`milestones.${i}.title`]} disabled={!editable} dir="auto" style={{ flex: 1 }} data-testid="milestone-title" />
              <TextInput type="date" aria-label={t('fields.dueDate')} value={m.dueDate} onChange={(e) => setMilestone(i, { dueDate: e.currentTarget.value })} error={byField[`milestones.${i}.dueDate`]} disabled={!editable} w={150} data-testid="milestone-due" />
              <TextInput type="date" aria-label={t('fields.doneDate')} title={t('fields.doneDate')} value={m.doneDate} onChange={(e) => setMilestone(i, { doneDate: e.currentTarget.value })} error={byField[`milestones.${i}.doneDate`]} disabled={!editable} w={150} />
              {editable && (
                <ActionIcon variant="subtle" color="red" mt={4} aria-label={t('dialog.removeMilestone', { title: m.title || i + 1 })} onClick={() => set('milestones', form.milestones.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
        {remove.error && !isStale(remove.error) && <ErrorAlert error={remove.error} />}
        {remove.error && isStale(remove.error) && <ConflictAlert />}
        <Group justify="flex-end">
          {activity && editable && plan.status === 'draft' && (
            <Button
              variant={confirmDelete ? 'filled' : 'subtle'}
              color="red"
              me="auto"
              leftSection={<IconTrash size={16} />}
              loading={remove.isPending}
              onClick={() => {
                if (!confirmDelete) return setConfirmDelete(true);
                remove.mutate(
                  { id: activity.id, version: activity.version },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', message: t('dialog.deleted', { code: activity.code }) });
                      onDone();
                    },
                  },
                );
              }}
              data-testid="activity-delete"
            >
              {confirmDelete ? t('dialog.deleteConfirm', { code: activity.code }) : t('common:actions.delete')}
            </Button>
          )}
          <Button variant="default" onClick={onDone}>
            {editable ? t('common:actions.cancel') : t('common:actions.close')}
          </Button>
          {editable && (
            <Button type="submit" loading={save.isPending} data-testid="activity-save">
              {activity ? t('common:actions.save') : t('dialog.add')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

const rangeFrom = (year: number, from: number, to: number) => {
  const r = quartersRange(year, from, to);
  return { plannedStart: r.start, plannedEnd: r.end };
};
