import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PivotDefinition, SavedPivot } from '@shared/schemas/monitoring.js';
import { ApiError } from '../../../api/client.js';
import { ActionError } from '../../admin/components/PageError.js';
import { useCreateSavedPivot, useUpdateSavedPivot } from './queries.js';

/** Save a new pivot (with the current definition) or rename / share one of mine. */
export type SaveTarget = { mode: 'create'; definition: PivotDefinition; name?: string } | { mode: 'edit'; pivot: SavedPivot };

export function SavePivotModal({ target, onClose }: { target: SaveTarget | null; onClose: () => void }) {
  const { t } = useTranslation('pivot');
  const title = target?.mode === 'edit' ? t('save.editTitle') : t('save.createTitle');
  return (
    <Modal opened={!!target} onClose={onClose} title={title}>
      {target && <SaveForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function SaveForm({ target, onClose }: { target: SaveTarget; onClose: () => void }) {
  const { t } = useTranslation('pivot');
  const navigate = useNavigate();
  const create = useCreateSavedPivot();
  const update = useUpdateSavedPivot();
  const [name, setName] = useState(target.mode === 'edit' ? target.pivot.name : (target.name ?? ''));
  const [shared, setShared] = useState(target.mode === 'edit' ? target.pivot.shared : false);
  const [touched, setTouched] = useState(false);
  const mutation = target.mode === 'edit' ? update : create;
  const serverName = mutation.error instanceof ApiError ? mutation.error.fieldErrors().name : undefined;
  const nameError = touched && !name.trim() ? t('save.nameRequired') : serverName;

  const submit = () => {
    setTouched(true);
    if (!name.trim()) return;
    if (target.mode === 'edit') {
      update.mutate(
        { id: target.pivot.id, body: { name: name.trim(), shared } },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('save.saved', { name: saved.name }) });
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { name: name.trim(), shared, definition: target.definition },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('save.saved', { name: saved.name }) });
            onClose();
            navigate(`/pivot/${saved.id}`);
          },
        },
      );
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <TextInput
          label={t('save.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={nameError}
          maxLength={120}
          required
          data-autofocus
          data-testid="pivot-save-name"
        />
        <Switch
          label={t('save.share')}
          description={t('save.shareHelp')}
          checked={shared}
          onChange={(e) => setShared(e.currentTarget.checked)}
          data-testid="pivot-save-shared"
        />
        <ActionError error={mutation.error} placed={['name']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="pivot-save-submit">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
