import { Button, Grid, Group, List, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { CreateProgrammeBody, PROGRAMME_STATUSES, type Programme, UpdateProgrammeBody } from '@shared/schemas/index.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { ApiError } from '../../api/client.js';
import { useOrganisations } from '../../api/lookups.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { useCurrentUser } from '../auth/session.js';
import { apiProblems, type FieldProblem, placeProblems, zodProblems } from './form-errors.js';
import { managesOrganisation, organisationLabel } from './labels.js';
import { useCreateProgramme, useUpdateProgramme } from './mutations.js';

const FIELDS = ['organisationId', 'code', 'name', 'description', 'status', 'startDate', 'endDate'] as const;

/** Creates a programme, or edits one when `programme` is given. Full screen on a phone. */
export function ProgrammeFormModal({ opened, onClose, programme }: { opened: boolean; onClose: () => void; programme?: Programme }) {
  const { t } = useTranslation('projects');
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={programme ? t('programmeForm.editTitle') : t('programmeForm.createTitle')} size="lg" fullScreen={phone}>
      <ProgrammeForm programme={programme} onDone={onClose} />
    </Modal>
  );
}

function ProgrammeForm({ programme, onDone }: { programme?: Programme; onDone: () => void }) {
  const { t } = useTranslation('projects');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const create = useCreateProgramme();
  const update = useUpdateProgramme(programme?.id ?? '');
  const mutation = programme ? update : create;
  const [form, setForm] = useState({
    organisationId: programme?.organisationId ?? (managesOrganisation(user, user.organisationId) ? user.organisationId : ''),
    code: programme?.code ?? '',
    name: programme?.name ?? '',
    description: programme?.description ?? '',
    status: programme?.status ?? 'active',
    startDate: programme?.startDate ?? '',
    endDate: programme?.endDate ?? '',
  });
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  // A duplicate code is reported on the unique key's first column (the organisation); it belongs on the code.
  const serverProblems = apiProblems(mutation.error).map((p) =>
    mutation.error instanceof ApiError && mutation.error.code === 'conflict' ? { ...p, field: 'code' } : p,
  );
  const { byField, unplaced } = placeProblems(clientProblems.length ? clientProblems : serverProblems, FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const blank = (s: string) => (s.trim() === '' ? undefined : s);
    const body = {
      ...(programme ? {} : { organisationId: blank(form.organisationId) }),
      code: blank(form.code),
      name: blank(form.name),
      description: form.description,
      status: form.status,
      startDate: blank(form.startDate) ?? null,
      endDate: blank(form.endDate) ?? null,
    };
    const onSuccess = (saved: Programme) => {
      notifications.show({ color: 'teal', message: programme ? t('programmeForm.saved') : t('programmeForm.created', { code: saved.code }) });
      onDone();
      if (!programme) navigate(`/programmes/${saved.id}`);
    };
    /** Client-side check with the server's own schema; true when the body may be sent. */
    const valid = (result: { success: true } | { success: false; error: z.ZodError }) => {
      const problems = result.success ? [] : zodProblems(result.error, { code: t('form.codeRule') });
      if (body.startDate && body.endDate && body.endDate < body.startDate) {
        problems.push({ field: 'endDate', message: errorMessage('end_before_start', currentLocale()) });
      }
      setClientProblems(problems);
      return problems.length === 0;
    };
    if (programme) {
      // The edit form sends every field, so it must satisfy the update schema with nothing left out.
      const parsed = UpdateProgrammeBody.required().safeParse(body);
      if (valid(parsed) && parsed.success) update.mutate(parsed.data, { onSuccess });
    } else {
      const parsed = CreateProgrammeBody.safeParse(body);
      if (valid(parsed) && parsed.success) create.mutate(parsed.data, { onSuccess });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && !clientProblems.length && (
          <>
            <ErrorAlert error={mutation.error} />
            {unplaced.length > 0 && (
              <List size="sm" c="red">
                {unplaced.map((u) => (
                  <List.Item key={u}>{u}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
        <Select
          label={t('fields.owner')}
          description={programme ? undefined : t('programmeForm.ownerHelp')}
          // A new programme can be owned only by an organisation the user manages (the server refuses others).
          data={(organisations.data?.items ?? [])
            .filter((o) => programme || managesOrganisation(user, o.id))
            .map((o) => ({ value: o.id, label: organisationLabel(o) }))}
          value={form.organisationId || null}
          onChange={(v) => set('organisationId', v ?? '')}
          error={byField.organisationId}
          disabled={!!programme}
          searchable
          required
          allowDeselect={false}
          nothingFoundMessage={t('filters.nothingFound')}
        />
        <Grid>
          <Grid.Col span={{ base: 12, xs: 4 }}>
          <TextInput
            label={t('fields.code')}
            value={form.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={byField.code}
            required
            maxLength={40}
            autoComplete="off"
          />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 8 }}>
          <TextInput
            label={t('fields.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={byField.name}
            required
            maxLength={300}
          />
          </Grid.Col>
        </Grid>
        <Textarea
          label={t('fields.description')}
          value={form.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={byField.description}
          autosize
          minRows={3}
          maxRows={10}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Select
            label={t('fields.status')}
            data={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`programmeStatus.${s}`) }))}
            value={form.status}
            onChange={(v) => v && set('status', v as Programme['status'])}
            error={byField.status}
            allowDeselect={false}
          />
          <TextInput type="date" label={t('fields.startDate')} value={form.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} error={byField.startDate} />
          <TextInput type="date" label={t('fields.endDate')} value={form.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={byField.endDate} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {programme ? t('common:actions.save') : t('programmeForm.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
