import { Alert, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportFrameworkResultT } from '@shared/schemas/index.js';
import { formatNumber } from '../../lib/format.js';

/** What a check found the import would change, or what an import changed: results and indicators created, updated, deleted, unchanged; targets. */
export function ImportCounts({ result }: { result: ImportFrameworkResultT }) {
  const { t } = useTranslation('excel');
  const rows = [
    { key: 'nodes', label: t('counts.nodes'), c: result.nodes },
    { key: 'indicators', label: t('counts.indicators'), c: result.indicators },
  ];
  const changed = result.nodes.created + result.nodes.updated + result.nodes.deleted + result.indicators.created + result.indicators.updated + result.indicators.deleted + result.targets.changed;
  return (
    <Alert
      color={result.dryRun ? 'blue' : 'teal'}
      icon={result.dryRun ? <IconListCheck size={18} /> : <IconCircleCheck size={18} />}
      title={result.dryRun ? t('counts.checkedTitle') : t('counts.importedTitle')}
      data-testid={result.dryRun ? 'import-check-result' : 'import-result'}
    >
      <Text size="sm" mb="xs">
        {result.dryRun ? (changed ? t('counts.checkedBody') : t('counts.checkedNothing')) : t('counts.importedBody')}
      </Text>
      <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" fz="sm" bg="var(--mantine-color-body)">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="end">{t('counts.created')}</Table.Th>
            <Table.Th ta="end">{t('counts.updated')}</Table.Th>
            <Table.Th ta="end">{t('counts.deleted')}</Table.Th>
            <Table.Th ta="end">{t('counts.unchanged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{r.label}</Table.Th>
              <Table.Td ta="end">{formatNumber(r.c.created)}</Table.Td>
              <Table.Td ta="end">{formatNumber(r.c.updated)}</Table.Td>
              <Table.Td ta="end" c={r.c.deleted > 0 ? 'red' : undefined} fw={r.c.deleted > 0 ? 600 : undefined}>
                {formatNumber(r.c.deleted)}
              </Table.Td>
              <Table.Td ta="end">{formatNumber(r.c.unchanged)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        {t('counts.targets', { total: formatNumber(result.targets.total), changed: formatNumber(result.targets.changed), count: result.targets.changed })}
      </Text>
    </Alert>
  );
}
