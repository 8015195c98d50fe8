import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DisaggregationCategory } from '@shared/schemas/index.js';
import { ApiError } from '../../../api/client.js';
import { formatNumber } from '../../../lib/format.js';
import { categoryName } from '../../results/labels.js';
import { ActionError } from '../components/PageError.js';
import { useDeleteCategory } from './queries.js';

/** The server refuses to delete a category that indicators or library entries use (409 in_use). */
const inUse = (error: unknown) => error instanceof ApiError && error.status === 409;

/**
 * Confirms deleting a category. A category in use cannot go: values and targets are recorded by its
 * options. The dialog says so up front (from the use count) and again if the server refuses.
 */
export function DeleteCategoryModal({ category, onClose }: { category: DisaggregationCategory | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const remove = useDeleteCategory();
  const name = category ? categoryName(category) : '';
  const blocked = !!category && (category.usedBy > 0 || inUse(remove.error));
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!category) return;
    remove.mutate(category.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('disaggregations.deleted', { name }) });
        close();
      },
    });
  };
  return (
    <Modal opened={!!category} onClose={close} title={t('disaggregations.deleteTitle', { name })}>
      <Stack>
        {blocked ? (
          <Alert color="orange" icon={<IconLock size={18} />} title={t('disaggregations.inUseTitle')} data-testid="category-in-use">
            <Text size="sm">
              {category && category.usedBy > 0
                ? t('disaggregations.inUseBody', { count: category.usedBy, formatted: formatNumber(category.usedBy) })
                : t('disaggregations.inUseBodyNow')}
            </Text>
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('disaggregations.deleteBody', { name })}</Text>
            <ActionError error={remove.error} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {blocked ? t('common:actions.close') : t('common:actions.cancel')}
          </Button>
          {!blocked && (
            <Button color="red" onClick={confirm} loading={remove.isPending} data-testid="confirm-delete-category">
              {t('common:actions.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
