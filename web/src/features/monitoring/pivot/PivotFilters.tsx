import { MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PivotCatalogue, PivotDefinition } from '@shared/schemas/monitoring.js';
import { useOrganisations } from '../../../api/lookups.js';
import { categoriesOf, setOptionFilter } from './definition.js';
import { PlacePicker } from './PlacePicker.js';

interface Props {
  definition: PivotDefinition;
  catalogue: PivotCatalogue;
  onChange: (def: PivotDefinition) => void;
}

/** Dates, places, reporting organisations and, per category of the chosen indicators, the options to keep. */
export function PivotFilters({ definition, catalogue, onChange }: Props) {
  const { t } = useTranslation('pivot');
  const organisations = useOrganisations();
  const { filters } = definition;
  const setFilters = (patch: Partial<PivotDefinition['filters']>) => onChange({ ...definition, filters: { ...filters, ...patch } });
  const categories = categoriesOf(catalogue, definition.indicatorIds);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="pivot-filters">
      <TextInput
        type="date"
        label={t('filters.from')}
        value={filters.from ?? ''}
        max={filters.to}
        onChange={(e) => setFilters({ from: e.currentTarget.value || undefined })}
        data-testid="pivot-from"
      />
      <TextInput
        type="date"
        label={t('filters.to')}
        value={filters.to ?? ''}
        min={filters.from}
        onChange={(e) => setFilters({ to: e.currentTarget.value || undefined })}
        data-testid="pivot-to"
      />
      <PlacePicker value={filters.locationIds} onChange={(locationIds) => setFilters({ locationIds })} />
      <MultiSelect
        label={t('filters.organisations')}
        placeholder={filters.organisationIds.length ? undefined : t('filters.allOrganisations')}
        data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.acronym ? `${o.acronym} — ${o.name}` : o.name }))}
        value={filters.organisationIds}
        onChange={(organisationIds) => setFilters({ organisationIds })}
        searchable
        clearable
        nothingFoundMessage={t('common:common.noResults')}
        comboboxProps={{ withinPortal: true }}
        data-testid="pivot-organisations"
      />
      {categories.map((c) => (
        <MultiSelect
          key={c.id}
          label={t('filters.onlyOptions', { category: c.name })}
          placeholder={filters.options[c.id]?.length ? undefined : t('filters.allOptions')}
          data={c.options.map((o) => ({ value: o.id, label: o.label }))}
          value={filters.options[c.id] ?? []}
          onChange={(ids) => onChange(setOptionFilter(definition, c.id, ids))}
          clearable
          maxValues={50}
          comboboxProps={{ withinPortal: true }}
          data-category={c.id}
        />
      ))}
    </SimpleGrid>
  );
}

