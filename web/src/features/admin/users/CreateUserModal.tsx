import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LOCALES } from '@shared/locales.js';
import { CreateUserBody, type User } from '@shared/schemas/index.js';
import { ApiError } from '../../../api/client.js';
import { LANGUAGE_NAMES } from '../../../components/LanguageMenu.js';
import { ActionError } from '../components/PageError.js';
import { serverFieldErrors, zodFieldErrors } from '../components/forms.js';
import { useManagedOrganisationOptions } from './organisationOptions.js';
import { NewPasswordInput, PasswordOnce } from './PasswordFields.js';
import { useCreateUser } from './queries.js';

const FIELDS = ['name', 'email', 'organisationId', 'locale', 'password'];

export function CreateUserModal({ opened, onClose, defaultOrganisationId }: { opened: boolean; onClose: () => void; defaultOrganisationId?: string | null }) {
  const { t } = useTranslation('admin');
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.createTitle')} size="lg" fullScreen={phone}>
      {opened && <CreateUserForm onClose={onClose} defaultOrganisationId={defaultOrganisationId ?? null} />}
    </Modal>
  );
}

function CreateUserForm({ onClose, defaultOrganisationId }: { onClose: () => void; defaultOrganisationId: string | null }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const organisations = useManagedOrganisationOptions();
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(
    defaultOrganisationId ?? (organisations.length === 1 ? organisations[0]!.value : null),
  );
  const [locale, setLocale] = useState('');
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ user: User; password: string } | null>(null);

  const server = serverFieldErrors(create.error);
  if (server.email && create.error instanceof ApiError && create.error.status === 409) server.email = t('users.duplicateEmail');
  const errors = { ...server, ...localErrors };
  const clear = (field: string) => setLocalErrors(({ [field]: _, ...rest }) => rest);

  if (created) {
    return (
      <Stack>
        <PasswordOnce password={created.password} email={created.user.email} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common:actions.close')}</Button>
          <Button onClick={() => navigate(`/admin/users/${created.user.id}`)}>{t('users.openAndAddRoles')}</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreateUserBody.safeParse({ name, email, organisationId: organisationId ?? undefined, locale: locale || null, password });
    if (!parsed.success) {
      setLocalErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setLocalErrors({});
    create.mutate(parsed.data, { onSuccess: (user) => setCreated({ user, password }) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ActionError error={create.error} placed={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              clear('name');
            }}
            error={errors.name}
            required
            maxLength={200}
            data-autofocus
          />
          <TextInput
            label={t('users.email')}
            type="email"
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              clear('email');
            }}
            error={errors.email}
            required
            maxLength={254}
            autoComplete="off"
            dir="ltr"
          />
          <Select
            label={t('users.organisation')}
            data={organisations}
            value={organisationId}
            onChange={(v) => {
              setOrganisationId(v);
              clear('organisationId');
            }}
            error={errors.organisationId}
            searchable
            required
            nothingFoundMessage={t('common:common.noResults')}
          />
          <Select
            label={t('users.language')}
            description={t('users.languageHelp')}
            data={[{ value: '', label: t('users.browserLanguage') }, ...LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))]}
            value={locale}
            onChange={(v) => setLocale(v ?? '')}
            allowDeselect={false}
            error={errors.locale}
          />
        </SimpleGrid>
        <NewPasswordInput
          label={t('users.initialPassword')}
          value={password}
          onChange={(v) => {
            setPassword(v);
            clear('password');
          }}
          error={errors.password}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" loading={create.isPending} data-testid="create-user-submit">{t('common:actions.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
