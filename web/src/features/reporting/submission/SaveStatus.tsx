import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTime as time } from '../../../lib/format.js';
import type { AutosaveStatus } from './useAutosave.js';


/** "All changes saved · 10:42", "Saving…", or how many changes wait: beside the package's title. */
export function SaveStatusLine({ status, held }: { status: AutosaveStatus; held: number }) {
  const { t } = useTranslation('submission');
  let content;
  if (status.state === 'saving' || status.state === 'waiting') {
    content = (
      <>
        <Loader size={12} />
        <Text size="sm">{t('save.saving')}</Text>
      </>
    );
  } else if (status.state === 'offline' || status.state === 'stopped') {
    content = (
      <>
        <IconCloudOff size={16} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text size="sm" c="orange.8">
          {t('save.notSaved', { count: status.unsent })}
        </Text>
      </>
    );
  } else if (held > 0) {
    content = (
      <>
        <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
        <Text size="sm" c="red.7">
          {t('save.held', { count: held })}
        </Text>
      </>
    );
  } else {
    content = (
      <>
        <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="sm" c="dimmed">
          {status.savedAt ? t('save.savedAt', { time: time(status.savedAt) }) : t('save.upToDate')}
        </Text>
      </>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="save-status" data-state={status.state}>
      {content}
    </Group>
  );
}

/** The connection dropped or the server stopped taking the changes: they are on this device, and this says so. */
export function SaveBanner({ status, canEdit, onRetry, onDiscard }: { status: AutosaveStatus; canEdit: boolean; onRetry: () => void; onDiscard: () => void }) {
  const { t } = useTranslation('submission');
  if (!canEdit && status.unsent > 0) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('save.keptTitle', { count: status.unsent })} data-testid="kept-changes">
        <Text size="sm">{t('save.keptBody')}</Text>
        <Button size="xs" variant="default" mt="xs" onClick={onDiscard}>
          {t('save.discard')}
        </Button>
      </Alert>
    );
  }
  if (status.state === 'offline') {
    return (
      <Alert color="orange" variant="filled" icon={<IconCloudOff size={18} />} role="alert" data-testid="connection-lost">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">{t('save.offline', { count: status.unsent })}</Text>
          <Button size="xs" variant="white" color="orange" onClick={onRetry}>
            {t('save.retryNow')}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (status.state === 'stopped') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" title={t('save.stoppedTitle', { count: status.unsent })} data-testid="save-stopped">
        <Text size="sm">{status.error?.message || t('save.stoppedBody')}</Text>
        <Group gap="xs" mt="xs">
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('save.retryNow')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={onDiscard}>
            {t('save.discard')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return null;
}
