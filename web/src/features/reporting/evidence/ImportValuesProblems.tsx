import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.js';
import { ImportProblems } from '../../framework-excel/ImportProblems.js';

/**
 * A refused import's problems by sheet, row and column (the framework import's table). The server
 * lists the first ones and counts the rest in a `more_problems` detail, said here below the table.
 */
export function ImportValuesProblems({ error }: { error: ApiError }) {
  const { t } = useTranslation('evidence');
  const more = error.details.find((d) => d.reason === 'more_problems');
  const count = Number(more?.params?.count ?? 0);
  // By sheet and row, as the reporter goes through the file; the server lists them as it found them.
  const listed = error.details
    .filter((d) => d !== more)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.sheet ?? '').localeCompare(b.d.sheet ?? '') || (a.d.row ?? 0) - (b.d.row ?? 0) || a.i - b.i)
    .map(({ d }) => d);
  return (
    <Stack gap={4}>
      <ImportProblems message={error.message} details={listed} />
      {count > 0 && (
        <Text size="sm" c="red.8" fw={500} data-testid="import-values-more">
          {t('import.more', { count })}
        </Text>
      )}
    </Stack>
  );
}
