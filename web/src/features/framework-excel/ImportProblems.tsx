import { Alert, ScrollArea, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '@shared/errors.js';
import { formatNumber } from '../../lib/format.js';

/**
 * Every problem the server found in the workbook, by sheet, row and column, in the reader's language
 * (the server wrote the messages). Nothing was imported; the list scrolls so that all of them can be fixed in one go.
 */
export function ImportProblems({ message, details }: { message: string; details: ErrorDetail[] }) {
  const { t } = useTranslation('excel');
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('problems.title')} role="alert" data-testid="import-problems">
      <Text size="sm" mb="xs">
        {message}
      </Text>
      {details.length > 0 && (
        <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
          <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing="xs" fz="sm" bg="var(--mantine-color-body)" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('problems.sheet')}</Table.Th>
                <Table.Th w={64} ta="end">
                  {t('problems.row')}
                </Table.Th>
                <Table.Th w={160}>{t('problems.column')}</Table.Th>
                <Table.Th>{t('problems.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {details.map((d, i) => (
                <Table.Tr key={i} data-testid="import-problem">
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {d.sheet ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="end">{d.row !== undefined ? formatNumber(d.row) : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" dir="ltr" span style={{ overflowWrap: 'anywhere' }}>
                      {d.column ?? d.field ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td dir="auto">{d.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Alert>
  );
}
