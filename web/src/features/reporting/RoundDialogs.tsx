import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Round, UpdateRoundBody } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormProblems } from '../../components/FormProblems.js';
import { placeName } from '../../lib/format.js';
import { apiProblems, type FieldProblem, placeProblems, zodProblems } from '../projects/form-errors.js';
import { organisationName } from './labels.js';
import { useDeleteRound, useUpdateRound } from './mutations.js';
import { useRoundOptions } from './queries.js';

/** Due date and title: what a manager changes once a round is open. */
export function EditRoundModal({ round, opened, onClose }: { round: Round; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reporting');
  return (
    <Modal opened={opened} onClose={onClose} title={t('roundPage.editTitle', { period: round.periodKey })}>
      {opened && <EditRoundForm round={round} onDone={onClose} />}
    </Modal>
  );
}

function EditRoundForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation('reporting');
  const update = useUpdateRound(round);
  const [form, setForm] = useState({ dueDate: round.dueDate, title: round.title });
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const { byField, unplaced } = placeProblems(clientProblems.length ? clientProblems : apiProblems(update.error), ['dueDate', 'title']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = UpdateRoundBody.safeParse(form);
    setClientProblems(parsed.success ? [] : zodProblems(parsed.error));
    if (!parsed.success) return;
    update.mutate(form, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('roundPage.saved') });
        onDone();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormProblems clientProblems={clientProblems.length} error={update.error} unplaced={unplaced} />
        <TextInput
          type="date"
          label={t('newRound.dueDate')}
          value={form.dueDate}
          onChange={(e) => {
            const dueDate = e.currentTarget.value;
            setForm((f) => ({ ...f, dueDate }));
          }}
          error={byField.dueDate}
          required
        />
        <TextInput
          label={t('newRound.roundTitle')}
          value={form.title}
          onChange={(e) => {
            const title = e.currentTarget.value;
            setForm((f) => ({ ...f, title }));
          }}
          error={byField.title}
          maxLength={200}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds an organisation of the project that does not report in the round yet, for the places it covers. */
export function AddOrganisationModal({ round, opened, onClose }: { round: Round; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reporting');
  return (
    <Modal opened={opened} onClose={onClose} title={t('roundPage.addOrganisation')} size="lg">
      {opened && <AddOrganisationForm round={round} onDone={onClose} />}
    </Modal>
  );
}

function AddOrganisationForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation('reporting');
  const options = useRoundOptions(round.projectId);
  const update = useUpdateRound(round);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [locationIds, setLocationIds] = useState<string[] | null>(null);
  const present = useMemo(() => new Set(round.submissions.map((s) => s.organisation.id)), [round.submissions]);
  const { byField, unplaced } = placeProblems(apiProblems(update.error), ['reporters']);

  if (options.isPending) return <Text c="dimmed">{t('common:common.loading')}</Text>;
  if (options.error) return <ErrorAlert error={options.error} />;
  const candidates = options.data.organisations.filter((o) => !present.has(o.id));
  const allLocations = options.data.locations.map((l) => l.id);
  const chosen = locationIds ?? allLocations;
  if (candidates.length === 0) {
    return (
      <Stack>
        <Text size="sm">{t('roundPage.everyoneReports')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!organisationId) return;
    update.mutate(
      { reporters: [{ organisationId, locationIds: chosen }] },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('roundPage.organisationAdded') });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormProblems clientProblems={0} error={update.error} unplaced={unplaced} />
        <Select
          label={t('roundPage.organisation')}
          data={candidates.map((o) => ({ value: o.id, label: organisationName(o) }))}
          value={organisationId}
          onChange={setOrganisationId}
          error={byField.reporters}
          required
          searchable
          data-autofocus
        />
        {options.data.locations.length > 0 && (
          <MultiSelect
            label={t('roundPage.locations')}
            description={chosen.length === 0 ? t('newRound.wholeProject') : undefined}
            data={options.data.locations.map((l) => ({ value: l.id, label: `${placeName(l)} (${l.pcode})` }))}
            value={chosen}
            onChange={setLocationIds}
            searchable
            clearable
            hidePickedOptions
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!organisationId}>
            {t('common:actions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Closing stops every edit; reopening lets packages that are not approved be filled again. */
export function RoundStatusModal({ round, opened, onClose }: { round: Round; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reporting');
  const update = useUpdateRound(round);
  const closing = round.status === 'open';
  const confirm = () =>
    update.mutate(
      { status: closing ? 'closed' : 'open' },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: closing ? t('roundPage.closed') : t('roundPage.reopened') });
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={closing ? t('roundPage.closeTitle', { period: round.periodKey }) : t('roundPage.reopenTitle', { period: round.periodKey })}>
      <Stack>
        <Text size="sm">{closing ? t('roundPage.closeHelp') : t('roundPage.reopenHelp')}</Text>
        <ErrorAlert error={update.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color={closing ? 'orange' : 'teal'} onClick={confirm} loading={update.isPending} data-autofocus>
            {closing ? t('roundPage.close') : t('roundPage.reopen')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Deleting is for a round opened by mistake: the server refuses once anything was entered or submitted. */
export function DeleteRoundModal({ round, opened, onClose }: { round: Round; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reporting');
  const navigate = useNavigate();
  const remove = useDeleteRound(round);
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('roundPage.deleted', { period: round.periodKey }) });
        onClose();
        void navigate(`/projects/${round.projectId}/reporting`, { replace: true });
      },
    });
  return (
    <Modal opened={opened} onClose={onClose} title={t('roundPage.deleteTitle', { period: round.periodKey })}>
      <Stack>
        <Text size="sm">{t('roundPage.deleteHelp')}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            {t('common:actions.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
