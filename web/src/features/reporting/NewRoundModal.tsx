import { Alert, Anchor, Badge, Button, Checkbox, Collapse, Group, Modal, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateRoundBody, ROUND_PERIOD_TYPES } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormProblems } from '../../components/FormProblems.js';
import { formatDate, placeName } from '../../lib/format.js';
import { apiProblems, type FieldProblem, placeProblems, zodProblems } from '../projects/form-errors.js';
import { organisationName } from './labels.js';
import { useCreateRound } from './mutations.js';
import { createBody, initialForm, type NewRoundForm, periodsOfType, type RoundPeriodType, suggestDueDate, suggestPeriod } from './new-round.js';
import { type RoundOptions, useRoundOptions } from './queries.js';

const FIELDS = ['periodType', 'periodKey', 'dueDate', 'title', 'indicatorIds', 'reporters'] as const;
const today = () => new Date().toISOString().slice(0, 10);
/** First-strong isolate … pop directional isolate. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** "New reporting round": the period, due date, who reports for which places, and which indicators. */
export function NewRoundModal({ projectId, opened, onClose }: { projectId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reporting');
  const phone = useMediaQuery('(max-width: 48em)');
  const options = useRoundOptions(projectId, opened);
  return (
    <Modal opened={opened} onClose={onClose} title={t('newRound.title')} size="xl" fullScreen={phone}>
      {options.isPending ? (
        <Text c="dimmed">{t('common:common.loading')}</Text>
      ) : options.error ? (
        <ErrorAlert error={options.error} />
      ) : (
        <NewRoundFormView projectId={projectId} options={options.data} onDone={onClose} />
      )}
    </Modal>
  );
}

function NewRoundFormView({ projectId, options, onDone }: { projectId: string; options: RoundOptions; onDone: () => void }) {
  const { t } = useTranslation('reporting');
  const navigate = useNavigate();
  const create = useCreateRound(projectId);
  const [form, setForm] = useState<NewRoundForm>(() => initialForm(options, today()));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const [showIndicators, setShowIndicators] = useState(false);
  const checkedOrgs = options.organisations.filter((o) => form.reporters[o.id]?.checked);
  const { byField, unplaced } = placeProblems(clientProblems.length ? clientProblems : apiProblems(create.error), FIELDS, (field, index) =>
    field === 'reporters' ? checkedOrgs[index]?.name : field === 'indicatorIds' ? options.indicators.find((i) => i.id === form.indicatorIds?.[index])?.code : undefined,
  );

  const periods = periodsOfType(options, form.periodType);
  const periodData = periods.map((p) => ({
    value: p.key,
    // Isolated runs: in Arabic the key and the dates would otherwise be reordered into nonsense (a select label has no markup).
    label: `${isolate(p.key)} · ${isolate(`${formatDate(p.start)} – ${formatDate(p.end)}`)}${p.taken ? ` · ${t('newRound.taken')}` : ''}`,
    disabled: p.taken,
  }));
  const locationData = useMemo(() => options.locations.map((l) => ({ value: l.id, label: `${placeName(l)} (${l.pcode})` })), [options.locations]);

  const choosePeriod = (periodType: RoundPeriodType, periodKey: string | null) => {
    const period = options.periods.find((p) => p.type === periodType && p.key === periodKey);
    setForm((f) => ({ ...f, periodType, periodKey, dueDate: period ? suggestDueDate(period.end, today()) : f.dueDate }));
  };
  const setReporter = (id: string, change: Partial<NewRoundForm['reporters'][string]>) =>
    setForm((f) => ({ ...f, reporters: { ...f.reporters, [id]: { checked: false, locationIds: [], ...f.reporters[id], ...change } } }));
  const indicatorChecked = (id: string) => form.indicatorIds === null || form.indicatorIds.includes(id);
  const toggleIndicator = (id: string, on: boolean) =>
    setForm((f) => {
      const current = f.indicatorIds ?? options.indicators.map((i) => i.id);
      const next = on ? [...current, id] : current.filter((x) => x !== id);
      // Every indicator again: back to the server's default, which also covers indicators added later.
      return { ...f, indicatorIds: next.length === options.indicators.length ? null : next };
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = createBody(form, options);
    const parsed = CreateRoundBody.safeParse(body);
    setClientProblems(parsed.success ? [] : zodProblems(parsed.error));
    if (!parsed.success) return;
    create.mutate(body, {
      onSuccess: (round) => {
        notifications.show({ color: 'teal', message: t('newRound.created', { period: round.periodKey }) });
        onDone();
        void navigate(`/rounds/${round.id}`);
      },
    });
  };

  const selectedIndicators = form.indicatorIds?.length ?? options.indicators.length;
  return (
    <form onSubmit={submit} noValidate aria-label={t('newRound.title')}>
      <Stack>
        <FormProblems clientProblems={clientProblems.length} error={create.error} unplaced={unplaced} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="period-type-label">
            {t('newRound.periodType')}
          </Text>
          <SegmentedControl
            aria-labelledby="period-type-label"
            data={ROUND_PERIOD_TYPES.map((v) => ({ value: v, label: t(`periodTypes.${v}`) }))}
            value={form.periodType}
            onChange={(v) => choosePeriod(v as RoundPeriodType, suggestPeriod(options, v as RoundPeriodType, today()))}
            fullWidth
          />
          {byField.periodType && (
            <Text size="xs" c="red">
              {byField.periodType}
            </Text>
          )}
        </Stack>
        {periods.length > 0 && periods.every((p) => p.taken) && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('newRound.allTaken')}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('newRound.period')}
            description={t('newRound.periodHelp')}
            data={periodData}
            value={form.periodKey}
            onChange={(v) => choosePeriod(form.periodType, v)}
            error={byField.periodKey}
            required
            allowDeselect={false}
            searchable
            nothingFoundMessage={t('newRound.noPeriods')}
            miw={240}
          />
          <TextInput
            type="date"
            label={t('newRound.dueDate')}
            description={t('newRound.dueDateHelp')}
            value={form.dueDate}
            onChange={(e) => {
              const dueDate = e.currentTarget.value;
              setForm((f) => ({ ...f, dueDate }));
            }}
            error={byField.dueDate}
            required
            miw={180}
          />
        </Group>
        <TextInput
          label={t('newRound.roundTitle')}
          description={t('newRound.roundTitleHelp')}
          value={form.title}
          onChange={(e) => {
            const title = e.currentTarget.value;
            setForm((f) => ({ ...f, title }));
          }}
          error={byField.title}
          maxLength={200}
        />

        <Stack gap={6} role="group" aria-labelledby="reporters-label">
          <Text size="sm" fw={500} id="reporters-label">
            {t('newRound.reporters')}
          </Text>
          <Text size="xs" c="dimmed">
            {options.locations.length ? t('newRound.reportersHelp') : t('newRound.reportersNoLocations')}
          </Text>
          {byField.reporters && (
            <Text size="sm" c="red" role="alert">
              {byField.reporters}
            </Text>
          )}
          {options.organisations.map((o) => {
            const r = form.reporters[o.id];
            return (
              <Paper key={o.id} withBorder p="xs" radius="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Checkbox
                    label={organisationName(o)}
                    checked={!!r?.checked}
                    onChange={(e) => setReporter(o.id, { checked: e.currentTarget.checked })}
                  />
                  <Group gap={4}>
                    {o.roles.map((role) => (
                      <Badge key={role} variant="outline" color="gray" size="sm" tt="none">
                        {t(`orgRoles.${role}`, { defaultValue: role })}
                      </Badge>
                    ))}
                  </Group>
                </Group>
                {r?.checked && options.locations.length > 0 && (
                  <MultiSelect
                    mt="xs"
                    ms={{ base: 0, sm: 'xl' }}
                    label={t('newRound.locationsOf', { organisation: o.acronym ?? o.name })}
                    description={r.locationIds.length === 0 ? t('newRound.wholeProject') : undefined}
                    data={locationData}
                    value={r.locationIds}
                    onChange={(locationIds) => setReporter(o.id, { locationIds })}
                    searchable
                    clearable
                    hidePickedOptions
                    maxValues={5000}
                  />
                )}
              </Paper>
            );
          })}
        </Stack>

        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('newRound.indicators')}
            </Text>
            <Anchor component="button" type="button" size="sm" onClick={() => setShowIndicators((v) => !v)} aria-expanded={showIndicators}>
              {showIndicators ? t('newRound.hideIndicators') : t('newRound.chooseIndicators')}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed">
            {form.indicatorIds === null
              ? t('newRound.allIndicators', { count: options.indicators.length })
              : t('newRound.someIndicators', { count: selectedIndicators, total: options.indicators.length })}
          </Text>
          {byField.indicatorIds && (
            <Text size="sm" c="red" role="alert">
              {byField.indicatorIds}
            </Text>
          )}
          <Collapse expanded={showIndicators}>
            <Stack gap={4} mt={4} mah={260} style={{ overflowY: 'auto' }}>
              {options.indicators.map((i) => (
                <Checkbox
                  key={i.id}
                  size="sm"
                  checked={indicatorChecked(i.id)}
                  onChange={(e) => toggleIndicator(i.id, e.currentTarget.checked)}
                  label={
                    <span>
                      <Text span ff="monospace" size="sm" dir="ltr">
                        {i.code}
                      </Text>{' '}
                      {i.name}
                    </span>
                  }
                />
              ))}
            </Stack>
          </Collapse>
        </Stack>

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={checkedOrgs.length === 0}>
            {t('newRound.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
