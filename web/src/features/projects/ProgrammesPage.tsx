import { Anchor, Button, Card, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useCurrentUser } from '../auth/session.js';
import { canCreateProgrammes, ProgrammeStatusBadge } from './labels.js';
import { PaginationFooter } from '../../components/PaginationFooter.js';
import { ProgrammeFormModal } from './ProgrammeFormModal.js';
import { useProgrammes } from './queries.js';
import { PAGE_SIZE, useDebouncedSearch, useUrlFilters } from './url-state.js';

const FILTERS = ['q'] as const;

export default function ProgrammesPage() {
  const { t } = useTranslation('projects');
  const user = useCurrentUser();
  const [creating, { open, close }] = useDisclosure(false);
  const { values, page, offset, setFilter, setPage } = useUrlFilters(FILTERS);
  const search = useDebouncedSearch(values.q, (v) => setFilter('q', v));
  const programmes = useProgrammes({ q: values.q || undefined, limit: PAGE_SIZE, offset });

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        subtitle={t('programmes.subtitle')}
        actions={
          canCreateProgrammes(user) && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('programmes.new')}
            </Button>
          )
        }
      />
      <ProgrammeFormModal opened={creating} onClose={close} />
      <Card withBorder padding="md">
        <TextInput
          maw={360}
          mb="md"
          aria-label={t('filters.search')}
          placeholder={t('programmes.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search.value}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          type="search"
        />
        {programmes.error && <ErrorAlert error={programmes.error} />}
        {programmes.isPending && <PageLoader />}
        {programmes.data && programmes.data.items.length === 0 && (
          <Text c="dimmed" py="lg" ta="center">
            {values.q ? t('programmes.noMatch') : t('programmes.none')}
          </Text>
        )}
        {programmes.data && programmes.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={860} style={{ opacity: programmes.isPlaceholderData ? 0.6 : 1 }}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="programmes-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.code')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.owner')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.dates')}</Table.Th>
                  <Table.Th ta="end">{t('fields.projectCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programmes.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {p.code}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={380}>
                      <Anchor component={Link} to={`/programmes/${p.id}`} fw={500} size="sm">
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.organisationName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ProgrammeStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">
                        {formatDate(p.startDate)} – {formatDate(p.endDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="end">
                      <Text size="sm">{formatNumber(p.projectCount)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {programmes.data && <PaginationFooter total={programmes.data.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} onChange={(offset) => setPage(offset / PAGE_SIZE + 1)} />}
      </Card>
    </>
  );
}
