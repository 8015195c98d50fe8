import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LibraryIndicator } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { indicatorName } from '../results/labels.js';
import { useDeleteLibraryIndicator } from './queries.js';

/**
 * Deletes an entry nobody adopted. Once adopted it stays, linked to its indicators for roll-up; the
 * server refuses (409 in_use) if someone adopted it meanwhile, and the dialog then offers archiving instead.
 */
export function DeleteLibraryModal({ entry, onClose }: { entry: LibraryIndicator | null; onClose: () => void }) {
  const { t } = useTranslation('library');
  const remove = useDeleteLibraryIndicator();
  const inUse = remove.error instanceof ApiError && remove.error.status === 409;
  const confirm = () =>
    entry &&
    remove.mutate(entry.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('delete.done', { code: entry.code }) });
        onClose();
      },
    });
  return (
    <Modal opened={!!entry} onClose={onClose} title={entry ? t('delete.title', { code: entry.code }) : ''}>
      <Stack>
        {inUse ? (
          <Alert color="orange" icon={<IconLock size={18} />} title={t('delete.inUseTitle')} data-testid="library-in-use">
            <Text size="sm">{t('delete.inUseBody')}</Text>
          </Alert>
        ) : (
          <>
            <Text size="sm">{entry && t('delete.body', { name: indicatorName(entry) })}</Text>
            <ErrorAlert error={remove.error} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {inUse ? t('common:actions.close') : t('common:actions.cancel')}
          </Button>
          {!inUse && (
            <Button color="red" onClick={confirm} loading={remove.isPending} data-testid="confirm-library-delete">
              {t('common:actions.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
