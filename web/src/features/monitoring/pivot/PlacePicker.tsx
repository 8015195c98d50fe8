import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/schemas/locations.js';
import { api } from '../../../api/client.js';
import { placeName } from '../../../lib/format.js';

const label = (l: Location) => `${placeName(l)} (${l.pcode})`;

/**
 * Places to keep (each with every place under it), found by name or P-code as the user types:
 * the location tree can hold thousands of places, too many for one list. The names of places
 * already chosen (a saved pivot's) are fetched one by one.
 */
export function PlacePicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('pivot');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['locations', 'search', q] as const,
    queryFn: ({ signal }) => api<{ items: Location[] }>('/locations', { query: { q, limit: 30 }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const chosen = useQueries({
    queries: value.map((id) => ({
      queryKey: ['locations', 'one', id] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => api<Location>(`/locations/${id}`, { signal }),
      staleTime: 5 * 60_000,
    })),
  });
  const options = new Map<string, string>();
  chosen.forEach((c, i) => options.set(value[i]!, c.data ? label(c.data) : '…'));
  if (q.length >= 2) for (const l of found.data?.items ?? []) if (!options.has(l.id)) options.set(l.id, label(l));

  return (
    <MultiSelect
      label={t('filters.places')}
      placeholder={value.length ? undefined : t('filters.placesPlaceholder')}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={(ids) => {
        onChange(ids);
        setSearch('');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched the text (names in every language, P-codes).
      filter={({ options: o }) => o}
      nothingFoundMessage={q.length >= 2 ? t('common:common.noResults') : t('filters.typeToSearch')}
      clearable
      maxValues={200}
      comboboxProps={{ withinPortal: true }}
      data-testid="pivot-places"
    />
  );
}
