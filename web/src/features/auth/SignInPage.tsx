import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageMenu } from '../../components/LanguageMenu.js';
import { useSession, useSignIn } from './session.js';

export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data) return <Navigate to={from} replace />;
  // The server answers 401 "please sign in" and says why on the password field (wrong password, disabled account).
  const reason = signIn.error instanceof ApiError ? signIn.error.fieldErrors().password : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(from, { replace: true }) });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={400} gap="md">
        <Group justify="space-between">
          <Group gap={8}>
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <Title order={2}>Fieldbook</Title>
          </Group>
          <LanguageMenu />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={3}>{t('signIn.title')}</Title>
              <Text c="dimmed" size="sm">{t('signIn.subtitle')}</Text>
            </div>
            {signIn.error && !reason && <ErrorAlert error={signIn.error} title={t('signIn.failed')} />}
            {reason && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('signIn.failed')} role="alert">
                {reason}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              name="email"
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              name="password"
            />
            <Button type="submit" loading={signIn.isPending} disabled={!email || !password}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('signIn.help')}{' '}
          <Anchor href="/api/openapi.json" size="xs">API</Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
