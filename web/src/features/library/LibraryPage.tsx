import { Alert, Button, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBooks, IconEye, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryIndicator } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { PageError } from '../admin/components/PageError.js';
import { useCurrentUser } from '../auth/session.js';
import { DeleteLibraryModal } from './DeleteLibraryModal.js';
import { type LibraryFormTarget, LibraryFormModal } from './LibraryFormModal.js';
import { LibraryTable } from './LibraryTable.js';
import { useOrganisationChoice } from './organisation-choice.js';
import { useLibrary, useUpdateLibraryIndicator } from './queries.js';

/**
 * `/library`: an organisation's standard indicators (a cluster's, a donor's or its own list) that
 * projects adopt. Organisation, search and "show archived" are kept in the address.
 */
export default function LibraryPage() {
  const { t } = useTranslation(['library', 'results']);
  const user = useCurrentUser();
  const { params, update } = useSearchParamsUpdate();
  const choice = useOrganisationChoice(user, params.get('organisation'));
  const { organisationId } = choice;
  const includeArchived = params.get('archived') === '1';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q });
  }, [q, params, update]);
  const list = useLibrary(organisationId, { q: q || undefined, includeArchived });
  const archive = useUpdateLibraryIndicator();
  const [form, setForm] = useState<LibraryFormTarget | null>(null);
  const [deleting, setDeleting] = useState<LibraryIndicator | null>(null);
  const canEdit = list.data?.canEdit ?? false;

  const setArchived = (entry: LibraryIndicator, archived: boolean) =>
    archive.mutate(
      { id: entry.id, body: { archived } },
      { onSuccess: () => notifications.show({ color: 'teal', message: t(archived ? 'table.archivedDone' : 'table.unarchivedDone', { code: entry.code }) }) },
    );

  return (
    <Stack>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ mode: 'create' })} data-testid="new-library-indicator">
              {t('new')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('organisation')}
          data={choice.options}
          value={organisationId}
          onChange={(v) => v && update({ organisation: v === choice.defaultId ? '' : v })}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common:common.noResults')}
          w={{ base: '100%', sm: 340 }}
          data-testid="library-organisation"
        />
        <TextInput
          label={t('common:actions.search')}
          leftSection={<IconSearch size={16} />}
          placeholder={t('searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          data-testid="library-search"
        />
        <Switch
          label={t('showArchived')}
          checked={includeArchived}
          onChange={(e) => update({ archived: e.currentTarget.checked ? '1' : '' })}
          pb={8}
        />
      </Group>
      {list.data && !canEdit && (
        <Alert color="gray" variant="light" icon={<IconEye size={18} />} data-testid="library-read-only">
          {t('readOnly')}
        </Alert>
      )}
      <ErrorAlert error={archive.error} />
      {list.error && <PageError error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && list.data.items.length === 0 && (
        <Alert color="blue" variant="light" icon={<IconBooks size={18} />} title={q ? t('noMatchTitle') : t('emptyTitle')}>
          {q ? t('noMatchBody', { q }) : canEdit ? t('emptyBody') : t('emptyReadOnly')}
        </Alert>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <LibraryTable
            items={list.data.items}
            canEdit={canEdit}
            actions={{ open: (entry) => setForm({ mode: canEdit ? 'edit' : 'view', entry }), setArchived, remove: setDeleting }}
          />
          <Text size="sm" c="dimmed">
            {t('count', { count: list.data.items.length })}
          </Text>
        </>
      )}
      <LibraryFormModal organisationId={organisationId} target={form} onClose={() => setForm(null)} />
      <DeleteLibraryModal key={deleting?.id ?? 'none'} entry={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
