import { ActionIcon, Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DisaggregationCategory, DisaggregationOption } from '@shared/schemas/index.js';
import { formatNumber } from '../../../lib/format.js';
import { categoryName, optionLabel } from '../../results/labels.js';

/** "18–59", "60+": an age band's range as people write it; the numbers stay in Latin digits in Arabic too. */
function ageRange(o: DisaggregationOption): string {
  if (o.minAge === null) return '—';
  return o.maxAge === null ? `${formatNumber(o.minAge)}+` : `${formatNumber(o.minAge)}–${formatNumber(o.maxAge)}`;
}

/** One category with its options, in the order tables and exports list them. */
export function CategoryCard({
  category,
  canEdit,
  onEdit,
  onDelete,
}: {
  category: DisaggregationCategory;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('admin');
  const name = categoryName(category);
  const ages = category.kind === 'age';
  const options = [...category.options].sort((a, b) => a.position - b.position);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="category-card" data-code={category.code}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs" mb="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed" ff="monospace" dir="ltr">
              {category.code}
            </Text>
            <Badge size="sm" variant="light" color={category.kind === 'custom' ? 'gray' : 'teal'} tt="none">
              {t(`disaggregations.kinds.${category.kind}`)}
            </Badge>
            <Badge size="sm" variant="outline" color={category.usedBy > 0 ? 'blue' : 'gray'} tt="none" data-testid="used-by">
              {category.usedBy > 0 ? t('disaggregations.usedBy', { count: category.usedBy, formatted: formatNumber(category.usedBy) }) : t('disaggregations.unused')}
            </Badge>
          </Group>
        </Stack>
        {canEdit && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('common:actions.edit')}>
              <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('disaggregations.editLabel', { name })} data-testid="edit-category">
                <IconEdit size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('common:actions.delete')}>
              <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('disaggregations.deleteLabel', { name })} data-testid="delete-category">
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('disaggregations.code')}</Table.Th>
            <Table.Th>{t('disaggregations.label')}</Table.Th>
            {ages && <Table.Th w={90}>{t('disaggregations.ages')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {options.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Text size="xs" ff="monospace" dir="ltr" span>
                  {o.code}
                </Text>
              </Table.Td>
              <Table.Td>{optionLabel(o)}</Table.Td>
              {ages && (
                <Table.Td>
                  <Text size="sm" dir="ltr" span style={{ whiteSpace: 'nowrap' }}>
                    {ageRange(o)}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
