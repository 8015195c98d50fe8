import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE } from './url-state.js';

/** "42 in total" and the page switcher (hidden when everything fits on one page). */
export function ListFooter({ total, page, onPage }: { total: number; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / PAGE_SIZE);
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Text size="sm" c="dimmed">
        {t('common.total', { count: total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': t(control === 'previous' ? 'actions.previous' : 'actions.next') })}
          withEdges={false}
        />
      )}
    </Group>
  );
}
