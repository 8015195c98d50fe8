import { ActionIcon, Anchor, Badge, Breadcrumbs, Card, Group, Stack, Table, Tabs, Text, TextInput, Tooltip, VisuallyHidden, useDirection } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconCornerLeftUp, IconFileImport, IconListTree, IconPolygon, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Location } from '@shared/schemas/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatNumber, placeName } from '../../../lib/format.js';
import { useCurrentUser } from '../../auth/session.js';
import { isInstallationAdmin } from '../access.js';
import { PageError } from '../components/PageError.js';
import { ImportPanel } from './ImportPanel.js';
import { levelLabel } from './levels.js';
import { LOCATION_LIMIT, SEARCH_LIMIT, useLocationChildren, useLocationSearch, useLocationTrail } from './queries.js';

/**
 * The place tree, one level at a time: countries first, then the children of whatever is clicked.
 * The open location is in the address (`?in=<id>`) so the browser's back button climbs the tree.
 */
export default function LocationsPage() {
  const { t } = useTranslation('admin');
  const user = useCurrentUser();
  const canImport = isInstallationAdmin(user);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'import' && canImport ? 'import' : 'browse';

  return (
    <Stack>
      <PageHeader title={t('locations.title')} subtitle={t('locations.subtitle')} />
      {canImport ? (
        <Tabs
          value={tab}
          onChange={(v) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (v === 'import') next.set('tab', 'import');
              else next.delete('tab');
              return next;
            })
          }
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="browse" leftSection={<IconListTree size={16} />}>{t('locations.browse')}</Tabs.Tab>
            <Tabs.Tab value="import" leftSection={<IconFileImport size={16} />} data-testid="import-tab">{t('locations.import')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="browse">
            <Browser />
          </Tabs.Panel>
          <Tabs.Panel value="import">
            <ImportPanel />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Browser />
      )}
    </Stack>
  );
}

function Browser() {
  const { t } = useTranslation('admin');
  const [params] = useSearchParams();
  const parentId = params.get('in');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const searching = q.length > 0;
  const children = useLocationChildren(parentId, !searching);
  const trail = useLocationTrail(parentId);
  const results = useLocationSearch(q);
  const current = trail.data?.[trail.data.length - 1];
  const list = searching ? results : children;
  const limit = searching ? SEARCH_LIMIT : LOCATION_LIMIT;

  return (
    <Stack>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('locations.searchPlaceholder')}
        aria-label={t('common:actions.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {!searching && (
        <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
          <Anchor component={Link} to="?" size="sm">{t('locations.allCountries')}</Anchor>
          {(trail.data ?? []).map((l, i, all) =>
            i === all.length - 1 ? (
              <Text key={l.id} size="sm" fw={600}>{placeName(l)}</Text>
            ) : (
              <Anchor key={l.id} component={Link} to={`?in=${l.id}`} size="sm">{placeName(l)}</Anchor>
            ),
          )}
        </Breadcrumbs>
      )}
      {!searching && current && (
        <Group gap="xs">
          <Text fw={600}>{placeName(current)}</Text>
          <Badge variant="light" tt="none" ff="monospace">{current.pcode}</Badge>
          <Badge variant="outline" color="gray" tt="none">{levelLabel(t, current.level)}</Badge>
          {current.hasGeometry && <Badge variant="light" color="grape" tt="none" leftSection={<IconPolygon size={12} />}>{t('locations.hasBoundary')}</Badge>}
        </Group>
      )}
      {searching && <Text size="sm" c="dimmed">{t('locations.searchingAll', { q })}</Text>}
      {(list.error || trail.error) && <PageError error={list.error ?? trail.error} />}
      {list.isPending && !list.error && <PageLoader />}
      {list.data && <LocationTable items={list.data.items} searching={searching} onOpen={() => setSearch('')} />}
      {list.data && list.data.items.length >= limit && <Text size="sm" c="dimmed">{t('locations.truncated', { count: limit })}</Text>}
    </Stack>
  );
}

function LocationTable({ items, searching, onOpen }: { items: Location[]; searching: boolean; onOpen: () => void }) {
  const { t } = useTranslation('admin');
  const dir = useDirection();
  const Chevron = dir.dir === 'rtl' ? IconChevronLeft : IconChevronRight;
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="location-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('locations.pcode')}</Table.Th>
              <Table.Th>{t('locations.name')}</Table.Th>
              <Table.Th>{t('locations.level')}</Table.Th>
              <Table.Th ta="end">{t('locations.children')}</Table.Th>
              <Table.Th ta="center">{t('locations.boundary')}</Table.Th>
              <Table.Th w={50}>
                <VisuallyHidden>{t('actionsColumn')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace" dir="ltr" span>{l.pcode}</Text>
                </Table.Td>
                <Table.Td>
                  {l.childCount > 0 ? (
                    <Anchor component={Link} to={`?in=${l.id}`} onClick={onOpen} size="sm" fw={500}>{placeName(l)}</Anchor>
                  ) : (
                    <Text size="sm">{placeName(l)}</Text>
                  )}
                  {placeName(l) !== l.name && <Text size="xs" c="dimmed">{l.name}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{levelLabel(t, l.level)}</Text>
                </Table.Td>
                <Table.Td ta="end">{l.childCount > 0 ? formatNumber(l.childCount) : '—'}</Table.Td>
                <Table.Td ta="center">
                  {l.hasGeometry ? (
                    <Tooltip label={t('locations.hasBoundary')}>
                      <IconPolygon size={18} color="var(--mantine-color-grape-6)" aria-label={t('locations.hasBoundary')} />
                    </Tooltip>
                  ) : (
                    <Text span c="dimmed" aria-label={t('locations.noBoundary')}>—</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {l.childCount > 0 ? (
                    <ActionIcon component={Link} to={`?in=${l.id}`} onClick={onOpen} variant="subtle" aria-label={t('locations.open', { name: placeName(l) })}>
                      <Chevron size={18} />
                    </ActionIcon>
                  ) : searching && l.parentId ? (
                    <Tooltip label={t('locations.showInTree')}>
                      <ActionIcon component={Link} to={`?in=${l.parentId}`} onClick={onOpen} variant="subtle" color="gray" aria-label={t('locations.showInTree')}>
                        <IconCornerLeftUp size={18} />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" ta="center" py="md">{searching ? t('common:common.noResults') : t('locations.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
