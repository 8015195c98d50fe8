import { Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES, type Role } from '@shared/roles.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useSearchParamsUpdate } from '../../../lib/search-params.js';
import { PaginationFooter } from '../../../components/PaginationFooter.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatDateTime } from '../../../lib/format.js';
import { isForbidden, PageError } from '../components/PageError.js';
import { CreateUserModal } from './CreateUserModal.js';
import { useManagedOrganisationOptions } from './organisationOptions.js';
import { useUserList } from './queries.js';
import { MembershipBadge } from '../../../components/MembershipBadge.js';

const LIMIT = 25;
/** Role badges wrap instead of cutting off the scope name (long programme names are common). */

/** Filters live in the address so that coming back from a user's page keeps them. */
export default function UsersPage() {
  const { t } = useTranslation('admin');
  const { params, update } = useSearchParamsUpdate();
  const q = params.get('q') ?? '';
  const organisationId = params.get('organisation') ?? '';
  const role = (params.get('role') ?? '') as Role | '';
  const includeDisabled = params.get('disabled') === '1';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const organisations = useManagedOrganisationOptions();

  const setQuery = useDebouncedCallback((value: string) => update({ q: value.trim() }), 300);

  const list = useUserList({
    q: q || undefined,
    organisationId: organisationId || undefined,
    role: role || undefined,
    includeDisabled,
    limit: LIMIT,
    offset,
  });

  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          organisations.length > 0 &&
          !isForbidden(list.error) && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-user">
              {t('users.new')}
            </Button>
          )
        }
      />
      {isForbidden(list.error) ? null : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            leftSection={<IconSearch size={16} />}
            label={t('common:actions.search')}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setQuery(e.currentTarget.value);
            }}
          />
          <Select
            label={t('users.organisation')}
            placeholder={t('common:common.all')}
            data={organisations}
            value={organisationId || null}
            onChange={(v) => update({ organisation: v ?? '' })}
            searchable
            clearable
            nothingFoundMessage={t('common:common.noResults')}
          />
          <Select
            label={t('users.role')}
            placeholder={t('common:common.all')}
            data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            value={role || null}
            onChange={(v) => update({ role: v ?? '' })}
            clearable
          />
          <Checkbox
            label={t('users.includeDisabled')}
            checked={includeDisabled}
            onChange={(e) => update({ disabled: e.currentTarget.checked ? '1' : '' })}
            mt={{ base: 0, md: 30 }}
          />
        </SimpleGrid>
      )}
      {list.error && <PageError error={list.error} />}
      {list.isPending && !list.error && <PageLoader />}
      {list.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={980}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  <Table.Th>{t('users.organisation')}</Table.Th>
                  <Table.Th>{t('users.roles')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.lastSignIn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((u) => (
                  <Table.Tr key={u.id} opacity={u.disabled ? 0.65 : 1}>
                    <Table.Td>
                      <Text component={Link} to={`/admin/users/${u.id}`} c="teal.8" fw={500} size="sm" data-testid="user-link">
                        {u.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text span size="sm" dir="ltr" style={{ whiteSpace: 'nowrap' }}>{u.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{u.organisationName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.memberships.map((m) => (
                          <MembershipBadge key={m.id} membership={m} />
                        ))}
                        {u.memberships.length === 0 && <Text size="xs" c="dimmed">{t('users.noRoles')}</Text>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={u.disabled ? 'gray' : 'green'} variant={u.disabled ? 'outline' : 'light'} styles={{ label: { overflow: 'visible' } }}>
                        {u.disabled ? t('users.disabled') : t('users.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('users.never')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {list.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">{t('common:common.noResults')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {list.data && <PaginationFooter total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => update({ offset: o ? String(o) : '' })} />}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} defaultOrganisationId={organisationId || null} />
    </Stack>
  );
}
