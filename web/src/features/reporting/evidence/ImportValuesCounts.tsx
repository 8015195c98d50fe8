import { Alert, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportValuesResultT } from '@shared/schemas/index.js';
import { formatNumber } from '../../../lib/format.js';

/** What a check found the import would change, or what the import changed, and the warnings it leaves (totals that do not add up…; each message names its cell). */
export function ImportValuesCounts({ result }: { result: ImportValuesResultT }) {
  const { t } = useTranslation('evidence');
  const changed = result.created + result.updated + result.cleared;
  const counts = [
    { key: 'created', n: result.created },
    { key: 'updated', n: result.updated },
    { key: 'cleared', n: result.cleared },
    { key: 'unchanged', n: result.unchanged },
  ] as const;
  return (
    <Stack>
      <Alert
        color={result.dryRun ? 'blue' : 'teal'}
        icon={result.dryRun ? <IconListCheck size={18} /> : <IconCircleCheck size={18} />}
        title={result.dryRun ? t('import.checkedTitle') : t('import.importedTitle')}
        data-testid={result.dryRun ? 'import-values-check-result' : 'import-values-result'}
      >
        <Text size="sm" mb="xs">
          {t('import.rows', { count: result.rows, rows: formatNumber(result.rows), format: result.format.toUpperCase() })}{' '}
          {result.dryRun ? (changed ? t('import.checkedBody') : t('import.checkedNothing')) : t('import.importedBody')}
        </Text>
        <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" fz="sm" bg="var(--mantine-color-body)" maw={520}>
          <Table.Thead>
            <Table.Tr>
              {counts.map((c) => (
                <Table.Th key={c.key} ta="end">
                  {t(`import.counts.${c.key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              {counts.map((c) => (
                <Table.Td key={c.key} ta="end" data-testid={`import-count-${c.key}`} c={c.key === 'cleared' && c.n > 0 ? 'red' : undefined} fw={c.key === 'cleared' && c.n > 0 ? 600 : undefined}>
                  {formatNumber(c.n)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Alert>
      {result.problems.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('import.warnings', { count: result.problems.length })} data-testid="import-values-warnings">
          <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
            <List size="sm" spacing={2}>
              {result.problems.map((p, i) => (
                <List.Item key={i}>
                  {p.section && <strong>{t(`sections.${p.section}.label`)}: </strong>}
                  {p.message}
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </Alert>
      )}
    </Stack>
  );
}
