import { ActionIcon, Anchor, Badge, Card, Group, Menu, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDotsVertical, IconEye, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LibraryIndicator } from '@shared/schemas/index.js';
import { formatNumber } from '../../lib/format.js';
import { indicatorName, TypeBadge } from '../results/labels.js';

export interface LibraryRowActions {
  open: (entry: LibraryIndicator) => void;
  setArchived: (entry: LibraryIndicator, archived: boolean) => void;
  remove: (entry: LibraryIndicator) => void;
}

/** The organisation's entries: what each measures, where the standard comes from, and how many indicators follow it. */
export function LibraryTable({ items, canEdit, actions }: { items: LibraryIndicator[]; canEdit: boolean; actions: LibraryRowActions }) {
  const { t } = useTranslation(['library', 'results']);
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" highlightOnHover striped data-testid="library-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('results:indicator.code')}</Table.Th>
              <Table.Th>{t('results:indicator.name')}</Table.Th>
              <Table.Th w={130}>{t('results:indicator.type')}</Table.Th>
              <Table.Th w={110}>{t('results:indicator.unit')}</Table.Th>
              <Table.Th w={170}>{t('form.source')}</Table.Th>
              <Table.Th w={90} ta="end">
                {t('table.adopted')}
              </Table.Th>
              <Table.Th w={50}>
                <VisuallyHidden>{t('table.actionsColumn')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id} data-testid="library-row" data-code={e.code} style={e.archived ? { opacity: 0.65 } : undefined}>
                <Table.Td>
                  <Text size="sm" ff="monospace" fw={600} dir="ltr" span style={{ whiteSpace: 'nowrap' }}>
                    {e.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Anchor component="button" type="button" size="sm" ta="start" onClick={() => actions.open(e)} style={{ overflowWrap: 'anywhere' }} dir="auto">
                      {indicatorName(e)}
                    </Anchor>
                    {e.archived && (
                      <Badge size="xs" color="gray" variant="filled" tt="none" style={{ flexShrink: 0 }}>
                        {t('table.archived')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <TypeBadge type={e.type} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" dir="auto">
                    {e.unit || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} dir="auto">
                    {e.source || '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">
                  <Text size="sm" fw={e.adoptedCount > 0 ? 600 : 400} c={e.adoptedCount > 0 ? undefined : 'dimmed'}>
                    {formatNumber(e.adoptedCount)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <RowMenu entry={e} actions={actions} />
                  ) : (
                    <Tooltip label={t('table.view')}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => actions.open(e)} aria-label={t('table.viewLabel', { code: e.code })}>
                        <IconEye size={18} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function RowMenu({ entry, actions }: { entry: LibraryIndicator; actions: LibraryRowActions }) {
  const { t } = useTranslation('library');
  const adopted = entry.adoptedCount > 0;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('table.actions', { code: entry.code })} data-testid="library-row-menu">
          <IconDotsVertical size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => actions.open(entry)}>
          {t('table.edit')}
        </Menu.Item>
        {entry.archived ? (
          <Menu.Item leftSection={<IconArchiveOff size={16} />} onClick={() => actions.setArchived(entry, false)}>
            {t('table.unarchive')}
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => actions.setArchived(entry, true)}>
            {t('table.archive')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconTrash size={16} />} disabled={adopted} onClick={() => actions.remove(entry)} data-testid="library-delete">
          {adopted ? t('table.deleteAdopted') : t('table.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
