import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Total count and page buttons under a paged table. Works in offsets because the API does
 * (`limit` / `offset`); hides the buttons when everything fits on one page.
 */
export function PaginationFooter({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  return (
    <Group justify="space-between" mt="sm" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('common.total', { count: total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(p) => onChange((p - 1) * limit)}
          size="sm"
          siblings={1}
          getControlProps={(control) =>
            control === 'previous' ? { 'aria-label': t('actions.previous') } : control === 'next' ? { 'aria-label': t('actions.next') } : {}
          }
        />
      )}
    </Group>
  );
}
