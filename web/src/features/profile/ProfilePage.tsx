import { Button, Card, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Locale, LOCALES } from '@shared/locales.js';
import { PASSWORD_MIN_LENGTH } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LANGUAGE_NAMES } from '../../components/LanguageMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { applyLocale } from '../../i18n/index.js';
import { useChangePassword, useCurrentUser, useUpdateMe } from '../auth/session.js';
import { ApiTokensCard } from '../api-tokens/ApiTokensCard.js';

export default function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const updateMe = useUpdateMe();
  const changePassword = useChangePassword();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<string>(user.locale ?? '');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');

  const saveProfile = (e: FormEvent) => {
    e.preventDefault();
    const chosen = (locale || null) as Locale | null;
    updateMe.mutate(
      { name, locale: chosen },
      {
        onSuccess: async () => {
          if (chosen) await applyLocale(chosen);
          notifications.show({ color: 'teal', message: t('profile.saved') });
        },
      },
    );
  };

  const savePassword = (e: FormEvent) => {
    e.preventDefault();
    changePassword.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
        },
      },
    );
  };
  const pwErrors = changePassword.error instanceof ApiError ? changePassword.error.fieldErrors() : {};

  return (
    <Stack maw={640}>
      <PageHeader title={t('profile.title')} subtitle={user.email} />
      <Card withBorder component="form" onSubmit={saveProfile}>
        <Stack>
          <Title order={4}>{t('profile.details')}</Title>
          {updateMe.error && <ErrorAlert error={updateMe.error} />}
          <TextInput label={t('profile.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} />
          <Select
            label={t('profile.language')}
            description={t('profile.languageHelp')}
            data={[{ value: '', label: t('profile.browserLanguage') }, ...LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))]}
            value={locale}
            onChange={(v) => setLocale(v ?? '')}
            allowDeselect={false}
          />
          <Text size="sm" c="dimmed">{t('profile.organisation')}: {user.organisationName}</Text>
          <Group justify="flex-end">
            <Button type="submit" loading={updateMe.isPending}>{t('actions.save')}</Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder component="form" onSubmit={savePassword}>
        <Stack>
          <Title order={4}>{t('profile.changePassword')}</Title>
          {changePassword.error && !Object.keys(pwErrors).length && <ErrorAlert error={changePassword.error} />}
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={pwErrors.currentPassword}
            required
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('profile.passwordRule', { count: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={pwErrors.newPassword ?? (next && next.length < PASSWORD_MIN_LENGTH ? t('profile.passwordRule', { count: PASSWORD_MIN_LENGTH }) : undefined)}
            required
          />
          <Text size="xs" c="dimmed">{t('profile.otherSessionsEnd')}</Text>
          <Group justify="flex-end">
            <Button type="submit" loading={changePassword.isPending} disabled={!current || next.length < PASSWORD_MIN_LENGTH}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <ApiTokensCard />
    </Stack>
  );
}
