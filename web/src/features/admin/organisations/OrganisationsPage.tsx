import { ActionIcon, Anchor, Button, Card, Stack, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Organisation } from '@shared/schemas/index.js';
import { useCodelist, useCountries } from '../../../api/lookups.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PaginationFooter } from '../../../components/PaginationFooter.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { placeName } from '../../../lib/format.js';
import { useCurrentUser } from '../../auth/session.js';
import { canAdminOrganisation, isInstallationAdmin } from '../access.js';
import { PageError } from '../components/PageError.js';
import { OrganisationFormModal } from './OrganisationFormModal.js';
import { useOrganisation, useOrganisationList } from './queries.js';

const LIMIT = 50;

export default function OrganisationsPage() {
  const { t } = useTranslation('admin');
  const user = useCurrentUser();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [offset, setOffset] = useState(0);
  const list = useOrganisationList({ q: q || undefined, limit: LIMIT, offset });
  const types = useCodelist('organisation-types');
  const countries = useCountries();
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [opened, setOpened] = useState(false);
  // `?edit=<id>` opens that organisation's form: the IATI check links here for a missing identifier or type.
  const [params, setParams] = useSearchParams();
  const linkedId = params.get('edit');
  const linked = useOrganisation(linkedId);
  const fromLink = linked.data && linked.data.id === linkedId && canAdminOrganisation(user, linked.data.id) ? linked.data : null;
  const close = () => {
    setOpened(false);
    if (!linkedId) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('edit');
        return next;
      },
      { replace: true },
    );
  };

  const typeName = useMemo(() => new Map((types.data?.items ?? []).map((i) => [i.code, i.name])), [types.data]);
  const countryName = useMemo(() => new Map((countries.data?.items ?? []).map((c) => [c.pcode, placeName(c)])), [countries.data]);

  const open = (o: Organisation | null) => {
    setEditing(o);
    setOpened(true);
  };

  return (
    <Stack>
      <PageHeader
        title={t('organisations.title')}
        subtitle={t('organisations.subtitle')}
        actions={
          isInstallationAdmin(user) && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)} data-testid="new-organisation">
              {t('organisations.new')}
            </Button>
          )
        }
      />
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('organisations.searchPlaceholder')}
        aria-label={t('common:actions.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setOffset(0);
        }}
        maw={420}
      />
      {list.error && <PageError error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" highlightOnHover striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('organisations.name')}</Table.Th>
                  <Table.Th>{t('organisations.acronym')}</Table.Th>
                  <Table.Th>{t('organisations.type')}</Table.Th>
                  <Table.Th>{t('organisations.country')}</Table.Th>
                  <Table.Th>{t('organisations.iatiIdentifier')}</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('actionsColumn')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Text fw={500} size="sm">{o.name}</Text>
                      {o.website && (
                        <Anchor href={o.website} target="_blank" rel="noopener noreferrer" size="xs" dir="ltr">
                          {o.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>{o.acronym ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{typeName.get(o.type) ?? o.type}</Text>
                    </Table.Td>
                    <Table.Td>
                      {o.countryCode ? (
                        <Text size="sm">
                          {countryName.get(o.countryCode) ?? o.countryCode}{' '}
                          {countryName.has(o.countryCode) && <Text span c="dimmed" size="xs" ff="monospace">{o.countryCode}</Text>}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" dir="ltr" span style={{ whiteSpace: 'nowrap' }}>{o.iatiIdentifier ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {canAdminOrganisation(user, o.id) && (
                        <Tooltip label={t('common:actions.edit')}>
                          <ActionIcon variant="subtle" onClick={() => open(o)} aria-label={t('organisations.editLabel', { name: o.name })}>
                            <IconEdit size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
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
      {list.data && <PaginationFooter total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      {linked.error && <PageError error={linked.error} />}
      <OrganisationFormModal organisation={fromLink ?? editing} opened={opened || !!fromLink} onClose={close} />
    </Stack>
  );
}
