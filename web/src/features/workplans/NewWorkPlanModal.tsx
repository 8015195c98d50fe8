import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORK_PLAN_MAX_YEAR, WORK_PLAN_MIN_YEAR } from '@shared/schemas/workplans.js';
import { FormProblems } from '../../components/FormProblems.js';
import { apiProblems, placeProblems } from '../projects/form-errors.js';
import { useCreateWorkPlan } from './queries.js';

const FIELDS = ['year', 'title', 'startDate', 'endDate'] as const;

/** A new annual plan: the year (the next one without a plan is proposed), a title and, optionally, other dates than the calendar year. */
export function NewWorkPlanModal({ projectId, projectCode, takenYears, defaultYear, opened, onClose, onCreated }: {
  projectId: string;
  projectCode?: string;
  takenYears: number[];
  defaultYear: number;
  opened: boolean;
  onClose: () => void;
  onCreated: (year: number) => void;
}) {
  const { t } = useTranslation('workplan');
  return (
    <Modal opened={opened} onClose={onClose} title={t('newPlan.title')} size="md">
      {opened && <NewPlanForm projectId={projectId} projectCode={projectCode} takenYears={takenYears} defaultYear={defaultYear} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewPlanForm({ projectId, projectCode, takenYears, defaultYear, onClose, onCreated }: { projectId: string; projectCode?: string; takenYears: number[]; defaultYear: number; onClose: () => void; onCreated: (year: number) => void }) {
  const { t } = useTranslation('workplan');
  const create = useCreateWorkPlan(projectId);
  let first = defaultYear;
  while (takenYears.includes(first)) first++;
  const [year, setYear] = useState<number>(first);
  const [title, setTitle] = useState(t('newPlan.defaultTitle', { year: first, code: projectCode ?? '' }).trim());
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const taken = takenYears.includes(year);
  const { byField, unplaced } = placeProblems(apiProblems(create.error), FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (taken || !title.trim()) return;
    create.mutate(
      { year, title: title.trim(), ...(startDate && { startDate }), ...(endDate && { endDate }) },
      {
        onSuccess: (plan) => {
          notifications.show({ color: 'teal', message: t('newPlan.created', { year: plan.year }) });
          onCreated(plan.year);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormProblems clientProblems={0} error={create.error} unplaced={unplaced} />
        <NumberInput
          label={t('newPlan.year')}
          value={year}
          onChange={(v) => {
            const y = Number(v) || first;
            setYear(y);
            setTitle(t('newPlan.defaultTitle', { year: y, code: projectCode ?? '' }).trim());
          }}
          min={WORK_PLAN_MIN_YEAR}
          max={WORK_PLAN_MAX_YEAR}
          allowDecimal={false}
          thousandSeparator={false}
          error={taken ? t('newPlan.yearTaken', { year }) : byField.year}
          required
          data-testid="new-plan-year"
        />
        <TextInput label={t('newPlan.planTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={byField.title} required maxLength={200} dir="auto" data-testid="new-plan-title" />
        <Text size="sm" c="dimmed">
          {t('newPlan.datesHelp')}
        </Text>
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t('newPlan.startDate')} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={byField.startDate} />
          <TextInput type="date" label={t('newPlan.endDate')} value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={byField.endDate} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={taken} data-testid="new-plan-create">
            {t('common:actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
