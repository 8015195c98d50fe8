import { Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconLock, IconLockOpen } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LOCALES } from '@shared/locales.js';
import { PASSWORD_MIN_LENGTH, UpdateUserBody, type User } from '@shared/schemas/index.js';
import { ApiError } from '../../../api/client.js';
import { LANGUAGE_NAMES } from '../../../components/LanguageMenu.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatDateTime } from '../../../lib/format.js';
import { useCurrentUser } from '../../auth/session.js';
import { UserApiTokensCard } from '../../api-tokens/ApiTokensCard.js';
import { canAdminOrganisation, isInstallationAdmin } from '../access.js';
import { ActionError, PageError } from '../components/PageError.js';
import { serverFieldErrors, zodFieldErrors } from '../components/forms.js';
import { MembershipsCard } from './MembershipsCard.js';
import { useManagedOrganisationOptions } from './organisationOptions.js';
import { NewPasswordInput, PasswordOnce } from './PasswordFields.js';
import { useResetPassword, useSetDisabled, useUpdateUser, useUser } from './queries.js';

export default function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const user = useUser(id);

  const back = (
    <Anchor component={Link} to="/admin/users" size="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowBackUp size={16} />
        {t('users.backToList')}
      </Group>
    </Anchor>
  );

  if (user.error) {
    return (
      <Stack>
        {back}
        <PageError error={user.error} />
      </Stack>
    );
  }
  if (!user.data) return <PageLoader />;
  const u = user.data;
  const manageable = canAdminOrganisation(me, u.organisationId);

  return (
    <Stack>
      {back}
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {u.name}
            <Badge color={u.disabled ? 'gray' : 'green'} variant={u.disabled ? 'outline' : 'light'} size="lg">
              {u.disabled ? t('users.disabled') : t('users.active')}
            </Badge>
          </Group>
        }
        subtitle={
          <>
            <Text span dir="ltr">{u.email}</Text> · {u.organisationName} · {t('users.lastSignIn')}: {u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('users.never')}
          </>
        }
      />
      {!manageable && <Text c="dimmed" size="sm">{t('users.readOnly')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DetailsCard key={u.updatedAt} user={u} manageable={manageable} />
        <Stack>
          {manageable && <StatusCard user={u} isSelf={u.id === me.id} />}
          {manageable && <ResetPasswordCard user={u} />}
        </Stack>
      </SimpleGrid>
      <MembershipsCard user={u} manageable={manageable} />
      {isInstallationAdmin(me) && u.id !== me.id && <UserApiTokensCard userId={u.id} />}
    </Stack>
  );
}

function DetailsCard({ user, manageable }: { user: User; manageable: boolean }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser(user.id);
  const managed = useManagedOrganisationOptions();
  const organisations = managed.some((o) => o.value === user.organisationId)
    ? managed
    : [{ value: user.organisationId, label: user.organisationName }, ...managed];
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [organisationId, setOrganisationId] = useState<string | null>(user.organisationId);
  const [locale, setLocale] = useState<string>(user.locale ?? '');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(update.error);
  if (server.email && update.error instanceof ApiError && update.error.status === 409) server.email = t('users.duplicateEmail');
  const errors = { ...server, ...localErrors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...(name !== user.name && { name }),
      ...(email !== user.email && { email }),
      ...(organisationId && organisationId !== user.organisationId && { organisationId }),
      ...((locale || null) !== user.locale && { locale: (locale || null) as User['locale'] }),
    };
    const parsed = UpdateUserBody.safeParse(body);
    if (!parsed.success) {
      setLocalErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setLocalErrors({});
    if (Object.keys(parsed.data).length === 0) return;
    update.mutate(parsed.data, { onSuccess: () => notifications.show({ color: 'teal', message: t('users.saved') }) });
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('users.details')}</Title>
        <ActionError error={update.error} placed={['name', 'email', 'organisationId', 'locale']} />
        <TextInput
          label={t('users.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          maxLength={200}
          readOnly={!manageable}
        />
        <TextInput
          label={t('users.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          required
          maxLength={254}
          readOnly={!manageable}
          dir="ltr"
        />
        <Select
          label={t('users.organisation')}
          data={organisations}
          value={organisationId}
          onChange={setOrganisationId}
          error={errors.organisationId}
          allowDeselect={false}
          searchable
          readOnly={!manageable}
        />
        <Select
          label={t('users.language')}
          data={[{ value: '', label: t('users.browserLanguage') }, ...LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))]}
          value={locale}
          onChange={(v) => setLocale(v ?? '')}
          allowDeselect={false}
          readOnly={!manageable}
        />
        <Text size="xs" c="dimmed">
          {t('users.created')}: {formatDateTime(user.createdAt)}
        </Text>
        {manageable && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>{t('common:actions.save')}</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function StatusCard({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation('admin');
  const setDisabled = useSetDisabled(user.id);
  const [confirming, setConfirming] = useState(false);
  const disabling = !user.disabled;

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('users.accountStatus')}</Title>
        <Text size="sm">{user.disabled ? t('users.statusDisabledText') : t('users.statusActiveText')}</Text>
        {isSelf && disabling && <Text size="xs" c="dimmed">{t('users.selfDisableNote')}</Text>}
        <ActionError error={setDisabled.error} />
        <Group>
          <Button
            color={disabling ? 'red' : 'teal'}
            variant={disabling ? 'light' : 'filled'}
            leftSection={disabling ? <IconLock size={16} /> : <IconLockOpen size={16} />}
            onClick={() => {
              setDisabled.reset();
              setConfirming(true);
            }}
            data-testid="toggle-disabled"
          >
            {disabling ? t('users.disable') : t('users.enable')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={disabling ? t('users.disableTitle', { name: user.name }) : t('users.enableTitle', { name: user.name })}>
        <Stack>
          <Text size="sm">{disabling ? t('users.disableExplain') : t('users.enableExplain')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common:actions.cancel')}</Button>
            <Button
              color={disabling ? 'red' : 'teal'}
              loading={setDisabled.isPending}
              data-testid="confirm-disabled"
              onClick={() =>
                setDisabled.mutate(disabling, {
                  onSuccess: () => notifications.show({ color: 'teal', message: disabling ? t('users.disabledDone') : t('users.enabledDone') }),
                  onSettled: () => setConfirming(false),
                })
              }
            >
              {disabling ? t('users.disable') : t('users.enable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function ResetPasswordCard({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const reset = useResetPassword(user.id);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) return;
    reset.mutate(password, {
      onSuccess: () => {
        setDone(password);
        setPassword('');
      },
    });
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={4}>{t('users.resetPassword')}</Title>
        <Text size="sm">{t('users.resetPasswordExplain')}</Text>
        {done && <PasswordOnce password={done} email={user.email} />}
        <ActionError error={reset.error} placed={['password']} />
        <NewPasswordInput
          label={t('users.newPassword')}
          value={password}
          onChange={(v) => {
            setPassword(v);
            setDone(null);
          }}
          error={serverFieldErrors(reset.error).password}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={reset.isPending} disabled={password.length < PASSWORD_MIN_LENGTH}>
            {t('users.setPassword')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
