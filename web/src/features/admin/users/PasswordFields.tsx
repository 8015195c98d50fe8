import { ActionIcon, Alert, Button, Code, CopyButton, Group, PasswordInput, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@shared/schemas/index.js';
import { generatePassword } from './password.js';

/** A new-password field with a "generate" button; a generated password is shown in clear so it can be copied. */
export function NewPasswordInput({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  label: string;
}) {
  const { t } = useTranslation('admin');
  const [visible, setVisible] = useState(false);
  return (
    <div>
      <PasswordInput
        label={label}
        description={t('users.passwordHelp', { count: PASSWORD_MIN_LENGTH })}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        visible={visible}
        onVisibilityChange={setVisible}
        error={error ?? (value && value.length < PASSWORD_MIN_LENGTH ? t('validation.tooShort', { count: PASSWORD_MIN_LENGTH }) : undefined)}
        autoComplete="new-password"
        required
        dir="ltr"
        styles={{ input: { fontFamily: visible ? 'var(--mantine-font-family-monospace)' : undefined } }}
      />
      <Group gap="xs" mt={6}>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconWand size={14} />}
          onClick={() => {
            onChange(generatePassword());
            setVisible(true);
          }}
          data-testid="generate-password"
        >
          {t('users.generatePassword')}
        </Button>
        {value && <CopyValue value={value} />}
      </Group>
    </div>
  );
}

function CopyValue({ value }: { value: string }) {
  const { t } = useTranslation('admin');
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Button variant="subtle" size="xs" color={copied ? 'teal' : 'gray'} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
          {copied ? t('users.copied') : t('users.copy')}
        </Button>
      )}
    </CopyButton>
  );
}

/** Shown once after a password is set: the administrator copies it and hands it over; it is not shown again. */
export function PasswordOnce({ password, email }: { password: string; email?: string }) {
  const { t } = useTranslation('admin');
  return (
    <Alert color="teal" icon={<IconKey size={18} />} title={t('users.passwordOnceTitle')} data-testid="password-once">
      <Text size="sm" mb="xs">{t('users.passwordOnceBody')}</Text>
      {email && (
        <Text size="sm">
          {t('users.email')}: <Code dir="ltr">{email}</Code>
        </Text>
      )}
      <Group gap="xs" mt={4} wrap="nowrap">
        <Code fz="md" dir="ltr" data-testid="password-value" style={{ wordBreak: 'break-all' }}>{password}</Code>
        <CopyButton value={password} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('users.copied') : t('users.copy')} withArrow>
              <ActionIcon color={copied ? 'teal' : 'gray'} variant="subtle" onClick={copy} aria-label={t('users.copy')}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
