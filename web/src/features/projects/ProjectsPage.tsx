import { Button, Card, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectStatus } from '@shared/schemas/index.js';
import { useCountries } from '../../api/lookups.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { placeName } from '../../lib/format.js';
import { useCurrentUser } from '../auth/session.js';
import { managesProgramme, useProjectStatusOptions } from './labels.js';
import { PaginationFooter } from '../../components/PaginationFooter.js';
import { ProjectsTable } from './ProjectsTable.js';
import { allProgrammes, useProjects } from './queries.js';
import { PAGE_SIZE, useDebouncedSearch, useUrlFilters } from './url-state.js';

const FILTERS = ['q', 'programmeId', 'status', 'country'] as const;

export default function ProjectsPage() {
  const { t } = useTranslation('projects');
  const user = useCurrentUser();
  const { values, page, offset, setFilter, setPage } = useUrlFilters(FILTERS);
  const search = useDebouncedSearch(values.q, (v) => setFilter('q', v));
  const programmes = useQuery(allProgrammes());
  const countries = useCountries();
  const statusOptions = useProjectStatusOptions();
  const projects = useProjects({
    q: values.q || undefined,
    programmeId: values.programmeId || undefined,
    status: (values.status || undefined) as ProjectStatus | undefined,
    country: values.country || undefined,
    limit: PAGE_SIZE,
    offset,
  });
  const filtered = FILTERS.some((k) => values[k]);

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        actions={
          // Only for someone who manages a programme: others would be refused when they save.
          programmes.data?.items.some((p) => managesProgramme(user, p)) && (
            <Button component={Link} to={values.programmeId ? `/projects/new?programmeId=${values.programmeId}` : '/projects/new'} leftSection={<IconPlus size={16} />}>
              {t('projects.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" mb="md" role="search" aria-label={t('projects.filters')}>
          <TextInput
            label={t('filters.search')}
            placeholder={t('projects.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search.value}
            onChange={(e) => search.onChange(e.currentTarget.value)}
            type="search"
          />
          <Select
            label={t('fields.programme')}
            placeholder={t('filters.all')}
            data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
            value={values.programmeId || null}
            onChange={(v) => setFilter('programmeId', v)}
            searchable
            clearable
            nothingFoundMessage={t('filters.nothingFound')}
          />
          <Select
            label={t('fields.status')}
            placeholder={t('filters.all')}
            data={statusOptions}
            value={values.status || null}
            onChange={(v) => setFilter('status', v)}
            clearable
          />
          <Select
            label={t('fields.country')}
            placeholder={t('filters.all')}
            data={(countries.data?.items ?? []).map((c) => ({ value: c.pcode, label: placeName(c) }))}
            value={values.country || null}
            onChange={(v) => setFilter('country', v)}
            searchable
            clearable
            nothingFoundMessage={t('filters.nothingFound')}
          />
        </SimpleGrid>
        {projects.error && <ErrorAlert error={projects.error} />}
        {projects.isPending && <PageLoader />}
        {projects.data && projects.data.items.length === 0 && (
          <Text c="dimmed" py="lg" ta="center">
            {filtered ? t('projects.noMatch') : t('projects.none')}
          </Text>
        )}
        {projects.data && projects.data.items.length > 0 && (
          <div style={{ opacity: projects.isPlaceholderData ? 0.6 : 1 }}>
            <ProjectsTable items={projects.data.items} />
          </div>
        )}
        {projects.data && <PaginationFooter total={projects.data.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} onChange={(offset) => setPage(offset / PAGE_SIZE + 1)} />}
      </Card>
    </>
  );
}
