import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPlus, IconSparkles } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_CATEGORIES } from '@shared/domain/disaggregations.js';
import type { DisaggregationCategory } from '@shared/schemas/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { useSearchParamsUpdate } from '../../../lib/search-params.js';
import { useCurrentUser } from '../../auth/session.js';
import { useOrganisationChoice } from '../../library/organisation-choice.js';
import { ActionError, PageError } from '../components/PageError.js';
import { CategoryCard } from './CategoryCard.js';
import { CategoryFormModal } from './CategoryFormModal.js';
import { DeleteCategoryModal } from './DeleteCategoryModal.js';
import { useAddStandardCategories, useCategories } from './queries.js';

/**
 * `/admin/disaggregations`: an organisation's disaggregation categories (sex, age bands, disability…)
 * that its indicators pick from. The organisation is kept in the address (`?organisation=`) and
 * defaults to the user's own.
 */
export default function DisaggregationsPage() {
  const { t } = useTranslation(['admin', 'results']);
  const user = useCurrentUser();
  const { params, update } = useSearchParamsUpdate();
  // Anyone who sees one of an organisation's programmes reads its categories: their own organisation is always offered.
  const choice = useOrganisationChoice(user, params.get('organisation'), [user.organisationId]);
  const { organisationId } = choice;
  const list = useCategories(organisationId);
  const addStandard = useAddStandardCategories(organisationId);
  const [form, setForm] = useState<{ category: DisaggregationCategory | null } | null>(null);
  const [deleting, setDeleting] = useState<DisaggregationCategory | null>(null);

  const canEdit = list.data?.canEdit ?? false;
  const items = useMemo(() => [...(list.data?.items ?? [])].sort((a, b) => a.position - b.position), [list.data]);
  const missingStandard = STANDARD_CATEGORIES.filter((s) => !items.some((c) => c.code === s.code));

  const runAddStandard = () =>
    addStandard.mutate(undefined, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('disaggregations.standardAdded', { count: missingStandard.length }) }),
    });

  return (
    <Stack>
      <PageHeader
        title={t('disaggregations.title')}
        subtitle={t('disaggregations.subtitle')}
        actions={
          canEdit && (
            <>
              <Tooltip label={t('disaggregations.standardHelp')} multiline w={300} disabled={missingStandard.length === 0}>
                <Button
                  variant="default"
                  leftSection={<IconSparkles size={16} />}
                  onClick={runAddStandard}
                  loading={addStandard.isPending}
                  disabled={missingStandard.length === 0}
                  data-testid="add-standard"
                >
                  {missingStandard.length === 0 ? t('disaggregations.standardAll') : t('disaggregations.addStandard')}
                </Button>
              </Tooltip>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ category: null })} data-testid="new-category">
                {t('disaggregations.new')}
              </Button>
            </>
          )
        }
      />
      <Group align="flex-end" gap="md">
        <Select
          label={t('disaggregations.organisation')}
          data={choice.options}
          value={organisationId}
          onChange={(v) => v && update({ organisation: v === choice.defaultId ? '' : v })}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common:common.noResults')}
          w={{ base: '100%', sm: 380 }}
          data-testid="organisation-select"
        />
        {list.data && (
          <Text size="sm" c="dimmed" pb={8}>
            {t('disaggregations.count', { count: items.length })}
          </Text>
        )}
      </Group>
      <ActionError error={addStandard.error} />
      {list.data && !canEdit && (
        <Alert color="gray" variant="light" icon={<IconEye size={18} />} data-testid="read-only">
          {t('disaggregations.readOnly')}
        </Alert>
      )}
      {list.error && <PageError error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && items.length === 0 && (
        <Alert color="blue" variant="light" title={t('disaggregations.emptyTitle')}>
          {canEdit ? t('disaggregations.emptyBody') : t('disaggregations.emptyReadOnly')}
        </Alert>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" style={{ alignItems: 'start' }} data-testid="category-list">
          {items.map((c) => (
            <CategoryCard key={c.id} category={c} canEdit={canEdit} onEdit={() => setForm({ category: c })} onDelete={() => setDeleting(c)} />
          ))}
        </SimpleGrid>
      )}
      <CategoryFormModal organisationId={organisationId} category={form?.category ?? null} opened={!!form} onClose={() => setForm(null)} />
      <DeleteCategoryModal key={deleting?.id ?? 'none'} category={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
