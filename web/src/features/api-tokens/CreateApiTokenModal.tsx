import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '@shared/schemas/api-tokens.js';
import { ApiError } from '../../api/client.js';
import { ActionError } from '../admin/components/PageError.js';
import { CopyField } from './CopyField.js';
import { useCreateApiToken } from './queries.js';

const EXPIRY_CHOICES = ['30', '90', '180', '365', 'never'] as const;

/** Names a new token, then shows it once with a copy button and an example request. */
export function CreateApiTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('apiTokens');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={created ? t('created.title') : t('create.title')} size="lg" closeOnClickOutside={!created}>
      {created ? <ShownOnce token={created} onClose={close} /> : <CreateForm onCreated={setCreated} onCancel={close} />}
    </Modal>
  );
}

function CreateForm({ onCreated, onCancel }: { onCreated: (t: CreatedApiToken) => void; onCancel: () => void }) {
  const { t } = useTranslation('apiTokens');
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');
  const [touched, setTouched] = useState(false);
  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const nameError = touched && !name.trim() ? t('create.nameRequired') : serverErrors.name;

  const submit = () => {
    setTouched(true);
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), expiresInDays: expiry === 'never' ? null : Number(expiry) }, { onSuccess: onCreated });
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
          label={t('create.name')}
          description={t('create.nameHelp')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={nameError}
          maxLength={100}
          required
          data-autofocus
          data-testid="api-token-name"
        />
        <Select
          label={t('create.expiry')}
          data={EXPIRY_CHOICES.map((v) => ({ value: v, label: v === 'never' ? t('create.never') : t('create.days', { count: Number(v) }) }))}
          value={expiry}
          onChange={(v) => setExpiry(v ?? '90')}
          allowDeselect={false}
          error={serverErrors.expiresInDays}
          data-testid="api-token-expiry"
        />
        <ActionError error={create.error} placed={['name', 'expiresInDays']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="api-token-submit">
            {t('create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShownOnce({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) {
  const { t } = useTranslation('apiTokens');
  const origin = window.location.origin;
  const example = `curl -H "Authorization: Bearer ${token.token}" \\\n  "${origin}/api/iptt?scope=project&id=<project-id>"`;
  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('created.onceTitle')}>
        {t('created.onceBody')}
      </Alert>
      <CopyField value={token.token} testId="api-token-secret" />
      <Text size="sm" fw={600}>
        {t('created.example')}
      </Text>
      <CopyField value={example} block testId="api-token-curl" />
      <Text size="sm" c="dimmed">
        {t('created.docs')}{' '}
        <Text span ff="monospace" dir="ltr">
          {origin}/api/openapi.json
        </Text>
      </Text>
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="api-token-done">
          {t('created.done')}
        </Button>
      </Group>
    </Stack>
  );
}
